import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ErrorData } from '../../contract/errors.ts';
import type { JsonValue, RetrySettings } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { retryDelayMs } from '../../run/retry-policy.ts';
import type { Clock } from '../../run/services.ts';
import type { StoreDatabase } from '../../store/database.ts';
import { GroupCommit } from '../../store/group-commit.ts';
import { prepared } from '../../store/prepared-statements.ts';
import { toStoreError, withStoreErrors } from '../../store/store-error.ts';
import { createDeadLetters, type DeadLetters } from './dead-letters.ts';
import { createExceptionQueue, type ExceptionQueue } from './exception-queue.ts';
import { type InboxContext, requireLease } from './inbox-context.ts';
import { type InboxJob, JOB_STATUSES, type JobStatus, jobFromRow } from './inbox-job.ts';

/** A trigger firing to take in. */
export interface EnqueueInput {
  flowId: string;
  flowHash: string;
  /** Id of the trigger node. */
  trigger: string;
  /** Deliveries with the same key for the same flow are taken in once; null disables the check. */
  businessKey: string | null;
  payload: JsonValue;
}

/** Result of {@link Inbox.enqueue}: the new job, or the existing one when this was a redelivery. */
export interface EnqueueResult {
  job: InboxJob;
  duplicate: boolean;
}

export interface LeaseOptions {
  /** How long the worker may hold the jobs before they count as abandoned. */
  leaseMs: number;
  /** At most this many jobs. */
  limit: number;
  /** Flows whose jobs stay where they are (their connection's circuit breaker is open). */
  skipFlowIds?: readonly string[];
}

/** Queue depth for metrics. */
export interface InboxStats {
  counts: Record<JobStatus, number>;
  /** Milliseconds since the oldest queued job was taken in; null when nothing is queued. */
  oldestQueuedAgeMs: number | null;
}

/** The durable inbox of `bridgeflow serve`; every method is synchronous and transactional. */
export interface Inbox extends DeadLetters, ExceptionQueue {
  enqueue(input: EnqueueInput): EnqueueResult;
  lease(owner: string, options: LeaseOptions): InboxJob[];
  /**
   * Extends a lease `owner` holds to `leaseMs` from now, so a long run keeps its job while a
   * crashed runtime's jobs come back after one short lease. Throws STORE_FAILED when the lease is lost.
   */
  renew(jobId: string, owner: string, leaseMs: number): void;
  complete(jobId: string, owner: string): InboxJob;
  fail(jobId: string, owner: string, error: ErrorData, retry: RetrySettings): InboxJob;
  stats(): InboxStats;
  /**
   * Calls `listener` each time a job becomes due in this process (taken in, replayed), so idle
   * workers can start it at once instead of at their next poll. Answers the unsubscribe.
   */
  onWork(listener: () => void): () => void;
  /**
   * Runs `work` (inbox calls and other writes on the same database, such as the run history) in
   * its own savepoint of a transaction shared with every other `batch` of this turn of the event
   * loop (store/group-commit.ts): one commit where there would be several. Resolves after the
   * commit, so what the caller acknowledges next is stored; rejects with what `work` threw.
   */
  batch<T>(work: () => T): Promise<T>;
}

export interface InboxOptions {
  clock: Clock;
  /** Jitter source for retry delays; defaults to Math.random. */
  random?: () => number;
}

/** The inbox on `database` (opened with openDatabase, so the inbox_jobs table exists). */
export function createInbox(database: StoreDatabase, options: InboxOptions): Inbox {
  const context: InboxContext = { database, clock: options.clock, random: options.random ?? Math.random };
  const listeners = new Set<() => void>();
  const announce = <T>(result: T): T => {
    for (const listener of listeners) listener();
    return result;
  };
  const commits = new GroupCommit(database);
  const deadLetters = createDeadLetters(context);
  const exceptions = createExceptionQueue(context);
  return {
    ...deadLetters,
    ...exceptions,
    replay: (jobId, replayOptions) => announce(deadLetters.replay(jobId, replayOptions)),
    replayException: (exceptionId, replayOptions) =>
      announce(exceptions.replayException(exceptionId, replayOptions)),
    enqueue: (input) => {
      const result = withStoreErrors('add a job to the inbox', () => enqueue(context, input));
      return result.duplicate ? result : announce(result);
    },
    lease: (owner, leaseOptions) =>
      withStoreErrors('lease inbox jobs', () => lease(context, owner, leaseOptions)),
    renew: (jobId, owner, leaseMs) =>
      withStoreErrors(`renew the lease of inbox job ${jobId}`, () => renew(context, jobId, owner, leaseMs)),
    complete: (jobId, owner) =>
      withStoreErrors(`complete inbox job ${jobId}`, () => complete(context, jobId, owner)),
    fail: (jobId, owner, error, retry) =>
      withStoreErrors(`record the failure of inbox job ${jobId}`, () =>
        fail(context, jobId, owner, error, retry),
      ),
    stats: () => withStoreErrors('read the inbox statistics', () => stats(context)),
    batch: (work) =>
      commits.run(work).catch((thrown: unknown) => {
        throw toStoreError('commit inbox work', thrown);
      }),
    onWork(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

// IMMEDIATE transactions take the write lock before reading, so the duplicate check and the
// insert (or the pick and the lease) cannot interleave with another connection doing the same.

function enqueue(context: InboxContext, input: EnqueueInput): EnqueueResult {
  const { database, clock } = context;
  const findLive = prepared(
    database,
    "SELECT * FROM inbox_jobs WHERE flow_id = ? AND business_key = ? AND status IN ('queued', 'leased', 'succeeded', 'exception')",
  );
  const insert = prepared(
    database,
    `
    INSERT INTO inbox_jobs (id, flow_id, flow_hash, trigger_node_id, business_key, payload, status,
      attempts, next_attempt_at, created_at, updated_at)
    VALUES (@id, @flowId, @flowHash, @trigger, @businessKey, @payload, 'queued', 0, @now, @now, @now)
    RETURNING *`,
  );
  const transaction = database.transaction((): EnqueueResult => {
    if (input.businessKey !== null) {
      const existing = findLive.get(input.flowId, input.businessKey);
      if (existing !== undefined) return { job: jobFromRow(existing), duplicate: true };
    }
    const row = insert.get({
      id: randomUUID(),
      flowId: input.flowId,
      flowHash: input.flowHash,
      trigger: input.trigger,
      businessKey: input.businessKey,
      payload: JSON.stringify(input.payload),
      now: clock.now(),
    });
    return { job: jobFromRow(row), duplicate: false };
  });
  return transaction.immediate();
}

const LeaseCandidateRow = z.object({ position: z.number(), due: z.number() });

/** Takes due queued jobs and jobs whose worker let the lease run out (it crashed or hung). */
function lease(context: InboxContext, owner: string, options: LeaseOptions): InboxJob[] {
  if (!(options.leaseMs > 0) || !Number.isInteger(options.limit) || options.limit < 1) {
    throw new BridgeflowError(
      'INPUT_INVALID',
      'A lease needs a positive leaseMs and a whole limit of 1 or more',
      {
        retryable: false,
      },
    );
  }
  const { database } = context;
  const now = context.clock.now();
  const skipping = (options.skipFlowIds ?? []).length > 0;
  const skip = JSON.stringify(options.skipFlowIds ?? []);
  const notSkipped = skipping ? 'AND flow_id NOT IN (SELECT value FROM json_each(@skip))' : '';
  // Two index range scans (queued by due time, leased by expiry), each stopping at `limit`, then
  // an update by rowid per job: the history of succeeded jobs is never read, so a lease costs the
  // same with a million rows. One UPDATE … WHERE id IN (compound subquery) did the same in 0.2 ms;
  // these take a tenth of that, and a lease runs for every job.
  const due = prepared(
    database,
    `SELECT rowid AS position, next_attempt_at AS due FROM inbox_jobs
    WHERE status = 'queued' AND next_attempt_at <= @now ${notSkipped}
    ORDER BY next_attempt_at, rowid LIMIT @limit`,
  );
  const abandoned = prepared(
    database,
    `SELECT rowid AS position, next_attempt_at AS due FROM inbox_jobs
    WHERE status = 'leased' AND lease_until <= @now ${notSkipped}
    ORDER BY lease_until LIMIT @limit`,
  );
  const take = prepared(
    database,
    `UPDATE inbox_jobs
    SET status = 'leased', lease_owner = @owner, lease_until = @leaseUntil,
      attempts = attempts + 1, updated_at = @now
    WHERE rowid = @position RETURNING *`,
  );
  const transaction = database.transaction(() => {
    const query = { now, limit: options.limit, ...(skipping ? { skip } : {}) };
    const candidates = [...due.all(query), ...abandoned.all(query)].map(leaseCandidate);
    // Oldest first, as they were due.
    candidates.sort((left, right) => left.due - right.due || left.position - right.position);
    return candidates
      .slice(0, options.limit)
      .map(({ position }) =>
        jobFromRow(take.get({ owner, leaseUntil: now + options.leaseMs, now, position })),
      );
  });
  return transaction.immediate();
}

function leaseCandidate(row: unknown): { position: number; due: number } {
  return LeaseCandidateRow.parse(row);
}

function renew(context: InboxContext, jobId: string, owner: string, leaseMs: number): void {
  const extend = prepared(
    context.database,
    `
    UPDATE inbox_jobs SET lease_until = ?
    WHERE id = ? AND status = 'leased' AND lease_owner = ?`,
  );
  const { changes } = extend.run(context.clock.now() + leaseMs, jobId, owner);
  if (changes === 0) requireLease(context, jobId, owner, 'renew the lease of');
}

function complete(context: InboxContext, jobId: string, owner: string): InboxJob {
  // One statement that checks the lease as it finishes; only a refusal reads the job to say why.
  const finish = prepared(
    context.database,
    `
    UPDATE inbox_jobs
    SET status = 'succeeded', lease_owner = NULL, lease_until = NULL, updated_at = ?
    WHERE id = ? AND status = 'leased' AND lease_owner = ? RETURNING *`,
  );
  const row = finish.get(context.clock.now(), jobId, owner);
  if (row === undefined) requireLease(context, jobId, owner, 'complete');
  return jobFromRow(row);
}

/**
 * Records a failed attempt: a retryable error with attempts left queues the job again after the
 * backoff (or the server's Retry-After when longer); anything else makes it a dead letter.
 */
function fail(
  context: InboxContext,
  jobId: string,
  owner: string,
  error: ErrorData,
  retry: RetrySettings,
): InboxJob {
  const update = prepared(
    context.database,
    `
    UPDATE inbox_jobs
    SET status = @status, next_attempt_at = @nextAttemptAt, lease_owner = NULL, lease_until = NULL,
      last_error = @lastError, updated_at = @now
    WHERE id = @id RETURNING *`,
  );
  const transaction = context.database.transaction(() => {
    const job = requireLease(context, jobId, owner, 'fail');
    const now = context.clock.now();
    const retrying = error.retryable && job.attempts < retry.maxAttempts;
    const delay = retrying ? retryDelayMs(retry, job.attempts, error.retryAfterMs, context.random) : 0;
    return jobFromRow(
      update.get({
        id: jobId,
        status: retrying ? 'queued' : 'dead',
        nextAttemptAt: retrying ? now + delay : job.nextAttemptAt,
        lastError: JSON.stringify(error),
        now,
      }),
    );
  });
  return transaction.immediate();
}

const StatusCountRowSchema = z.object({ status: z.enum(JOB_STATUSES), count: z.number().int() });
const OldestCreatedAtSchema = z.number().int().nullable();

function stats(context: InboxContext): InboxStats {
  const { database, clock } = context;
  const countByStatus = prepared(
    database,
    'SELECT status, COUNT(*) AS count FROM inbox_jobs GROUP BY status',
  );
  const oldestQueued = prepared(
    database,
    "SELECT MIN(created_at) FROM inbox_jobs WHERE status = 'queued'",
  ).pluck();
  // One read transaction, so the counts and the age describe the same moment.
  const read = database.transaction((): InboxStats => {
    const counts: Record<JobStatus, number> = {
      queued: 0,
      leased: 0,
      succeeded: 0,
      failed: 0,
      dead: 0,
      exception: 0,
    };
    for (const row of countByStatus.all()) {
      const { status, count } = StatusCountRowSchema.parse(row);
      counts[status] = count;
    }
    const oldestCreatedAt = OldestCreatedAtSchema.parse(oldestQueued.get());
    return { counts, oldestQueuedAgeMs: oldestCreatedAt === null ? null : clock.now() - oldestCreatedAt };
  });
  return read();
}
