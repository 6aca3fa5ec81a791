import { BridgeflowError } from '../errors/bridgeflow-error.ts';

/**
 * SQLite result codes that mean "another connection holds the lock": the runtime and the designer
 * may share one database file, so these clear up on their own and are worth retrying.
 */
const LOCKED_CODES: ReadonlySet<string> = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);

/**
 * Runs `work` and turns anything SQLite throws into BridgeflowError STORE_FAILED whose message
 * says what was being done ("Could not open the database at ...: disk I/O error").
 * BridgeflowErrors thrown inside pass through untouched, so stores can raise their own codes.
 */
export function withStoreErrors<T>(action: string, work: () => T): T {
  try {
    return work();
  } catch (thrown) {
    throw toStoreError(action, thrown);
  }
}

/** The STORE_FAILED error for `thrown`, or `thrown` itself when it already is a BridgeflowError. */
export function toStoreError(action: string, thrown: unknown): BridgeflowError {
  if (thrown instanceof BridgeflowError) return thrown;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new BridgeflowError('STORE_FAILED', `Could not ${action}: ${message}`, {
    retryable: LOCKED_CODES.has(sqliteCodeOf(thrown)),
    cause: thrown,
  });
}

/** better-sqlite3's SqliteError carries the extended result code, e.g. SQLITE_BUSY_SNAPSHOT. */
function sqliteCodeOf(thrown: unknown): string {
  if (!(thrown instanceof Error) || !('code' in thrown) || typeof thrown.code !== 'string') return '';
  return thrown.code.split('_').slice(0, 2).join('_');
}
