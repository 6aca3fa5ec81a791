import { z } from 'zod';
import type { M3Client } from '../../../connectors/m3/m3-client.ts';
import { M3_SYSTEM } from '../../../connectors/m3/m3-errors.ts';
import type { JsonValue } from '../../../contract/flow-document.ts';
import { BridgeflowError, isErrorCode } from '../../../errors/bridgeflow-error.ts';
import { defineNodeType, emit } from '../../node-type.ts';
import {
  apiVersionParameter,
  M3_CREDENTIALS,
  m3ClientOf,
  outputFieldParameter,
  placeOutput,
  requiredText,
  templateProblems,
} from '../m3-node-support.ts';

const DOCS = [
  'Sums an item’s stock over a set of M3 warehouses, for the web shop’s inventory: one `MMS200MI/GetItmWhsBal` per warehouse.',
  '',
  '- **Warehouses**: the `WHLO` codes to add up, e.g. `100`, `200`.',
  '- **Quantity**: `AV01` allocatable net (on-hand − allocated, the default), `AVAL` allocatable on-hand, `AV02` available inventory (on-hand − reserved) or `STQT` on-hand.',
  '- **Missing balance** *zero*: a warehouse where M3 refuses the balance (the item is not stocked there) counts as 0 and is listed with M3’s message; *fail*: the item fails.',
  '- Output: `{ ITNO, quantityField, available, warehouses: [{ WHLO, quantity, missing? }] }` with numbers.',
].join('\n');

const QUANTITY_FIELDS = ['AV01', 'AVAL', 'AV02', 'STQT'] as const;

const parameters = z.object({
  itemNumber: z.string().trim().min(1).default('{{ ITNO }}'),
  warehouses: z.array(z.string().trim().min(1).max(3)).min(1),
  quantityField: z.enum(QUANTITY_FIELDS).default('AV01'),
  missingBalance: z.enum(['zero', 'fail']).default('zero'),
  apiVersion: apiVersionParameter,
  outputField: outputFieldParameter,
});

interface WarehouseQuantity {
  [key: string]: JsonValue;
  WHLO: string;
  quantity: number;
}

/** Available stock of each item over the configured warehouses. */
export const availableStockNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'm3.availableStock',
    version: 1,
    label: 'M3 available stock',
    category: 'connector',
    icon: 'warehouse',
    summary: 'Sum an item’s available stock over Infor M3 warehouses',
    docs: DOCS,
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [{ name: 'main', label: 'Stock' }],
    credentials: M3_CREDENTIALS,
    expressionParameters: ['itemNumber'],
    summaryParameters: ['itemNumber', 'warehouses'],
  },
  parameters,
  validate: (parameters) => templateProblems({ itemNumber: parameters.itemNumber }),
  async executeItem(json, context) {
    const { parameters } = context;
    const itemNumber = await requiredText(parameters.itemNumber, json, 'itemNumber');
    const client = await m3ClientOf(context);
    const warehouses: WarehouseQuantity[] = [];
    // One warehouse after the other: an ERP answers a few calls in a row better than a burst.
    for (const warehouse of new Set(parameters.warehouses)) {
      warehouses.push(await warehouseQuantity(client, itemNumber, warehouse, parameters));
    }
    const total = warehouses.reduce((sum, entry) => sum + entry.quantity, 0);
    const output = {
      ITNO: itemNumber,
      quantityField: parameters.quantityField,
      // Decimal quantities summed in binary floating point: keep M3's six decimals at most.
      available: Math.round(total * 1e6) / 1e6,
      warehouses,
    };
    return emit(placeOutput(json, output, parameters.outputField));
  },
});

async function warehouseQuantity(
  client: M3Client,
  itemNumber: string,
  warehouse: string,
  parameters: { quantityField: (typeof QUANTITY_FIELDS)[number]; missingBalance: 'zero' | 'fail' },
): Promise<WarehouseQuantity> {
  try {
    const { records } = await client.execute({
      program: 'MMS200MI',
      transaction: 'GetItmWhsBal',
      input: { WHLO: warehouse, ITNO: itemNumber },
      returnColumns: ['WHLO', 'ITNO', parameters.quantityField],
    });
    const text = records[0]?.[parameters.quantityField] ?? '';
    const quantity = Number(text);
    if (text === '' || !Number.isFinite(quantity)) {
      throw new BridgeflowError(
        'CONNECTOR_REMOTE_ERROR',
        `${M3_SYSTEM} gave ${parameters.quantityField} "${text}" for ${itemNumber} in warehouse ${warehouse}`,
        { retryable: false },
      );
    }
    return { WHLO: warehouse, quantity };
  } catch (thrown) {
    // M3 refuses a balance the item does not have; which message id says so is unverified, so
    // every refusal of this read counts, and the message is kept for whoever checks.
    if (parameters.missingBalance === 'fail' || !isErrorCode(thrown, 'CONNECTOR_VALIDATION')) throw thrown;
    const message =
      thrown instanceof BridgeflowError ? (thrown.details.remote?.message ?? thrown.message) : '';
    return { WHLO: warehouse, quantity: 0, missing: message };
  }
}
