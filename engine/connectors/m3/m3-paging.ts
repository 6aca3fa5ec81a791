import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import type { M3Client, M3TransactionCall } from './m3-client.ts';
import { M3_SYSTEM } from './m3-errors.ts';
import type { M3Record } from './m3-response.ts';

// MI lists have no offset paging. What the reference gives (erp-apis.md B1, B6, B7): `maxrecs`
// caps a call (0 = all), and list transactions take the key to start from as input, e.g.
// CRS610MI/LstByNumber reads customers from CUNO on, MMS200MI/LstItmByItm items from ITNO on.
// A page therefore starts at the last key of the page before; that record comes back first and is
// skipped. (v2's `positionkey` header is described only as "position in a table to start reading
// from" and is not used.)

/** How to page through a list transaction. */
export interface M3Paging {
  /** Records per call; 0 = a single call with `maxrecs=0` (everything). */
  pageSize: number;
  /**
   * Start-key input field → the output field that holds it, e.g. `{ CUNO: 'CUNO' }` for
   * LstByNumber. Together they must identify a record, or records sharing a key are skipped.
   */
  startKey: Readonly<Record<string, string>>;
}

/**
 * The records of a list transaction, page by page as they are read. Without paging, one call with
 * the call's `maxRecords` (default 0 = all). In dry-run a list marked as a write yields nothing.
 */
export async function* m3Records(
  client: M3Client,
  call: M3TransactionCall,
  paging?: M3Paging,
): AsyncGenerator<M3Record, void, undefined> {
  if (paging === undefined || paging.pageSize <= 0) {
    const maxRecords = paging === undefined ? (call.maxRecords ?? 0) : 0;
    yield* (await client.execute({ ...call, maxRecords })).records;
    return;
  }
  let input = { ...call.input };
  let lastKey: string | undefined;
  for (;;) {
    const asked = paging.pageSize + (lastKey === undefined ? 0 : 1);
    const { records } = await client.execute({ ...call, input, maxRecords: asked });
    const firstNew =
      lastKey === undefined ? 0 : records.findIndex((record) => keyOf(record, paging) !== lastKey);
    const fresh = firstNew < 0 ? [] : records.slice(firstNew);
    yield* fresh;
    const last = records.at(-1);
    if (records.length < asked || last === undefined) return;
    if (fresh.length === 0) throw stuck(call, paging);
    lastKey = keyOf(last, paging);
    input = { ...input, ...startInput(last, paging) };
  }
}

function keyOf(record: M3Record, paging: M3Paging): string {
  return Object.values(paging.startKey)
    .map((field) => record[field] ?? '')
    .join('\u0000');
}

function startInput(record: M3Record, paging: M3Paging): Record<string, string> {
  const input: Record<string, string> = {};
  for (const [inputField, outputField] of Object.entries(paging.startKey)) {
    input[inputField] = record[outputField] ?? '';
  }
  return input;
}

function stuck(call: M3TransactionCall, paging: M3Paging): BridgeflowError {
  const fields = Object.keys(paging.startKey).join(', ');
  return new BridgeflowError(
    'CONNECTOR_REMOTE_ERROR',
    `${M3_SYSTEM} ${call.program}/${call.transaction}: a whole page shares one start key (${fields}); ` +
      'raise the page size or page by a key that identifies a record',
    { retryable: false },
  );
}
