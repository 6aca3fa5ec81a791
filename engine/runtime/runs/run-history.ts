import { z } from 'zod';
import { type ErrorData, ErrorDataSchema } from '../../contract/errors.ts';
import { RUN_STATUSES, type RunStatus, type RunTrace, RunTraceSchema } from '../../contract/run-trace.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import type { StoreDatabase } from '../../store/database.ts';
import { prepared } from '../../store/prepared-statements.ts';
import { withStoreErrors } from '../../store/store-error.ts';

/** One job run a worker made, as recorded when it ended. */
export interface RunRecord {
  id: string;
  jobId: string;
  flowId: string;
  businessKey: string | null;
  /** Which attempt of the job this was (1 for the first; a replay starts again at 1). */
  attempt: number;
  status: RunStatus;
  /** Epoch ms. */
  startedAt: number;
  /** Epoch ms. */
  finishedAt: number;
  durationMs: number;
  error: ErrorData | null;
  /** Item errors the run handled (error port or dropped). */
  itemErrorCount: number;
}

/** A run with its summary trace; the trace is null when the run never reached the executor. */
export interface RunDetail extends RunRecord {
  trace: RunTrace | null;
}

/** What {@link RunHistory.record} stores. */
export type RecordRunInput = RunDetail;

/** Filters of {@link RunHistory.list}; all optional, combined with AND. */
export interface RunQuery {
  status?: RunStatus;
  flowId?: string;
  businessKey?: string;
  /** The runs of one inbox job (its attempts and replays). */
  jobId?: string;
  /** Runs started at or after this epoch ms. */
  since?: number;
  /** Runs started before this epoch ms. */
  until?: number;
  /** Defaults to {@link DEFAULT_RUN_LIMIT}. */
  limit?: number;
}

/** The run history of the runtime database (the `runs` table of migration 0003). */
export interface RunHistory {
  record(run: RecordRunInput): void;
  /** Matching runs, newest first, without their traces. */
  list(query?: RunQuery): RunRecord[];
  /** The run with its trace, or undefined when there is none with that id. */
  get(runId: string): RunDetail | undefined;
}

export const DEFAULT_RUN_LIMIT = 100;

const RunRowSchema = z.object({
  id: z.string(),
  job_id: z.string(),
  flow_id: z.string(),
  business_key: z.string().nullable(),
  attempt: z.number().int(),
  status: z.enum(RUN_STATUSES),
  started_at: z.number().int(),
  finished_at: z.number().int(),
  duration_ms: z.number().int(),
  error: z.string().nullable(),
  item_error_count: z.number().int(),
});

const RunDetailRowSchema = RunRowSchema.extend({ trace: z.string().nullable() });

const SUMMARY_COLUMNS = `id, job_id, flow_id, business_key, attempt, status, started_at, finished_at,
  duration_ms, error, item_error_count`;

export function createRunHistory(database: StoreDatabase): RunHistory {
  return {
    record: (run) => withStoreErrors(`record run ${run.id}`, () => record(database, run)),
    list: (query = {}) => withStoreErrors('list runs', () => list(database, query)),
    get: (runId) => withStoreErrors(`read run ${runId}`, () => get(database, runId)),
  };
}

function record(database: StoreDatabase, run: RecordRunInput): void {
  prepared(
    database,
    `
      INSERT INTO runs (id, job_id, flow_id, business_key, attempt, status, started_at, finished_at,
        duration_ms, error, item_error_count, trace)
      VALUES (@id, @jobId, @flowId, @businessKey, @attempt, @status, @startedAt, @finishedAt,
        @durationMs, @error, @itemErrorCount, @trace)`,
  ).run({
    id: run.id,
    jobId: run.jobId,
    flowId: run.flowId,
    businessKey: run.businessKey,
    attempt: run.attempt,
    status: run.status,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: Math.round(run.durationMs),
    error: run.error === null ? null : JSON.stringify(run.error),
    itemErrorCount: run.itemErrorCount,
    trace: run.trace === null ? null : JSON.stringify(run.trace),
  });
}

function list(database: StoreDatabase, query: RunQuery): RunRecord[] {
  const limit = query.limit ?? DEFAULT_RUN_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new BridgeflowError('INPUT_INVALID', 'A run query needs a whole limit of 1 or more', {
      retryable: false,
    });
  }
  return prepared(
    database,
    `
      SELECT ${SUMMARY_COLUMNS} FROM runs
      WHERE (@status IS NULL OR status = @status)
        AND (@flowId IS NULL OR flow_id = @flowId)
        AND (@businessKey IS NULL OR business_key = @businessKey)
        AND (@jobId IS NULL OR job_id = @jobId)
        AND (@since IS NULL OR started_at >= @since)
        AND (@until IS NULL OR started_at < @until)
      ORDER BY started_at DESC, rowid DESC
      LIMIT @limit`,
  )
    .all({
      status: query.status ?? null,
      flowId: query.flowId ?? null,
      businessKey: query.businessKey ?? null,
      jobId: query.jobId ?? null,
      since: query.since ?? null,
      until: query.until ?? null,
      limit,
    })
    .map((row) => runFromRow(RunRowSchema, row));
}

function get(database: StoreDatabase, runId: string): RunDetail | undefined {
  const row = prepared(database, 'SELECT * FROM runs WHERE id = ?').get(runId);
  if (row === undefined) return undefined;
  const columns = parseRow(RunDetailRowSchema, row);
  return {
    ...runFromRow(RunRowSchema, columns),
    trace:
      columns.trace === null ? null : parseJsonColumn(columns.id, 'trace', columns.trace, RunTraceSchema),
  };
}

function runFromRow(schema: typeof RunRowSchema, row: unknown): RunRecord {
  const columns = parseRow(schema, row);
  return {
    id: columns.id,
    jobId: columns.job_id,
    flowId: columns.flow_id,
    businessKey: columns.business_key,
    attempt: columns.attempt,
    status: columns.status,
    startedAt: columns.started_at,
    finishedAt: columns.finished_at,
    durationMs: columns.duration_ms,
    error:
      columns.error === null ? null : parseJsonColumn(columns.id, 'error', columns.error, ErrorDataSchema),
    itemErrorCount: columns.item_error_count,
  };
}

function parseRow<T>(schema: z.ZodType<T>, row: unknown): T {
  const parsed = schema.safeParse(row);
  if (!parsed.success) {
    throw new BridgeflowError('STORE_FAILED', `A run row is malformed: ${parsed.error.message}`);
  }
  return parsed.data;
}

function parseJsonColumn<T>(runId: string, column: string, text: string, schema: z.ZodType<T>): T {
  try {
    return schema.parse(JSON.parse(text));
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    throw new BridgeflowError('STORE_FAILED', `Run ${runId} has an unreadable ${column}: ${reason}`);
  }
}
