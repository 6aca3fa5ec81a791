import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { type CodeResult, CodeRunError, toResult } from './code-result.ts';
import {
  type CodeMode,
  CodeModeSchema,
  type ItemErrorPolicy,
  ItemErrorPolicySchema,
  type SandboxFailure,
  SandboxReplySchema,
  type SandboxRequest,
} from './code-sandbox.protocol.ts';

export type { CodeItemFailure, CodeOutput, CodeResult } from './code-result.ts';
export { CodeRunError } from './code-result.ts';
export type { CodeMode, ItemErrorPolicy };

/** Default time budget of one call. */
export const DEFAULT_CODE_TIMEOUT_MS = 10_000;
/** Default memory limit of one call. */
export const DEFAULT_CODE_MEMORY_LIMIT_BYTES = 64 * 1_048_576;
/** Default number of `console` lines kept per call. */
export const DEFAULT_CODE_LOG_LINES = 1_000;

/** How long after its own time limit a silent worker is terminated (QuickJS stuck in a built-in). */
const HARD_STOP_GRACE_MS = 250;
/** Starting a worker and compiling QuickJS takes about 100 ms; allow for a very busy machine. */
const STARTUP_TIMEOUT_MS = 15_000;
/** Native stack of the worker thread; QuickJS's own 512 KB stack limit must stay well below it. */
const WORKER_STACK_MB = 4;

/** What to run, on what, within which limits. */
export interface RunCodeOptions {
  /**
   * A function body: `return` gives the result. In `perItem` mode it sees `item` (alias `$json`)
   * and `index`; in `allItems` mode it sees `items`. `await` works; `console.log` is collected.
   */
  code: string;
  mode: CodeMode;
  items: readonly JsonValue[];
  /** Budget for the whole call, all items together. Default {@link DEFAULT_CODE_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** Memory limit of the sandbox, input items included. Default {@link DEFAULT_CODE_MEMORY_LIMIT_BYTES}. */
  memoryLimitBytes?: number;
  /** Default {@link DEFAULT_CODE_LOG_LINES}; further lines are counted in `droppedLogLines`. */
  maxLogLines?: number;
  /**
   * `perItem` mode: `stop` (default) fails the call on the first failing item; `collect` goes on
   * and lists failed items in {@link CodeResult.failures}. Time and memory limits always stop.
   */
  itemErrors?: ItemErrorPolicy;
  /** Aborting terminates the run with RUN_CANCELLED. */
  signal?: AbortSignal;
}

const RunCodeLimitsSchema = z.object({
  code: z.string(),
  mode: CodeModeSchema,
  timeoutMs: z.number().int().min(1).max(3_600_000).default(DEFAULT_CODE_TIMEOUT_MS),
  // The 1 MB floor catches a limit given in KB or MB instead of bytes; 1 GB stays within wasm32's 2 GB.
  memoryLimitBytes: z
    .number()
    .int()
    .min(1_048_576)
    .max(1_073_741_824)
    .default(DEFAULT_CODE_MEMORY_LIMIT_BYTES),
  maxLogLines: z.number().int().min(0).max(100_000).default(DEFAULT_CODE_LOG_LINES),
  itemErrors: ItemErrorPolicySchema.default('stop'),
});

interface Job {
  request: SandboxRequest;
  resolve(result: CodeResult): void;
  reject(error: Error): void;
  detachSignal(): void;
  /** Posted to the worker; from then on a dying worker fails this job. */
  dispatched: boolean;
  settled: boolean;
  hardStop?: ReturnType<typeof setTimeout>;
}

interface SandboxWorker {
  worker: Worker;
  ready: PromiseWithResolvers<void>;
  startupTimer: ReturnType<typeof setTimeout>;
}

/**
 * Runs user JavaScript in QuickJS inside a worker thread. One long-lived worker, started on the
 * first call, runs one call at a time (others queue); each call gets a fresh QuickJS instance, so
 * no state survives between calls. A worker that overruns a time limit, crashes or is cancelled is
 * terminated and the next call starts a new one. The worker never keeps the process alive;
 * {@link close} stops it.
 */
export class CodeSandbox {
  #current: SandboxWorker | undefined;
  #queue: Job[] = [];
  #active: Job | undefined;
  #nextId = 1;

  /** Runs `options.code` over `options.items`. Rejects with a {@link CodeRunError} or RUN_CANCELLED. */
  runCode(options: RunCodeOptions): Promise<CodeResult> {
    const limits = RunCodeLimitsSchema.safeParse(options);
    if (!limits.success) {
      return Promise.reject(
        new BridgeflowError(
          'INPUT_INVALID',
          `Invalid code sandbox options: ${z.prettifyError(limits.error)}`,
        ),
      );
    }
    let itemsJson: string;
    try {
      itemsJson = JSON.stringify(options.items);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return Promise.reject(new BridgeflowError('INPUT_INVALID', `The input items are not JSON: ${reason}`));
    }
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(cancelledError());
    return new Promise<CodeResult>((resolve, reject) => {
      const request: SandboxRequest = { type: 'run', id: this.#nextId++, itemsJson, ...limits.data };
      const job: Job = {
        request,
        resolve,
        reject,
        detachSignal: () => {},
        dispatched: false,
        settled: false,
      };
      if (signal) {
        const onAbort = (): void => this.#cancel(job);
        signal.addEventListener('abort', onAbort, { once: true });
        job.detachSignal = () => signal.removeEventListener('abort', onAbort);
      }
      this.#queue.push(job);
      this.#pump();
    });
  }

  /** Stops the worker; waiting and running calls fail with RUN_CANCELLED. A later call starts a new worker. */
  async close(): Promise<void> {
    const queued = this.#queue;
    this.#queue = [];
    for (const job of queued) this.#settle(job, cancelledError('The code sandbox was closed'));
    if (this.#active) this.#settle(this.#active, cancelledError('The code sandbox was closed'));
    await this.#discardWorker();
  }

  #pump(): void {
    if (this.#active !== undefined) return;
    const job = this.#queue.shift();
    if (job === undefined) return;
    this.#active = job;
    let sandboxWorker: SandboxWorker;
    try {
      sandboxWorker = this.#ensureWorker();
    } catch (error) {
      this.#settle(job, startError(error));
      return;
    }
    sandboxWorker.ready.promise.then(
      () => {
        if (this.#active !== job) return;
        if (this.#current !== sandboxWorker) {
          this.#settle(job, startError(new Error('it stopped before the code could run')));
          return;
        }
        // The worker enforces the limit itself; this timer catches QuickJS stuck inside one built-in
        // call, where the interrupt handler never runs.
        job.hardStop = setTimeout(() => {
          void this.#discardWorker();
          this.#settle(job, new CodeRunError(timeoutFailure(job.request.timeoutMs)));
        }, job.request.timeoutMs + HARD_STOP_GRACE_MS);
        job.dispatched = true;
        sandboxWorker.worker.postMessage(job.request);
      },
      (error: unknown) => {
        if (this.#active === job) this.#settle(job, startError(error));
      },
    );
  }

  #settle(job: Job, outcome: CodeResult | Error): void {
    if (job.settled) return;
    job.settled = true;
    if (job.hardStop !== undefined) clearTimeout(job.hardStop);
    job.detachSignal();
    if (this.#active === job) this.#active = undefined;
    else this.#queue = this.#queue.filter((queued) => queued !== job);
    if (outcome instanceof Error) job.reject(outcome);
    else job.resolve(outcome);
    this.#pump();
  }

  #cancel(job: Job): void {
    // A running call can only be stopped by stopping its worker.
    if (this.#active === job) void this.#discardWorker();
    this.#settle(job, cancelledError());
  }

  #ensureWorker(): SandboxWorker {
    if (this.#current) return this.#current;
    const worker = new Worker(new URL('./code-sandbox.worker.ts', import.meta.url), {
      // The parent's flags are not for this thread: `--input-type` stops it from loading, `--eval`
      // scripts would run again. Node 24 strips the worker's TypeScript types without any flag.
      execArgv: [],
      resourceLimits: { stackSizeMb: WORKER_STACK_MB },
    });
    const ready = Promise.withResolvers<void>();
    // Nobody may be waiting when a start fails after the calls were cancelled.
    ready.promise.catch(() => {});
    const startupTimer = setTimeout(() => {
      ready.reject(new Error(`it did not start within ${STARTUP_TIMEOUT_MS} ms`));
      void this.#discardWorker();
    }, STARTUP_TIMEOUT_MS);
    const sandboxWorker: SandboxWorker = { worker, ready, startupTimer };
    worker.on('message', (message: unknown) => this.#onMessage(sandboxWorker, message));
    worker.on('error', (error: Error) => this.#onWorkerGone(sandboxWorker, error.message));
    worker.on('exit', (exitCode: number) => this.#onWorkerGone(sandboxWorker, `exit code ${exitCode}`));
    // An idle worker must not keep the process alive; a running call's timer does that. After the
    // listeners: adding a 'message' listener refs the worker's port again.
    worker.unref();
    this.#current = sandboxWorker;
    return sandboxWorker;
  }

  #onMessage(sandboxWorker: SandboxWorker, message: unknown): void {
    if (this.#current !== sandboxWorker) return;
    const parsed = SandboxReplySchema.safeParse(message);
    if (!parsed.success) {
      this.#onWorkerGone(sandboxWorker, `it sent a malformed reply: ${parsed.error.message}`);
      void sandboxWorker.worker.terminate();
      return;
    }
    const reply = parsed.data;
    if (reply.type === 'ready') {
      clearTimeout(sandboxWorker.startupTimer);
      sandboxWorker.ready.resolve();
      return;
    }
    if (reply.type === 'fatal') {
      this.#onWorkerGone(sandboxWorker, reply.message);
      void sandboxWorker.worker.terminate();
      return;
    }
    const job = this.#active;
    if (job === undefined || job.request.id !== reply.id) return;
    if (reply.type === 'failed') {
      this.#settle(job, new CodeRunError(reply.failure, reply.logs));
      return;
    }
    try {
      this.#settle(job, toResult(reply));
    } catch (error) {
      this.#settle(job, error instanceof Error ? error : new Error(String(error)));
    }
  }

  #onWorkerGone(sandboxWorker: SandboxWorker, reason: string): void {
    if (this.#current !== sandboxWorker) return;
    this.#current = undefined;
    clearTimeout(sandboxWorker.startupTimer);
    sandboxWorker.ready.reject(new Error(reason));
    const job = this.#active;
    if (job?.dispatched) {
      const message = `The code sandbox stopped unexpectedly while running the code (${reason})`;
      this.#settle(job, new CodeRunError({ code: 'CODE_FAILED', message }));
    }
  }

  async #discardWorker(): Promise<void> {
    const sandboxWorker = this.#current;
    if (sandboxWorker === undefined) return;
    this.#current = undefined;
    clearTimeout(sandboxWorker.startupTimer);
    sandboxWorker.ready.reject(new Error('it was stopped'));
    await sandboxWorker.worker.terminate();
  }
}

function timeoutFailure(timeoutMs: number): SandboxFailure {
  return { code: 'CODE_TIMEOUT', message: `Code ran longer than ${timeoutMs} ms` };
}

function startError(error: unknown): BridgeflowError {
  const reason = error instanceof Error ? error.message : String(error);
  return new BridgeflowError('INTERNAL', `The code sandbox could not start: ${reason}`);
}

function cancelledError(message = 'The code run was cancelled'): BridgeflowError {
  return new BridgeflowError('RUN_CANCELLED', message);
}
