import type { StoreMigration } from '../migrations.ts';

/**
 * The runtime's durable inbox: every webhook delivery and scheduled trigger becomes a row here
 * (inside a transaction, before the sender is acknowledged), so `bridgeflow serve` loses nothing
 * when it crashes. Times are epoch milliseconds from the injected Clock, so comparisons in SQL
 * agree with the engine's notion of "now" (and tests can move it).
 *
 * The partial unique index is the backstop of idempotent delivery: at most one queued, leased or
 * succeeded job per (flow, business key). Dead and discarded (`failed`) jobs do not count, so a
 * redelivery after a dead letter is taken in again.
 */
export const inboxJobsMigration: StoreMigration = {
  version: 2,
  name: 'inbox-jobs',
  up: `
    CREATE TABLE inbox_jobs (
      id TEXT PRIMARY KEY,
      flow_id TEXT NOT NULL,
      flow_hash TEXT NOT NULL,
      trigger_node_id TEXT NOT NULL,
      business_key TEXT,
      payload TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('queued', 'leased', 'succeeded', 'failed', 'dead')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL,
      lease_owner TEXT,
      lease_until INTEGER,
      last_error TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE UNIQUE INDEX inbox_jobs_live_business_key ON inbox_jobs (flow_id, business_key)
      WHERE business_key IS NOT NULL AND status IN ('queued', 'leased', 'succeeded');

    CREATE INDEX inbox_jobs_due ON inbox_jobs (status, next_attempt_at);
    CREATE INDEX inbox_jobs_lease ON inbox_jobs (status, lease_until);
  `,
};
