import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import { toStoreError, withStoreErrors } from './store-error.ts';

/**
 * One numbered step of the database schema. Versions only grow; a released migration is never
 * edited, a change gets a new one. `up` is SQL run with `exec`, so it may hold several statements,
 * but nothing SQLite refuses inside a transaction (VACUUM, PRAGMA journal_mode).
 */
export interface StoreMigration {
  /** 1, 2, 3, ...: applied in this order, recorded in `schema_migrations`. */
  readonly version: number;
  /** kebab-case, matches the file name: `lookup-tables` for `0001-lookup-tables.ts`. */
  readonly name: string;
  readonly up: string;
}

const CREATE_SCHEMA_MIGRATIONS = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`;

const AppliedVersionSchema = z.object({ version: z.number().int() });

/**
 * Brings the database up to the newest of `migrations` and returns the ones it applied (empty when
 * it was current). Each migration runs in its own IMMEDIATE transaction, so a failure leaves the
 * database at the last version that succeeded, and two processes opening the same file at once
 * cannot both apply a step. Throws STORE_FAILED for a database written by a newer Bridgeflow and
 * for a failing migration (naming it); INTERNAL for a malformed migration list.
 */
export function migrateDatabase(database: Database, migrations: readonly StoreMigration[]): StoreMigration[] {
  const ordered = checkedMigrations(migrations);
  withStoreErrors('prepare the schema_migrations table', () => database.exec(CREATE_SCHEMA_MIGRATIONS));
  refuseNewerDatabase(database, ordered);
  const applied: StoreMigration[] = [];
  for (const migration of ordered) {
    if (applyMigration(database, migration)) applied.push(migration);
  }
  return applied;
}

/** The versions recorded in `schema_migrations`, ascending. */
export function appliedVersions(database: Database): number[] {
  return withStoreErrors('read the schema version', () =>
    database
      .prepare('SELECT version FROM schema_migrations ORDER BY version')
      .all()
      .map((row) => AppliedVersionSchema.parse(row).version),
  );
}

/** Sorted by version; versions must be distinct positive whole numbers (a build mistake otherwise). */
function checkedMigrations(migrations: readonly StoreMigration[]): StoreMigration[] {
  const ordered = [...migrations].sort((left, right) => left.version - right.version);
  ordered.forEach((migration, index) => {
    const previous = ordered[index - 1];
    if (!Number.isInteger(migration.version) || migration.version < 1) {
      throw new BridgeflowError('INTERNAL', `Migration "${migration.name}" has an invalid version`);
    }
    if (previous?.version === migration.version) {
      throw new BridgeflowError(
        'INTERNAL',
        `Migrations "${previous.name}" and "${migration.name}" share version ${migration.version}`,
      );
    }
  });
  return ordered;
}

/**
 * Opening a database written by a newer Bridgeflow would run old code against a schema it does not
 * know (and could corrupt data the newer version relies on), so it is refused outright.
 */
function refuseNewerDatabase(database: Database, ordered: readonly StoreMigration[]): void {
  const newestKnown = ordered.at(-1)?.version ?? 0;
  const newestApplied = appliedVersions(database).at(-1) ?? 0;
  if (newestApplied > newestKnown) {
    throw new BridgeflowError(
      'STORE_FAILED',
      `The database ${database.name} was written by a newer version of Bridgeflow (schema version ${newestApplied}; this version knows up to ${newestKnown}); update Bridgeflow to open it`,
    );
  }
}

/** Applies one migration unless already recorded; true when it ran. */
function applyMigration(database: Database, migration: StoreMigration): boolean {
  const alreadyApplied = database.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  const record = database.prepare(
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
  );
  const step = database.transaction((): boolean => {
    // Checked inside the transaction: another process may have applied it since we looked.
    if (alreadyApplied.get(migration.version) !== undefined) return false;
    database.exec(migration.up);
    record.run(migration.version, migration.name);
    return true;
  });
  try {
    return step.immediate();
  } catch (thrown) {
    const label = `${String(migration.version).padStart(4, '0')}-${migration.name}`;
    throw toStoreError(`apply database migration ${label} (rolled back)`, thrown);
  }
}
