import { z } from 'zod';
import { RUN_STATUSES, type RunStatus } from '../../contract/run-trace.ts';
import type { StoreDatabase } from '../../store/database.ts';
import { withStoreErrors } from '../../store/store-error.ts';

/**
 * Upper bounds (seconds) of the run-duration histogram. Fixed, so series stay comparable across
 * restarts and versions; from a quick webhook order (0.1 s) to a slow ERP batch (5 min).
 */
export const RUN_DURATION_BUCKETS_SECONDS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300] as const;

/** Cumulative duration histogram of one flow's runs. */
export interface DurationHistogram {
  flowId: string;
  /** Runs at or under each bound of {@link RUN_DURATION_BUCKETS_SECONDS}, in that order. */
  bucketCounts: number[];
  count: number;
  sumSeconds: number;
}

/** Totals over the whole run history (and the dead letters), for the metrics endpoint. */
export interface RunStatistics {
  runsByFlowAndStatus: { flowId: string; status: RunStatus; count: number }[];
  durations: DurationHistogram[];
  /** Runs that were a retry (attempt 2 or later) of their job, per flow. */
  retriesByFlow: { flowId: string; count: number }[];
  deadLettersByFlow: { flowId: string; count: number }[];
}

const RunCountRowSchema = z.object({ flow_id: z.string(), status: z.enum(RUN_STATUSES), count: z.number() });
const FlowCountRowSchema = z.object({ flow_id: z.string(), count: z.number() });
const DurationRowSchema = z.object({
  flow_id: z.string(),
  count: z.number(),
  sum_ms: z.number(),
  buckets: z.string(),
});

/**
 * Reads the statistics in one read transaction, so the numbers describe one moment. Counting in
 * SQL keeps the endpoint's cost independent of how many runs it has to describe.
 */
export function readRunStatistics(database: StoreDatabase): RunStatistics {
  return withStoreErrors('read the run statistics', () => database.transaction(() => read(database))());
}

function read(database: StoreDatabase): RunStatistics {
  const runs = database
    .prepare('SELECT flow_id, status, COUNT(*) AS count FROM runs GROUP BY flow_id, status ORDER BY 1, 2')
    .all()
    .map((row) => RunCountRowSchema.parse(row));
  const retries = database
    .prepare('SELECT flow_id, COUNT(*) AS count FROM runs WHERE attempt > 1 GROUP BY flow_id ORDER BY 1')
    .all()
    .map((row) => FlowCountRowSchema.parse(row));
  const dead = database
    .prepare(
      "SELECT flow_id, COUNT(*) AS count FROM inbox_jobs WHERE status = 'dead' GROUP BY flow_id ORDER BY 1",
    )
    .all()
    .map((row) => FlowCountRowSchema.parse(row));
  return {
    runsByFlowAndStatus: runs.map((row) => ({ flowId: row.flow_id, status: row.status, count: row.count })),
    durations: readDurations(database),
    retriesByFlow: retries.map((row) => ({ flowId: row.flow_id, count: row.count })),
    deadLettersByFlow: dead.map((row) => ({ flowId: row.flow_id, count: row.count })),
  };
}

function readDurations(database: StoreDatabase): DurationHistogram[] {
  // One SUM per bucket, joined into text: the bucket list is a constant, never user input.
  const bucketSums = RUN_DURATION_BUCKETS_SECONDS.map(
    (bound) => `SUM(duration_ms <= ${Math.round(bound * 1000)})`,
  ).join(` || ',' || `);
  return database
    .prepare(`
      SELECT flow_id, COUNT(*) AS count, TOTAL(duration_ms) AS sum_ms, ${bucketSums} AS buckets
      FROM runs GROUP BY flow_id ORDER BY flow_id`)
    .all()
    .map((row) => {
      const columns = DurationRowSchema.parse(row);
      return {
        flowId: columns.flow_id,
        bucketCounts: columns.buckets.split(',').map(Number),
        count: columns.count,
        sumSeconds: columns.sum_ms / 1000,
      };
    });
}
