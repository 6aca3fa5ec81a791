import { toErrorData } from '../../errors/bridgeflow-error.ts';
import type { InboxJob } from '../inbox/inbox-job.ts';
import type { WorkerPoolOptions } from './worker-pool.ts';

/**
 * Renews the job's lease every third of its length while the run goes on, so a run may take as
 * long as it needs while a crashed runtime's jobs come back after one lease.
 */
export function keepLease(
  owner: string,
  job: InboxJob,
  options: Pick<WorkerPoolOptions, 'inbox' | 'leaseMs' | 'services'>,
): NodeJS.Timeout {
  const renewal = setInterval(
    () => {
      try {
        options.inbox.renew(job.id, owner, options.leaseMs);
      } catch (thrown) {
        options.services.logger.warn('could not renew a job lease', {
          worker: owner,
          jobId: job.id,
          message: toErrorData(thrown).message,
        });
      }
    },
    Math.max(1, Math.floor(options.leaseMs / 3)),
  );
  renewal.unref();
  return renewal;
}
