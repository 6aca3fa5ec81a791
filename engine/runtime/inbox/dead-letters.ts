import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../../contract/errors.ts';
import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { prepared } from '../../store/prepared-statements.ts';
import { withStoreErrors } from '../../store/store-error.ts';
import { type InboxContext, readJob } from './inbox-context.ts';
import { type InboxJob, jobFromRow } from './inbox-job.ts';

/** Dead letters sharing an error code and the start of the message. */
export interface DeadLetterGroup {
  code: ErrorCode;
  messagePrefix: string;
  count: number;
  /** Epoch ms of the most recent job in the group to die. */
  newestAt: number;
}

export interface ListDeadOptions {
  flowId?: string;
  /** Defaults to 100. */
  limit?: number;
}

export interface GroupDeadOptions {
  /**
   * Characters of the message that make up the cause; defaults to 60. Messages usually end with
   * the specifics (an order number, a SKU), so the start is what failures of one kind share.
   */
  prefixLength?: number;
}

export interface ReplayOptions {
  /** A corrected payload to run with instead of the original. */
  payload?: JsonValue;
}

/** The operator's view of jobs that will not be retried on their own. */
export interface DeadLetters {
  /** Dead jobs, most recently dead first. */
  listDead(options?: ListDeadOptions): InboxJob[];
  /** Counts of dead jobs per cause, the largest group first. */
  groupDeadByCause(options?: GroupDeadOptions): DeadLetterGroup[];
  /** Queues a dead job again, with its attempts reset (and, optionally, an edited payload). */
  replay(jobId: string, options?: ReplayOptions): InboxJob;
  /** Gives up on a dead job: it becomes `failed` and stays for history. */
  discard(jobId: string): InboxJob;
  /** Any job by id (a dead letter to inspect), or undefined when there is none. */
  getJob(jobId: string): InboxJob | undefined;
  /** Replaces a dead job's payload without replaying it (an operator fixing it in steps). */
  editDeadPayload(jobId: string, payload: JsonValue): InboxJob;
}

const DEFAULT_LIST_LIMIT = 100;
const DEFAULT_PREFIX_LENGTH = 60;

const GroupRowSchema = z.object({
  code: z.enum(ERROR_CODES),
  message_prefix: z.string(),
  count: z.number().int(),
  newest_at: z.number().int(),
});

export function createDeadLetters(context: InboxContext): DeadLetters {
  return {
    listDead: (options = {}) => withStoreErrors('list dead letters', () => listDead(context, options)),
    groupDeadByCause: (options = {}) =>
      withStoreErrors('group dead letters by cause', () => groupDeadByCause(context, options)),
    replay: (jobId, options = {}) =>
      withStoreErrors(`replay inbox job ${jobId}`, () => replay(context, jobId, options)),
    discard: (jobId) => withStoreErrors(`discard inbox job ${jobId}`, () => discard(context, jobId)),
    getJob: (jobId) =>
      withStoreErrors(`read inbox job ${jobId}`, () => {
        const row = prepared(context.database, 'SELECT * FROM inbox_jobs WHERE id = ?').get(jobId);
        return row === undefined ? undefined : jobFromRow(row);
      }),
    editDeadPayload: (jobId, payload) =>
      withStoreErrors(`edit inbox job ${jobId}`, () => editDeadPayload(context, jobId, payload)),
  };
}

function listDead(context: InboxContext, options: ListDeadOptions): InboxJob[] {
  return prepared(
    context.database,
    `
      SELECT * FROM inbox_jobs
      WHERE status = 'dead' AND (@flowId IS NULL OR flow_id = @flowId)
      ORDER BY updated_at DESC, rowid DESC
      LIMIT @limit`,
  )
    .all({ flowId: options.flowId ?? null, limit: options.limit ?? DEFAULT_LIST_LIMIT })
    .map(jobFromRow);
}

function groupDeadByCause(context: InboxContext, options: GroupDeadOptions): DeadLetterGroup[] {
  // json_extract is part of SQLite's built-in JSON support, compiled into better-sqlite3.
  return prepared(
    context.database,
    `
      SELECT json_extract(last_error, '$.code') AS code,
        substr(json_extract(last_error, '$.message'), 1, @prefixLength) AS message_prefix,
        COUNT(*) AS count, MAX(updated_at) AS newest_at
      FROM inbox_jobs
      WHERE status = 'dead' AND last_error IS NOT NULL
      GROUP BY code, message_prefix
      ORDER BY count DESC, newest_at DESC`,
  )
    .all({ prefixLength: options.prefixLength ?? DEFAULT_PREFIX_LENGTH })
    .map((row) => {
      const group = GroupRowSchema.parse(row);
      return {
        code: group.code,
        messagePrefix: group.message_prefix,
        count: group.count,
        newestAt: group.newest_at,
      };
    });
}

function replay(context: InboxContext, jobId: string, options: ReplayOptions): InboxJob {
  const { database, clock } = context;
  const findLiveTwin = prepared(
    database,
    `
      SELECT id FROM inbox_jobs
      WHERE flow_id = ? AND business_key = ? AND id != ? AND status IN ('queued', 'leased', 'succeeded', 'exception')`,
  ).pluck();
  const requeue = prepared(
    database,
    `
    UPDATE inbox_jobs
    SET status = 'queued', attempts = 0, next_attempt_at = @now, lease_owner = NULL, lease_until = NULL,
      payload = COALESCE(@payload, payload), updated_at = @now
    WHERE id = @id RETURNING *`,
  );
  const transaction = database.transaction(() => {
    const job = requireDead(context, jobId, 'replay');
    // A redelivery may have been taken in since this job died; running both would duplicate it.
    const twin = job.businessKey === null ? undefined : findLiveTwin.get(job.flowId, job.businessKey, jobId);
    if (twin !== undefined) {
      throw new BridgeflowError(
        'INPUT_INVALID',
        `Cannot replay inbox job ${jobId}: job ${String(twin)} for the same business key "${job.businessKey}" is already queued, running or done`,
        { retryable: false },
      );
    }
    const payload = options.payload === undefined ? null : JSON.stringify(options.payload);
    return jobFromRow(requeue.get({ id: jobId, payload, now: clock.now() }));
  });
  return transaction.immediate();
}

function discard(context: InboxContext, jobId: string): InboxJob {
  const markFailed = prepared(
    context.database,
    "UPDATE inbox_jobs SET status = 'failed', updated_at = ? WHERE id = ? RETURNING *",
  );
  const transaction = context.database.transaction(() => {
    requireDead(context, jobId, 'discard');
    return jobFromRow(markFailed.get(context.clock.now(), jobId));
  });
  return transaction.immediate();
}

function editDeadPayload(context: InboxContext, jobId: string, payload: JsonValue): InboxJob {
  const update = prepared(
    context.database,
    'UPDATE inbox_jobs SET payload = ?, updated_at = ? WHERE id = ? RETURNING *',
  );
  const transaction = context.database.transaction(() => {
    requireDead(context, jobId, 'edit');
    return jobFromRow(update.get(JSON.stringify(payload), context.clock.now(), jobId));
  });
  return transaction.immediate();
}

function requireDead(context: InboxContext, jobId: string, action: string): InboxJob {
  const job = readJob(context, jobId);
  if (job.status === 'dead') return job;
  throw new BridgeflowError(
    'INPUT_INVALID',
    `Cannot ${action} inbox job ${jobId}: it is ${job.status}, not dead`,
    {
      retryable: false,
    },
  );
}
