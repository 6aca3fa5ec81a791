import { CURRENT_SCHEMA_VERSION } from '../contract/flow-document.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import { isRecord } from './json-path.ts';
import { schemaV0ToV1 } from './migrations/schema-v0-to-v1.ts';

/** Upgrades a flow file's raw JSON from one schema version to the next. */
export interface FlowMigration {
  readonly from: number;
  readonly to: number;
  /** What changes, for the log line shown when an old file is opened. */
  readonly description: string;
  /** Returns the upgraded document (a new object; the input is left alone). `schemaVersion` is set by the caller. */
  migrate(raw: Record<string, unknown>): unknown;
}

/** Every migration this build knows, keyed by the version it upgrades from. */
export const FLOW_MIGRATIONS: readonly FlowMigration[] = [schemaV0ToV1];

/** A document brought up to the current schema version, not yet checked against the schema. */
export interface MigratedFlow {
  raw: Record<string, unknown>;
  /** The schemaVersion the file was written with. */
  fromVersion: number;
  /** The migrations that ran, in order; empty when the file was already current. */
  applied: readonly FlowMigration[];
}

/**
 * Applies migrations in order until the document reaches `currentVersion`. Throws FLOW_INVALID
 * when there is no usable schemaVersion, FLOW_SCHEMA_UNSUPPORTED for a version this build cannot
 * read (newer than it knows, or with no migration path), FLOW_MIGRATION_FAILED when a step throws.
 */
export function migrateFlow(
  raw: unknown,
  migrations: readonly FlowMigration[] = FLOW_MIGRATIONS,
  currentVersion: number = CURRENT_SCHEMA_VERSION,
): MigratedFlow {
  if (!isRecord(raw)) {
    const found = Array.isArray(raw) ? 'an array' : raw === null ? 'null' : `a ${typeof raw}`;
    throw new BridgeflowError('FLOW_INVALID', `A flow file must hold a JSON object, found ${found}`, {
      path: '',
    });
  }
  const fromVersion = schemaVersionOf(raw, currentVersion);
  const byFrom = indexMigrations(migrations);
  const applied: FlowMigration[] = [];
  let document = raw;
  let version = fromVersion;
  while (version < currentVersion) {
    const migration = byFrom.get(version);
    if (!migration) {
      throw new BridgeflowError(
        'FLOW_SCHEMA_UNSUPPORTED',
        `This flow uses schema version ${fromVersion}, which this version of Bridgeflow cannot upgrade to schema version ${currentVersion}`,
        { path: 'schemaVersion' },
      );
    }
    document = runMigration(migration, document);
    version = migration.to;
    applied.push(migration);
  }
  return { raw: document, fromVersion, applied };
}

function schemaVersionOf(raw: Record<string, unknown>, currentVersion: number): number {
  const version = raw.schemaVersion;
  if (version === undefined) {
    throw new BridgeflowError(
      'FLOW_INVALID',
      'The flow has no "schemaVersion", so it is not a Bridgeflow flow file',
      {
        path: 'schemaVersion',
      },
    );
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new BridgeflowError(
      'FLOW_INVALID',
      `"schemaVersion" must be a whole number, got ${JSON.stringify(version)}`,
      {
        path: 'schemaVersion',
      },
    );
  }
  if (version > currentVersion) {
    throw new BridgeflowError(
      'FLOW_SCHEMA_UNSUPPORTED',
      `This flow uses schema version ${version}, but this version of Bridgeflow reads schema versions up to ${currentVersion}; update Bridgeflow to open it`,
      { path: 'schemaVersion' },
    );
  }
  return version;
}

function indexMigrations(migrations: readonly FlowMigration[]): Map<number, FlowMigration> {
  const byFrom = new Map<number, FlowMigration>();
  for (const migration of migrations) {
    // A programming mistake in the list, not a problem with the user's file.
    if (migration.to <= migration.from)
      throw new Error(`Migration ${migration.from} → ${migration.to} goes backwards`);
    if (byFrom.has(migration.from))
      throw new Error(`Two migrations start at schema version ${migration.from}`);
    byFrom.set(migration.from, migration);
  }
  return byFrom;
}

function runMigration(migration: FlowMigration, document: Record<string, unknown>): Record<string, unknown> {
  const step = `schema version ${migration.from} → ${migration.to}`;
  let result: unknown;
  try {
    result = migration.migrate(document);
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    throw new BridgeflowError('FLOW_MIGRATION_FAILED', `Upgrading the flow from ${step} failed: ${reason}`, {
      cause: thrown,
    });
  }
  if (!isRecord(result)) {
    throw new BridgeflowError(
      'FLOW_MIGRATION_FAILED',
      `Upgrading the flow from ${step} did not produce an object`,
    );
  }
  return { ...result, schemaVersion: migration.to };
}
