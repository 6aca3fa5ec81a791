import type { StoreMigration } from '../migrations.ts';

/**
 * Run history of the designer's test runs: one row per sample run, with the flow, the sample (its
 * set and name), the environment and the full trace (every node's input and output items), so a
 * consultant can reopen a run, re-run from a node on its outputs and diff two runs after a restart.
 * Apart from the runtime's `runs` table (0003): test runs are not jobs, keep item data, and are
 * pruned per flow. `batch_id` groups the runs of one sample-set run. Times are epoch milliseconds.
 */
export const designerRunsMigration: StoreMigration = {
  version: 6,
  name: 'designer-runs',
  up: `
    CREATE TABLE designer_runs (
      id TEXT PRIMARY KEY,
      flow_id TEXT NOT NULL,
      sample_set TEXT NOT NULL,
      sample_name TEXT NOT NULL,
      environment TEXT NOT NULL,
      dry_run INTEGER NOT NULL CHECK (dry_run IN (0, 1)),
      status TEXT NOT NULL CHECK (status IN ('succeeded', 'failed', 'cancelled')),
      started_at INTEGER NOT NULL,
      duration_ms REAL NOT NULL,
      item_error_count INTEGER NOT NULL,
      batch_id TEXT,
      trace TEXT NOT NULL
    ) STRICT;

    CREATE INDEX designer_runs_flow_started ON designer_runs (flow_id, started_at);
    CREATE INDEX designer_runs_flow_sample ON designer_runs (flow_id, sample_set, sample_name, started_at);
    CREATE INDEX designer_runs_batch ON designer_runs (batch_id);
  `,
};
