import { lookupTablesMigration } from './migrations/0001-lookup-tables.ts';
import { inboxJobsMigration } from './migrations/0002-inbox-jobs.ts';
import { runHistoryMigration } from './migrations/0003-run-history.ts';
import { scheduleStateMigration } from './migrations/0004-schedule-state.ts';
import { exceptionQueueMigration } from './migrations/0005-exception-queue.ts';
import { designerRunsMigration } from './migrations/0006-designer-runs.ts';
import type { StoreMigration } from './migrations.ts';

/**
 * Every migration of the Bridgeflow database, in version order. Kept as TypeScript rather than
 * .sql files so they travel inside the packaged app and the runtime bundle without file lookups.
 * Append new ones here (dead letters, idempotency keys, credentials, ...).
 */
export const STORE_MIGRATIONS: readonly StoreMigration[] = [
  lookupTablesMigration,
  inboxJobsMigration,
  runHistoryMigration,
  scheduleStateMigration,
  exceptionQueueMigration,
  designerRunsMigration,
];
