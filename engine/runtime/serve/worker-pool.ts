import { randomUUID } from 'node:crypto';
import type { ErrorData } from '../../contract/errors.ts';
import type { RetrySettings } from '../../contract/flow-document.ts';
import type { RunTrace } from '../../contract/run-trace.ts';
import { toErrorData } from '../../errors/bridgeflow-error.ts';
import type { NodeRegistry } from '../../nodes/registry.ts';
import { runFlow } from '../../run/executor.ts';
import type { EngineServices } from '../../run/services.ts';
import type { FlowCircuits } from '../circuit/flow-circuits.ts';
import { type ExceptionPorts, exceptionItemsOf, exceptionPortsOf } from '../inbox/exception-items.ts';
import type { Inbox } from '../inbox/inbox.ts';
import type { InboxJob } from '../inbox/inbox-job.ts';
import type { RunHistory } from '../runs/run-history.ts';
import { IdleWorkers } from './idle-workers.ts';
import { keepLease } from './job-lease.ts';
import type { LoadedBundle } from './runtime-bundles.ts';

/** How the workers take and run jobs. */
export interface WorkerPoolOptions {
  inbox: Inbox;
  bundles: readonly LoadedBundle[];
  registry: NodeRegistry;
  services: EngineServices;
  /** Where every run is recorded, whatever its outcome. */
  runs: RunHistory;
  workers: number;
  /** How long a worker may hold a job before another may take it (a crashed worker's jobs come back). */
  leaseMs: number;
  /** Wait between looks at an empty queue. */
  pollMs: number;
  /** Job-level retries, on top of the retries nodes make themselves. */
  retry: RetrySettings;
  /** Called after a run succeeded, before the job is completed (the scheduler stores watermarks). */
  onSucceeded?: (job: InboxJob, trace: RunTrace) => void;
  /** Circuit breakers of the flows' connections; jobs of a flow whose connection is down stay queued. */
  circuits?: FlowCircuits;
}

/** Running workers; `stop` lets in-flight runs finish for up to `graceMs`, then cancels them. */
export interface WorkerPool {
  stop(graceMs: number): Promise<void>;
}

/** The options with what the pool works out once: each flow's unconnected exception ports. */
interface PoolState extends WorkerPoolOptions {
  exceptionPorts: ReadonlyMap<string, ExceptionPorts>;
  idle: IdleWorkers;
}

export function startWorkerPool(poolOptions: WorkerPoolOptions): WorkerPool {
  const options: PoolState = {
    ...poolOptions,
    idle: new IdleWorkers(poolOptions.services.clock),
    exceptionPorts: new Map(
      poolOptions.bundles.map((bundle) => [
        bundle.manifest.flowId,
        exceptionPortsOf(bundle, poolOptions.registry),
      ]),
    ),
  };
  const stopping = new AbortController();
  const cancelRuns = new AbortController();
  const stopListening = options.inbox.onWork(() => options.idle.wakeOne());
  const loops = Array.from({ length: options.workers }, (_unused, index) =>
    workerLoop(`worker-${process.pid}-${index + 1}`, options, stopping.signal, cancelRuns.signal),
  );
  return {
    async stop(graceMs) {
      stopListening();
      stopping.abort();
      const finished = Promise.all(loops);
      const timer = setTimeout(() => cancelRuns.abort(), graceMs);
      try {
        await finished;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

async function workerLoop(
  owner: string,
  options: PoolState,
  stopping: AbortSignal,
  cancelRuns: AbortSignal,
): Promise<void> {
  let next: InboxJob | undefined;
  while (!stopping.aborted) {
    const job = next ?? (await leaseInGroup(owner, options));
    next = undefined;
    if (job) {
      next = await runJob(owner, job, options, cancelRuns, stopping);
      continue;
    }
    // An empty queue: wait, waking early for a new job or when the runtime stops.
    await options.idle.wait(options.pollMs, stopping);
  }
}

/** {@link leaseNext} in the inbox's next group commit. */
async function leaseInGroup(owner: string, options: PoolState): Promise<InboxJob | undefined> {
  let leased: InboxJob | undefined;
  try {
    return await options.inbox.batch(() => {
      leased = leaseNext(owner, options);
      return leased;
    });
  } catch (thrown) {
    withdraw(leased, options);
    options.services.logger.error('could not lease inbox jobs', {
      worker: owner,
      message: toErrorData(thrown).message,
    });
    return undefined;
  }
}

/**
 * A job leased in a transaction that then failed was never leased (rolled back); had it been a
 * half-open breaker's trial, no other job could be one and the flow would stay blocked.
 */
function withdraw(leased: InboxJob | undefined, options: PoolState): void {
  if (leased) options.circuits?.withdrawn(leased.flowId);
}

/** Leases one due job for `owner`, skipping flows whose connection's breaker is open. */
function leaseNext(owner: string, options: PoolState): InboxJob | undefined {
  try {
    const skipFlowIds = options.circuits?.blockedFlowIds() ?? [];
    const [job] = options.inbox.lease(owner, { leaseMs: options.leaseMs, limit: 1, skipFlowIds });
    // Synchronously after the lease, so no other worker takes a half-open breaker's one trial too.
    if (job) options.circuits?.admitted(job.flowId);
    return job;
  } catch (thrown) {
    options.services.logger.error('could not lease inbox jobs', {
      worker: owner,
      message: toErrorData(thrown).message,
    });
    return undefined;
  }
}

/**
 * Runs one leased job through the one executor and records the outcome in the inbox. Answers the
 * worker's next job, leased in the same transaction that recorded this one (shared with the other
 * workers' and the intake's writes of this turn: one commit for all), unless the runtime is stopping.
 */
async function runJob(
  owner: string,
  job: InboxJob,
  options: PoolState,
  cancelRuns: AbortSignal,
  stopping: AbortSignal,
): Promise<InboxJob | undefined> {
  const startedAt = options.services.clock.now();
  const renewal = keepLease(owner, job, options);
  let outcome: RunOutcome;
  try {
    outcome = await runToOutcome(job, options, cancelRuns);
  } finally {
    clearInterval(renewal);
  }
  options.circuits?.finished(job.flowId, outcome.failure);
  let next: InboxJob | undefined;
  try {
    return await options.inbox.batch(() => {
      recordRun(job, { startedAt, ...outcome }, options);
      recordOutcome(owner, job, outcome, options);
      next = stopping.aborted ? undefined : leaseNext(owner, options);
      return next;
    });
  } catch (thrown) {
    withdraw(next, options);
    options.services.logger.error('could not record the job outcome', {
      worker: owner,
      jobId: job.id,
      message: toErrorData(thrown).message,
    });
    return undefined;
  }
}

/**
 * Completes the job, parks it in the exception queue (the run succeeded but left items on an
 * exception port: nothing reached the ERP for them), or records the failure for a retry or a
 * dead letter.
 */
function recordOutcome(owner: string, job: InboxJob, outcome: RunOutcome, options: PoolState): void {
  const { logger } = options.services;
  const { failure, trace } = outcome;
  const fields = { worker: owner, jobId: job.id, flowId: job.flowId, attempt: job.attempts };
  try {
    if (failure === undefined) {
      if (trace) afterSuccess(job, trace, options);
      const ports = options.exceptionPorts.get(job.flowId);
      const exceptions = trace && ports ? exceptionItemsOf(trace, ports) : [];
      if (trace && exceptions.length > 0) {
        const parked = options.inbox.park(job.id, owner, { runId: trace.runId, items: exceptions });
        logger.warn('job parked as exception', { ...fields, exceptionId: parked.id, reason: parked.reason });
        return;
      }
      options.inbox.complete(job.id, owner);
      logger.info('job succeeded', fields);
      return;
    }
    const recorded = options.inbox.fail(job.id, owner, failure, options.retry);
    logger.warn(recorded.status === 'dead' ? 'job dead-lettered' : 'job will be retried', {
      ...fields,
      code: failure.code,
      message: failure.message,
    });
  } catch (thrown) {
    // Usually a lease that ran out and was taken by another worker: that worker records the outcome.
    logger.error('could not record the job outcome', { ...fields, message: toErrorData(thrown).message });
  }
}

/** A hook that fails is logged; the run's effects already happened, so the job still completes. */
function afterSuccess(job: InboxJob, trace: RunTrace, options: WorkerPoolOptions): void {
  try {
    options.onSucceeded?.(job, trace);
  } catch (thrown) {
    options.services.logger.error('could not finish a successful run', {
      jobId: job.id,
      message: toErrorData(thrown).message,
    });
  }
}

/** How a run ended: its error (undefined when it succeeded) and its trace when the executor ran. */
interface RunOutcome {
  failure: ErrorData | undefined;
  trace: RunTrace | undefined;
}

/**
 * Writes the run to the history. A history that cannot be written must not change the job's
 * outcome (the ERP already has the order), so the failure is logged and the worker goes on.
 */
function recordRun(
  job: InboxJob,
  outcome: RunOutcome & { startedAt: number },
  options: WorkerPoolOptions,
): void {
  const { clock, logger } = options.services;
  const { failure, trace, startedAt } = outcome;
  const finishedAt = clock.now();
  const cancelled = trace?.status === 'cancelled';
  try {
    options.runs.record({
      id: trace?.runId ?? randomUUID(),
      jobId: job.id,
      flowId: job.flowId,
      businessKey: job.businessKey,
      attempt: job.attempts,
      status: failure === undefined ? 'succeeded' : cancelled ? 'cancelled' : 'failed',
      startedAt,
      finishedAt,
      durationMs: trace?.durationMs ?? finishedAt - startedAt,
      error: failure ?? null,
      itemErrorCount: trace?.itemErrorCount ?? 0,
      trace: trace ?? null,
    });
  } catch (thrown) {
    logger.error('could not record the run', { jobId: job.id, message: toErrorData(thrown).message });
  }
}

async function runToOutcome(
  job: InboxJob,
  options: WorkerPoolOptions,
  cancelRuns: AbortSignal,
): Promise<RunOutcome> {
  const bundle = options.bundles.find((each) => each.manifest.flowId === job.flowId);
  if (!bundle) {
    const failure: ErrorData = {
      code: 'FLOW_INVALID',
      message: `Flow "${job.flowId}" is not loaded in this runtime; load its bundle and replay the job`,
      retryable: false,
    };
    return { failure, trace: undefined };
  }
  try {
    const trace = await runFlow({
      flow: bundle.flow,
      registry: options.registry,
      services: options.services,
      input: [job.payload],
      triggerNodeId: job.trigger,
      signal: cancelRuns,
      trace: 'summary',
      // Not derived from the attempt number: a replay starts the attempts again at 1.
      runId: randomUUID(),
    });
    return { failure: failureOf(trace), trace };
  } catch (thrown) {
    return { failure: toErrorData(thrown), trace: undefined };
  }
}

/** The run's error, or undefined when it succeeded. */
function failureOf(trace: RunTrace): ErrorData | undefined {
  if (trace.status === 'succeeded') return undefined;
  // A run cut short by shutdown is not the job's fault: queue it again for the next start.
  if (trace.status === 'cancelled') return { ...(trace.error ?? cancelledError()), retryable: true };
  return trace.error ?? { code: 'NODE_FAILED', message: `The run ended ${trace.status}`, retryable: false };
}

function cancelledError(): ErrorData {
  return {
    code: 'RUN_CANCELLED',
    message: 'The run was cancelled when the runtime stopped',
    retryable: true,
  };
}
