import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import type { Clock } from '../../run/services.ts';
import type { StoreDatabase } from '../../store/database.ts';
import { prepared } from '../../store/prepared-statements.ts';
import { type InboxJob, jobFromRow } from './inbox-job.ts';

/** What the inbox's operations share: one connection, the injected clock, the jitter source. */
export interface InboxContext {
  database: StoreDatabase;
  clock: Clock;
  /** Jitter for retry delays; tests pass a constant to make delays exact. */
  random: () => number;
}

/** The job with `jobId`; INPUT_INVALID when there is none (an admin asked for a wrong id). */
export function readJob(context: InboxContext, jobId: string): InboxJob {
  const row = prepared(context.database, 'SELECT * FROM inbox_jobs WHERE id = ?').get(jobId);
  if (row === undefined) {
    throw new BridgeflowError('INPUT_INVALID', `There is no inbox job ${jobId}`, { retryable: false });
  }
  return jobFromRow(row);
}

/**
 * The job, when `owner` still holds its lease. A lease that ran out but was not taken by anyone
 * else still counts: nobody else can be working on the job, so the result is safe to record.
 */
export function requireLease(context: InboxContext, jobId: string, owner: string, action: string): InboxJob {
  const job = readJob(context, jobId);
  if (job.status === 'leased' && job.leaseOwner === owner) return job;
  const now = job.status === 'leased' ? `leased by ${job.leaseOwner ?? 'nobody'}` : job.status;
  throw new BridgeflowError(
    'STORE_FAILED',
    `Cannot ${action} inbox job ${jobId}: ${owner} no longer holds its lease (the job is ${now}); its lease probably ran out and the job was taken again`,
    { retryable: false },
  );
}
