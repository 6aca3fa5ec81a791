import type { StoreMigration } from '../migrations.ts';

/**
 * The runtime's exception queue. A run that succeeded but left items on an exception port (the
 * mapping node's unknown SKU, an invalid record) parks its job with status `exception`: nothing
 * reached the ERP for those items and a person has to act (fix a lookup table, edit the payload),
 * then replay or discard. `inbox_exceptions` keeps one row each time a job is parked: a one-line
 * `reason`, every reason (JSON), the items that left on exception ports with their node and port
 * (JSON), and the run (its trace is in `runs`). The payload stays on the job, where replay reads it.
 *
 * SQLite cannot change a CHECK constraint in place, so `inbox_jobs` is rebuilt with the new status
 * (copy, drop, rename; the documented way, https://www.sqlite.org/lang_altertable.html#otheralter).
 * A parked job counts as live for its business key: a redelivered webhook of an order the
 * operator already holds in the queue is acknowledged and skipped, not parked a second time.
 */
export const exceptionQueueMigration: StoreMigration = {
  version: 5,
  name: 'exception-queue',
  up: `
    CREATE TABLE inbox_jobs_new (
      id TEXT PRIMARY KEY,
      flow_id TEXT NOT NULL,
      flow_hash TEXT NOT NULL,
      trigger_node_id TEXT NOT NULL,
      business_key TEXT,
      payload TEXT NOT NULL,
      status TEXT NOT NULL
        CHECK (status IN ('queued', 'leased', 'succeeded', 'failed', 'dead', 'exception')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL,
      lease_owner TEXT,
      lease_until INTEGER,
      last_error TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    INSERT INTO inbox_jobs_new SELECT * FROM inbox_jobs;
    DROP TABLE inbox_jobs;
    ALTER TABLE inbox_jobs_new RENAME TO inbox_jobs;

    CREATE UNIQUE INDEX inbox_jobs_live_business_key ON inbox_jobs (flow_id, business_key)
      WHERE business_key IS NOT NULL AND status IN ('queued', 'leased', 'succeeded', 'exception');
    CREATE INDEX inbox_jobs_due ON inbox_jobs (status, next_attempt_at);
    CREATE INDEX inbox_jobs_lease ON inbox_jobs (status, lease_until);

    CREATE TABLE inbox_exceptions (
      id TEXT PRIMARY KEY,
      job_id TEXT NOT NULL,
      flow_id TEXT NOT NULL,
      flow_hash TEXT NOT NULL,
      business_key TEXT,
      run_id TEXT NOT NULL,
      reason TEXT NOT NULL,
      reasons TEXT NOT NULL,
      items TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'replayed', 'discarded')),
      created_at INTEGER NOT NULL,
      resolved_at INTEGER
    ) STRICT;

    CREATE INDEX inbox_exceptions_status_created ON inbox_exceptions (status, created_at);
    CREATE INDEX inbox_exceptions_flow_created ON inbox_exceptions (flow_id, created_at);
    CREATE INDEX inbox_exceptions_job ON inbox_exceptions (job_id);
  `,
};
