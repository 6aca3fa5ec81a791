import Database from 'better-sqlite3';
import { migrateDatabase, type StoreMigration } from './migrations.ts';
import { withStoreErrors } from './store-error.ts';
import { STORE_MIGRATIONS } from './store-migrations.ts';

/** An open Bridgeflow database (a better-sqlite3 connection). */
export type StoreDatabase = Database.Database;

/** Options for {@link openDatabase}; tests pass their own migrations. */
export interface OpenDatabaseOptions {
  /** Defaults to {@link STORE_MIGRATIONS}. */
  migrations?: readonly StoreMigration[];
  /**
   * How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
   * The designer and `bridgeflow serve` may share one file, so waiting briefly beats failing.
   */
  busyTimeoutMs?: number;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating when missing) the SQLite database at `path`, or an in-memory one for `':memory:'`,
 * and brings its schema up to date. WAL lets readers (the monitor, the admin API) run while a worker
 * writes; foreign keys are off by default in SQLite and must be switched on per connection.
 * Synchronous stays at its default FULL: idempotency keys and dead letters must survive a power cut.
 * Throws STORE_FAILED when the file cannot be opened or migrated; the connection is closed then.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): StoreDatabase {
  const database = withStoreErrors(
    `open the database at ${path}`,
    () => new Database(path, { timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS }),
  );
  try {
    withStoreErrors(`configure the database at ${path}`, () => {
      // In-memory databases answer "memory" here; WAL only applies to files.
      database.pragma('journal_mode = WAL');
      database.pragma('foreign_keys = ON');
      // Said explicitly: in WAL mode this SQLite build defaults to NORMAL, which survives a crashed
      // process but may lose the last commits (acknowledged webhooks) on a power cut.
      database.pragma('synchronous = FULL');
    });
    migrateDatabase(database, options.migrations ?? STORE_MIGRATIONS);
    return database;
  } catch (thrown) {
    database.close();
    throw thrown;
  }
}
