import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';

/**
 * Order status ids by name. Ids 1–11 agree in every source (reference/threedcart-api.md §4: SkuVault,
 * ShipWorks, the official SDK); merchants may relabel them but not renumber. "Review" is 12 in
 * SkuVault and 13 in ShipWorks, so it is only accepted as a number.
 */
const STATUS_IDS: ReadonlyMap<string, number> = new Map([
  ['new', 1],
  ['processing', 2],
  ['inprocess', 2],
  ['partial', 3],
  ['partiallyshipped', 3],
  ['shipped', 4],
  ['cancel', 5],
  ['cancelled', 5],
  ['canceled', 5],
  ['hold', 6],
  ['onhold', 6],
  ['notcompleted', 7],
  ['custom1', 8],
  ['custom2', 9],
  ['custom3', 10],
  ['unpaid', 11],
]);

export const SHIPPED_STATUS_ID = 4;

/** A status given as an id (`4`, `"4"`) or a name (`"Shipped"`, `"On Hold"`), as its id. */
export function orderStatusId(value: JsonValue | undefined, parameter: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^\d+$/.test(text) && Number(text) > 0) return Number(text);
    const id = STATUS_IDS.get(text.toLowerCase().replace(/[\s_-]+/g, ''));
    if (id !== undefined) return id;
    if (text.toLowerCase() === 'review') {
      throw invalid(
        `${parameter} "Review" is 12 on some stores and 13 on others; give the id (see GET /OrderStatus)`,
      );
    }
  }
  throw invalid(
    `${parameter} ${JSON.stringify(value ?? null)} is not an order status: give an id or one of New, Processing, Partial, Shipped, Cancelled, Hold, Not Completed, Custom1–3, Unpaid`,
  );
}

function invalid(message: string): BridgeflowError {
  return new BridgeflowError('INPUT_INVALID', message, { retryable: false });
}
