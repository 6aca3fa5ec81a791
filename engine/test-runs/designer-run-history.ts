import { z } from 'zod';
import { RUN_STATUSES, type RunStatus, type RunTrace, RunTraceSchema } from '../contract/run-trace.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import type { StoreDatabase } from '../store/database.ts';
import { withStoreErrors } from '../store/store-error.ts';

/** One test run of one sample, as listed (without its trace). */
export interface DesignerRunRecord {
  id: string;
  flowId: string;
  /** The sample's set, as the host names it (`flow:`, `workspace:edge cases`, a folder path). */
  sampleSet: string;
  sampleName: string;
  environment: string;
  dryRun: boolean;
  status: RunStatus;
  /** ISO time the run started. */
  startedAt: string;
  durationMs: number;
  itemErrorCount: number;
  /** Shared by the runs of one sample-set run; null for a single run. */
  batchId: string | null;
}

/** A run with its full trace. */
export interface DesignerRunDetail extends DesignerRunRecord {
  trace: RunTrace;
}

/** What {@link DesignerRunHistory.record} stores; the rest is read from the trace. */
export interface RecordDesignerRun {
  flowId: string;
  sampleSet: string;
  sampleName: string;
  environment: string;
  batchId?: string;
  trace: RunTrace;
}

/** Filters of {@link DesignerRunHistory.list}, combined with AND. */
export interface DesignerRunQuery {
  flowId: string;
  sampleSet?: string;
  sampleName?: string;
  batchId?: string;
  /** Default 50. */
  limit?: number;
}

/** The designer's test-run history (table `designer_runs`, migration 0006). */
export interface DesignerRunHistory {
  record(run: RecordDesignerRun): DesignerRunRecord;
  /** Newest first. */
  list(query: DesignerRunQuery): DesignerRunRecord[];
  get(runId: string): DesignerRunDetail | undefined;
}

/** Runs kept per flow; older ones are dropped when a new one is recorded (full traces are large). */
export const DEFAULT_RUNS_KEPT_PER_FLOW = 500;

const RowSchema = z.object({
  id: z.string(),
  flow_id: z.string(),
  sample_set: z.string(),
  sample_name: z.string(),
  environment: z.string(),
  dry_run: z.number().int(),
  status: z.enum(RUN_STATUSES),
  started_at: z.number().int(),
  duration_ms: z.number(),
  item_error_count: z.number().int(),
  batch_id: z.string().nullable(),
});

const COLUMNS = `id, flow_id, sample_set, sample_name, environment, dry_run, status, started_at, duration_ms,
  item_error_count, batch_id`;

export function createDesignerRunHistory(
  database: StoreDatabase,
  keptPerFlow = DEFAULT_RUNS_KEPT_PER_FLOW,
): DesignerRunHistory {
  return {
    record: (run) =>
      withStoreErrors(`record test run ${run.trace.runId}`, () => record(database, run, keptPerFlow)),
    list: (query) => withStoreErrors('list test runs', () => list(database, query)),
    get: (runId) => withStoreErrors(`read test run ${runId}`, () => get(database, runId)),
  };
}

function record(database: StoreDatabase, run: RecordDesignerRun, keptPerFlow: number): DesignerRunRecord {
  const { trace } = run;
  const row = {
    id: trace.runId,
    flowId: run.flowId,
    sampleSet: run.sampleSet,
    sampleName: run.sampleName,
    environment: run.environment,
    dryRun: trace.dryRun ? 1 : 0,
    status: trace.status,
    startedAt: Date.parse(trace.startedAt),
    durationMs: trace.durationMs,
    itemErrorCount: trace.itemErrorCount,
    batchId: run.batchId ?? null,
    trace: JSON.stringify(trace),
  };
  database.transaction(() => {
    database
      .prepare(`
        INSERT INTO designer_runs (${COLUMNS}, trace)
        VALUES (@id, @flowId, @sampleSet, @sampleName, @environment, @dryRun, @status, @startedAt,
          @durationMs, @itemErrorCount, @batchId, @trace)`)
      .run(row);
    database
      .prepare(`
        DELETE FROM designer_runs WHERE flow_id = @flowId AND id NOT IN (
          SELECT id FROM designer_runs WHERE flow_id = @flowId ORDER BY started_at DESC, rowid DESC LIMIT @kept)`)
      .run({ flowId: run.flowId, kept: keptPerFlow });
  })();
  const { trace: _trace, dryRun, startedAt, ...rest } = row;
  return { ...rest, dryRun: dryRun === 1, startedAt: trace.startedAt };
}

function list(database: StoreDatabase, query: DesignerRunQuery): DesignerRunRecord[] {
  const limit = query.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new BridgeflowError('INPUT_INVALID', 'A run query needs a whole limit of 1 or more', {
      retryable: false,
    });
  }
  return database
    .prepare(`
      SELECT ${COLUMNS} FROM designer_runs
      WHERE flow_id = @flowId
        AND (@sampleSet IS NULL OR sample_set = @sampleSet)
        AND (@sampleName IS NULL OR sample_name = @sampleName)
        AND (@batchId IS NULL OR batch_id = @batchId)
      ORDER BY started_at DESC, rowid DESC
      LIMIT @limit`)
    .all({
      flowId: query.flowId,
      sampleSet: query.sampleSet ?? null,
      sampleName: query.sampleName ?? null,
      batchId: query.batchId ?? null,
      limit,
    })
    .map(fromRow);
}

function get(database: StoreDatabase, runId: string): DesignerRunDetail | undefined {
  const row = database.prepare(`SELECT ${COLUMNS}, trace FROM designer_runs WHERE id = ?`).get(runId);
  if (row === undefined) return undefined;
  const { trace } = z.object({ trace: z.string() }).parse(row);
  const parsed = RunTraceSchema.safeParse(JSON.parse(trace));
  if (!parsed.success) {
    throw new BridgeflowError(
      'STORE_FAILED',
      `The stored trace of test run ${runId} is damaged: ${parsed.error.message}`,
    );
  }
  return { ...fromRow(row), trace: parsed.data };
}

function fromRow(row: unknown): DesignerRunRecord {
  const columns = RowSchema.parse(row);
  return {
    id: columns.id,
    flowId: columns.flow_id,
    sampleSet: columns.sample_set,
    sampleName: columns.sample_name,
    environment: columns.environment,
    dryRun: columns.dry_run === 1,
    status: columns.status,
    startedAt: new Date(columns.started_at).toISOString(),
    durationMs: columns.duration_ms,
    itemErrorCount: columns.item_error_count,
    batchId: columns.batch_id,
  };
}
