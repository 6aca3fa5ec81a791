import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { prepared } from '../../store/prepared-statements.ts';
import { withStoreErrors } from '../../store/store-error.ts';
import {
  type ExceptionItem,
  ExceptionItemSchema,
  type ExceptionReason,
  ExceptionReasonSchema,
  summaryReason,
} from './exception-items.ts';
import { type InboxContext, readJob, requireLease } from './inbox-context.ts';
import { type InboxJob, jobFromRow } from './inbox-job.ts';

export const EXCEPTION_STATUSES = ['open', 'replayed', 'discarded'] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];

/** One time a job was parked: why, what left on exception ports, and the run that did it. */
export interface ExceptionRecord {
  id: string;
  jobId: string;
  flowId: string;
  /** Content hash of the bundle the job was taken in for: the flow version. */
  flowHash: string;
  businessKey: string | null;
  /** The run that parked the job; its trace is in the run history. */
  runId: string;
  /** One line: the first reason, and how many more there are. */
  reason: string;
  reasons: ExceptionReason[];
  items: ExceptionItem[];
  status: ExceptionStatus;
  createdAt: number;
  /** When it was replayed or discarded; null while open. */
  resolvedAt: number | null;
}

/** An exception with the job it parked: the payload a replay runs with. */
export interface ExceptionDetail extends ExceptionRecord {
  job: InboxJob;
}

/** Filters of {@link ExceptionQueue.listExceptions}; all optional, combined with AND. */
export interface ExceptionQuery {
  /** Default `open`. */
  status?: ExceptionStatus;
  flowId?: string;
  /** A reason code (`lookupMiss`) or text found in a reason's message, ignoring case. */
  reason?: string;
  /** Parked at or after this epoch ms. */
  since?: number;
  /** Parked before this epoch ms. */
  until?: number;
  /** Default 100. */
  limit?: number;
}

/** The runtime's exception queue: parked jobs an operator fixes and replays, or discards. */
export interface ExceptionQueue {
  /**
   * Parks a leased job whose run left `items` on exception ports: the job becomes `exception`
   * (still live for its business key, so redeliveries are skipped) and an open exception records why.
   */
  park(
    jobId: string,
    owner: string,
    input: { runId: string; items: readonly ExceptionItem[] },
  ): ExceptionRecord;
  /** Matching exceptions, newest first. */
  listExceptions(query?: ExceptionQuery): ExceptionRecord[];
  getException(exceptionId: string): ExceptionDetail | undefined;
  /** Replaces the payload an open exception's job will be replayed with. */
  editExceptionPayload(exceptionId: string, payload: JsonValue): ExceptionDetail;
  /** Queues the parked job again (attempts from 1), optionally with an edited payload. */
  replayException(exceptionId: string, options?: { payload?: JsonValue }): InboxJob;
  /** Gives up: the exception is `discarded`, its job `failed` (kept for history). */
  discardException(exceptionId: string): ExceptionRecord;
  /** Open exceptions per flow, for metrics. */
  openExceptionsByFlow(): { flowId: string; count: number }[];
}

const DEFAULT_LIST_LIMIT = 100;

const ExceptionRowSchema = z.object({
  id: z.string(),
  job_id: z.string(),
  flow_id: z.string(),
  flow_hash: z.string(),
  business_key: z.string().nullable(),
  run_id: z.string(),
  reason: z.string(),
  reasons: z.string(),
  items: z.string(),
  status: z.enum(EXCEPTION_STATUSES),
  created_at: z.number().int(),
  resolved_at: z.number().int().nullable(),
});

const FlowCountRowSchema = z.object({ flow_id: z.string(), count: z.number().int() });

export function createExceptionQueue(context: InboxContext): ExceptionQueue {
  const store = <T>(action: string, work: () => T): T => withStoreErrors(action, work);
  return {
    park: (jobId, owner, input) => store(`park inbox job ${jobId}`, () => park(context, jobId, owner, input)),
    listExceptions: (query = {}) => store('list exceptions', () => list(context, query)),
    getException: (id) => store(`read exception ${id}`, () => detail(context, id)),
    editExceptionPayload: (id, payload) =>
      store(`edit exception ${id}`, () => editPayload(context, id, payload)),
    replayException: (id, options = {}) =>
      store(`replay exception ${id}`, () => replay(context, id, options)),
    discardException: (id) => store(`discard exception ${id}`, () => discard(context, id)),
    openExceptionsByFlow: () =>
      store('count open exceptions', () =>
        prepared(
          context.database,
          "SELECT flow_id, COUNT(*) AS count FROM inbox_exceptions WHERE status = 'open' GROUP BY flow_id",
        )
          .all()
          .map((row) => {
            const parsed = FlowCountRowSchema.parse(row);
            return { flowId: parsed.flow_id, count: parsed.count };
          }),
      ),
  };
}

function park(
  context: InboxContext,
  jobId: string,
  owner: string,
  input: { runId: string; items: readonly ExceptionItem[] },
): ExceptionRecord {
  const { database, clock } = context;
  const parkJob = prepared(
    database,
    `
    UPDATE inbox_jobs SET status = 'exception', lease_owner = NULL, lease_until = NULL, updated_at = ?
    WHERE id = ?`,
  );
  const insert = prepared(
    database,
    `
    INSERT INTO inbox_exceptions (id, job_id, flow_id, flow_hash, business_key, run_id, reason, reasons,
      items, status, created_at)
    VALUES (@id, @jobId, @flowId, @flowHash, @businessKey, @runId, @reason, @reasons, @items, 'open', @now)
    RETURNING *`,
  );
  const transaction = database.transaction(() => {
    const job = requireLease(context, jobId, owner, 'park');
    const now = clock.now();
    parkJob.run(now, jobId);
    const reasons = input.items.flatMap((item) => item.reasons);
    return exceptionFromRow(
      insert.get({
        id: randomUUID(),
        jobId,
        flowId: job.flowId,
        flowHash: job.flowHash,
        businessKey: job.businessKey,
        runId: input.runId,
        reason: summaryReason(reasons),
        reasons: JSON.stringify(reasons),
        items: JSON.stringify(input.items),
        now,
      }),
    );
  });
  return transaction.immediate();
}

function list(context: InboxContext, query: ExceptionQuery): ExceptionRecord[] {
  const limit = query.limit ?? DEFAULT_LIST_LIMIT;
  if (!Number.isInteger(limit) || limit < 1)
    throw invalid('An exception query needs a whole limit of 1 or more');
  // json_each walks the stored reasons, so a reason code or words of a message find the exception.
  return prepared(
    context.database,
    `
      SELECT * FROM inbox_exceptions
      WHERE status = @status
        AND (@flowId IS NULL OR flow_id = @flowId)
        AND (@since IS NULL OR created_at >= @since)
        AND (@until IS NULL OR created_at < @until)
        AND (@reason IS NULL OR EXISTS (
          SELECT 1 FROM json_each(inbox_exceptions.reasons) AS each_reason
          WHERE json_extract(each_reason.value, '$.code') = @reason
            OR instr(lower(json_extract(each_reason.value, '$.message')), lower(@reason)) > 0))
      ORDER BY created_at DESC, rowid DESC
      LIMIT @limit`,
  )
    .all({
      status: query.status ?? 'open',
      flowId: query.flowId ?? null,
      since: query.since ?? null,
      until: query.until ?? null,
      reason: query.reason || null,
      limit,
    })
    .map(exceptionFromRow);
}

function detail(context: InboxContext, exceptionId: string): ExceptionDetail | undefined {
  const row = prepared(context.database, 'SELECT * FROM inbox_exceptions WHERE id = ?').get(exceptionId);
  if (row === undefined) return undefined;
  const exception = exceptionFromRow(row);
  return { ...exception, job: readJob(context, exception.jobId) };
}

function editPayload(context: InboxContext, exceptionId: string, payload: JsonValue): ExceptionDetail {
  const update = prepared(context.database, 'UPDATE inbox_jobs SET payload = ?, updated_at = ? WHERE id = ?');
  const transaction = context.database.transaction(() => {
    const exception = requireOpen(context, exceptionId, 'edit');
    update.run(JSON.stringify(payload), context.clock.now(), exception.jobId);
    return { ...exception, job: readJob(context, exception.jobId) };
  });
  return transaction.immediate();
}

function replay(context: InboxContext, exceptionId: string, options: { payload?: JsonValue }): InboxJob {
  const { database, clock } = context;
  const requeue = prepared(
    database,
    `
    UPDATE inbox_jobs
    SET status = 'queued', attempts = 0, next_attempt_at = @now, last_error = NULL,
      payload = COALESCE(@payload, payload), updated_at = @now
    WHERE id = @id RETURNING *`,
  );
  const resolve = prepared(
    database,
    "UPDATE inbox_exceptions SET status = 'replayed', resolved_at = ? WHERE id = ?",
  );
  // The job stays live for its business key from parking to replay, so no redelivery can have
  // been queued beside it: the unique index keeps replay exactly-once, as for any queued job.
  const transaction = database.transaction(() => {
    const exception = requireOpen(context, exceptionId, 'replay');
    const now = clock.now();
    resolve.run(now, exceptionId);
    const payload = options.payload === undefined ? null : JSON.stringify(options.payload);
    return jobFromRow(requeue.get({ id: exception.jobId, payload, now }));
  });
  return transaction.immediate();
}

function discard(context: InboxContext, exceptionId: string): ExceptionRecord {
  const { database, clock } = context;
  const markFailed = prepared(
    database,
    "UPDATE inbox_jobs SET status = 'failed', updated_at = ? WHERE id = ?",
  );
  const resolve = prepared(
    database,
    "UPDATE inbox_exceptions SET status = 'discarded', resolved_at = ? WHERE id = ? RETURNING *",
  );
  const transaction = database.transaction(() => {
    const exception = requireOpen(context, exceptionId, 'discard');
    const now = clock.now();
    markFailed.run(now, exception.jobId);
    return exceptionFromRow(resolve.get(now, exceptionId));
  });
  return transaction.immediate();
}

/** The open exception, with its job still parked; INPUT_INVALID otherwise (a wrong id, or already done). */
function requireOpen(context: InboxContext, exceptionId: string, action: string): ExceptionRecord {
  const row = prepared(context.database, 'SELECT * FROM inbox_exceptions WHERE id = ?').get(exceptionId);
  if (row === undefined) throw invalid(`There is no exception ${exceptionId}`);
  const exception = exceptionFromRow(row);
  if (exception.status !== 'open') {
    throw invalid(`Cannot ${action} exception ${exceptionId}: it was already ${exception.status}`);
  }
  const job = readJob(context, exception.jobId);
  if (job.status !== 'exception') {
    throw invalid(
      `Cannot ${action} exception ${exceptionId}: its job ${job.id} is ${job.status}, not parked`,
    );
  }
  return exception;
}

function invalid(message: string): BridgeflowError {
  return new BridgeflowError('INPUT_INVALID', message, { retryable: false });
}

function exceptionFromRow(row: unknown): ExceptionRecord {
  const parsed = ExceptionRowSchema.safeParse(row);
  if (!parsed.success) {
    throw new BridgeflowError('STORE_FAILED', `An exception row is malformed: ${parsed.error.message}`);
  }
  const columns = parsed.data;
  return {
    id: columns.id,
    jobId: columns.job_id,
    flowId: columns.flow_id,
    flowHash: columns.flow_hash,
    businessKey: columns.business_key,
    runId: columns.run_id,
    reason: columns.reason,
    reasons: parseColumn(columns.id, 'reasons', columns.reasons, z.array(ExceptionReasonSchema)),
    items: parseColumn(columns.id, 'items', columns.items, z.array(ExceptionItemSchema)),
    status: columns.status,
    createdAt: columns.created_at,
    resolvedAt: columns.resolved_at,
  };
}

function parseColumn<T>(id: string, column: string, text: string, schema: z.ZodType<T>): T {
  try {
    return schema.parse(JSON.parse(text));
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    throw new BridgeflowError('STORE_FAILED', `Exception ${id} has an unreadable ${column}: ${reason}`);
  }
}
