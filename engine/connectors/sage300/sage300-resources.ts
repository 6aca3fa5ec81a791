import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { quoteString } from './sage300-odata.ts';

/** A Web API resource: `{module}/{name}`, e.g. `AR/ARCustomers` (erp-apis.md A1). */
export interface Sage300Resource {
  readonly module: string;
  readonly name: string;
}

/** The resources the Sage 300 nodes use, with the section of the reference that describes each. */
export const SAGE300_RESOURCES = {
  /** A7: key CustomerNumber. */
  customers: { module: 'AR', name: 'ARCustomers' },
  /** A6: key OrderUniquifier (numeric, generated); GET and POST only. */
  orders: { module: 'OE', name: 'OEOrders' },
  /** A8: key unverified (ItemNumber vs UnformattedItemNumber). */
  items: { module: 'IC', name: 'ICItems' },
  /** A8: quantities per item and location; third-party only, version-dependent [T]. */
  locationDetails: { module: 'IC', name: 'ICLocationDetails' },
  /** A9: GL0008; GET POST PATCH. */
  journalBatches: { module: 'GL', name: 'GLJournalBatches' },
  /** A9: key (BatchRecordType, BatchNumber); GET POST PATCH. */
  receiptBatches: { module: 'AR', name: 'ARReceiptAndAdjustmentBatches' },
} as const satisfies Record<string, Sage300Resource>;

const MODULE = /^[A-Z]{2}$/;
const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/** Reads `AR/ARCustomers`; INPUT_INVALID for anything else. */
export function parseResource(text: string): Sage300Resource {
  const [module = '', name = '', ...rest] = text.trim().split('/');
  if (!MODULE.test(module) || !NAME.test(name) || rest.length > 0) {
    throw new BridgeflowError(
      'INPUT_INVALID',
      `"${text}" is not a Sage 300 resource; write module/resource, e.g. AR/ARCustomers`,
      { retryable: false },
    );
  }
  return { module, name };
}

/** An entry key: one value, or named segments for composite keys (A3, S-DEV §5). */
export type Sage300Key = string | number | Readonly<Record<string, string | number>>;

/**
 * The text between the parentheses of an entry URL: `'1200'`, `10021638`,
 * `BatchRecordType='CA',BatchNumber=65` (A3). String values are quoted with quotes doubled and then
 * percent-encoded, so a `/` or `#` in a key cannot change the path; names must be identifiers.
 * An encoded `/` (`%2F`) may still be refused by IIS before Sage sees it [U].
 */
export function keyText(key: Sage300Key): string {
  if (typeof key !== 'object') return keyLiteral(key);
  const parts = Object.entries(key).map(([name, value]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new BridgeflowError('INPUT_INVALID', `"${name}" is not a key property name`, {
        retryable: false,
      });
    }
    return `${name}=${keyLiteral(value)}`;
  });
  if (parts.length === 0)
    throw new BridgeflowError('INPUT_INVALID', 'A composite key needs at least one part');
  return parts.join(',');
}

function keyLiteral(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new BridgeflowError('INPUT_INVALID', `${value} is not a key value`);
    return String(value);
  }
  if (value.trim() === '') {
    throw new BridgeflowError('INPUT_INVALID', 'A Sage 300 key value cannot be blank', { retryable: false });
  }
  // encodeURIComponent leaves quotes alone, so the OData quoting survives and stays readable.
  return encodeURIComponent(quoteString(value));
}
