import type { StoreMigration } from '../migrations.ts';

/**
 * Run history of `bridgeflow serve`: one row per job run a worker made (a retried job has one row
 * per attempt), with its outcome and the summary trace (node statuses, timings, errors; no item
 * data), for the admin API and the monitor. Times are epoch milliseconds from the injected Clock.
 * `trace` is null when the run never started (its flow is not loaded, or the executor threw).
 * No foreign key to inbox_jobs: history outlives the jobs it describes.
 */
export const runHistoryMigration: StoreMigration = {
  version: 3,
  name: 'run-history',
  up: `
    CREATE TABLE runs (
      id TEXT PRIMARY KEY,
      job_id TEXT NOT NULL,
      flow_id TEXT NOT NULL,
      business_key TEXT,
      attempt INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('succeeded', 'failed', 'cancelled')),
      started_at INTEGER NOT NULL,
      finished_at INTEGER NOT NULL,
      duration_ms INTEGER NOT NULL,
      error TEXT,
      item_error_count INTEGER NOT NULL DEFAULT 0,
      trace TEXT
    ) STRICT;

    CREATE INDEX runs_started ON runs (started_at);
    CREATE INDEX runs_flow_started ON runs (flow_id, started_at);
    CREATE INDEX runs_status_started ON runs (status, started_at);
    CREATE INDEX runs_business_key ON runs (business_key, started_at);
    CREATE INDEX runs_job ON runs (job_id);
  `,
};
