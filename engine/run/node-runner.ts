import type { ErrorData } from '../contract/errors.ts';
import type { FlowSettings, JsonValue, RetrySettings } from '../contract/flow-document.ts';
import type { NodeTrace, TraceItemError, TraceOutput } from '../contract/run-trace.ts';
import { BridgeflowError, toErrorData } from '../errors/bridgeflow-error.ts';
import type {
  BatchNodeType,
  BatchResult,
  InputItem,
  ItemNodeType,
  ItemResult,
  TriggerMeta,
} from '../nodes/node-type.ts';
import type { PlannedNode, PortItems } from './execution-plan.ts';
import { createSecretMasker } from './http/secret-masking.ts';
import { NodeScope, type NodeScopeShared } from './node-scope.ts';
import { NO_RETRY, retryDelayMs } from './retry-policy.ts';
import type { EngineServices } from './services.ts';

/** What every node of a run shares. */
export interface RunEnvironment {
  readonly flowSettings: FlowSettings;
  readonly services: EngineServices;
  readonly dryRun: boolean;
  readonly signal: AbortSignal;
  readonly fullTrace: boolean;
  readonly trigger: TriggerMeta;
}

/** Items reaching a node: their data, and the input port of each (only batch nodes look). */
export interface NodeInput {
  readonly items: readonly JsonValue[];
  portOf(index: number): string;
}

/** What a node run produced. `stop` is set when an unhandled failure ends the run. */
export interface NodeOutcome {
  readonly outputs: PortItems;
  readonly trace: NodeTrace;
  readonly stop?: ErrorData;
}

/** Raised inside a node run when an item fails and nothing handles it. */
class UnhandledItemFailure extends Error {
  readonly data: ErrorData;
  constructor(data: ErrorData) {
    super(data.message);
    this.data = data;
  }
}

/** Mutable state of one node run. */
class NodeRun {
  readonly outputs: PortItems = new Map();
  readonly traceOutputs: TraceOutput[] | undefined;
  readonly errors: TraceItemError[] = [];
  readonly shared: NodeScopeShared;
  readonly retry: RetrySettings;
  readonly continueOnError: boolean;
  readonly planned: PlannedNode;
  readonly environment: RunEnvironment;

  constructor(planned: PlannedNode, environment: RunEnvironment) {
    this.planned = planned;
    this.environment = environment;
    const { node } = planned;
    this.traceOutputs = environment.fullTrace ? [] : undefined;
    this.retry = node.settings?.retry ?? environment.flowSettings.retry ?? NO_RETRY;
    this.continueOnError =
      node.settings?.continueOnError ?? environment.flowSettings.errorPolicy === 'continue';
    this.shared = {
      node,
      parameters: planned.parameters,
      flowSettings: environment.flowSettings,
      dryRun: environment.dryRun,
      services: environment.services,
      trigger: environment.trigger,
      http: [],
      secrets: [],
    };
  }

  emit(port: string, json: JsonValue, from: number[]): void {
    let list = this.outputs.get(port);
    if (!list) {
      list = [];
      this.outputs.set(port, list);
    }
    list.push(json);
    this.traceOutputs?.push({ port, json, from });
  }

  collect(result: ItemResult, index: number): void {
    if (result === undefined) return;
    if (isOutputList(result)) {
      for (const output of result) this.emit(output.port, output.json, [index]);
    } else {
      this.emit(result.port, result.json, [index]);
    }
  }

  /** Time limit of one item (or of the whole batch). */
  withTimeout<T>(start: (signal: AbortSignal) => T | Promise<T>, itemIndex: number): T | Promise<T> {
    const timeoutMs = this.planned.node.settings?.timeoutMs;
    if (timeoutMs === undefined) return start(this.environment.signal);
    const controller = new AbortController();
    const result = start(AbortSignal.any([this.environment.signal, controller.signal]));
    if (!(result instanceof Promise)) return result;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        controller.abort();
        const where = itemIndex >= 0 ? ` on item ${itemIndex}` : '';
        reject(
          new BridgeflowError(
            'NODE_TIMEOUT',
            `Node "${this.planned.node.name}" took longer than ${timeoutMs} ms${where}`,
          ),
        );
      }, timeoutMs);
      result.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (thrown: unknown) => {
          clearTimeout(timer);
          reject(thrown);
        },
      );
    });
  }

  /** Error data with the node's credential values masked: remote systems echo them in messages. */
  masked(error: ErrorData): ErrorData {
    if (this.shared.secrets.length === 0) return error;
    const masker = createSecretMasker(this.shared.secrets);
    const data: ErrorData = { ...error, message: masker.text(error.message) };
    if (error.remote?.message !== undefined)
      data.remote = { ...error.remote, message: masker.text(error.remote.message) };
    return data;
  }

  /**
   * Retries a failed attempt while the error is retryable and attempts remain; then routes the
   * failure: the error port when wired, else dropped under continue-on-error, else the run stops.
   */
  async recover<T>(first: unknown, itemIndex: number, again: () => T | Promise<T>): Promise<T | ErrorData> {
    const { node } = this.planned;
    const context = { nodeId: node.id, nodeName: node.name, ...(itemIndex >= 0 ? { itemIndex } : {}) };
    let error = toErrorData(first, context);
    let attempts = 1;
    while (error.retryable && attempts < this.retry.maxAttempts && !this.environment.signal.aborted) {
      await this.environment.services.clock.sleep(
        retryDelayMs(this.retry, attempts, error.retryAfterMs),
        this.environment.signal,
      );
      attempts++;
      try {
        return await again();
      } catch (thrown) {
        error = toErrorData(thrown, context);
      }
    }
    return this.route(error, itemIndex, attempts);
  }

  /**
   * Decides what happens to a failure that retries did not cure: recorded, then the error port
   * when wired, else dropped under continue-on-error, else the run stops (throws).
   */
  route(failure: ErrorData, itemIndex: number, attempts: number): ErrorData {
    const error = this.masked(failure);
    if (error.code === 'RUN_CANCELLED' || this.environment.signal.aborted)
      throw new UnhandledItemFailure(error);
    const handling = this.planned.wiredOutputs.has('error')
      ? 'errorPort'
      : this.continueOnError
        ? 'dropped'
        : 'stoppedRun';
    this.errors.push({ itemIndex, attempts, handling, error });
    if (handling === 'stoppedRun') throw new UnhandledItemFailure(error);
    return error;
  }
}

function isOutputList(
  result: NonNullable<ItemResult>,
): result is readonly { port: string; json: JsonValue }[] {
  return Array.isArray(result);
}

/** Runs one node over its input and returns its outputs and trace. Never throws. */
export async function runNode(
  planned: PlannedNode,
  input: NodeInput,
  environment: RunEnvironment,
): Promise<NodeOutcome> {
  const run = new NodeRun(planned, environment);
  const startedAt = new Date(environment.services.clock.now()).toISOString();
  const started = performance.now();
  let itemDurationsMs: number[] | undefined;
  let stop: ErrorData | undefined;
  try {
    if (planned.nodeType.kind === 'item') {
      itemDurationsMs = await runItems(run, planned.nodeType, input);
    } else {
      await runBatch(run, planned.nodeType, input);
    }
  } catch (thrown) {
    const { node } = planned;
    stop =
      thrown instanceof UnhandledItemFailure
        ? thrown.data
        : toErrorData(thrown, { nodeId: node.id, nodeName: node.name });
  }
  const status = stop === undefined ? 'ok' : stop.code === 'RUN_CANCELLED' ? 'cancelled' : 'error';
  return {
    outputs: run.outputs,
    ...(stop ? { stop } : {}),
    trace: buildTrace(run, input, {
      startedAt,
      durationMs: performance.now() - started,
      status,
      itemDurationsMs,
      stop,
    }),
  };
}

function buildTrace(
  run: NodeRun,
  input: NodeInput,
  result: {
    startedAt: string;
    durationMs: number;
    status: NodeTrace['status'];
    itemDurationsMs: number[] | undefined;
    stop: ErrorData | undefined;
  },
): NodeTrace {
  const { node } = run.planned;
  const portCounts: Record<string, number> = {};
  let itemsOut = 0;
  for (const [port, items] of run.outputs) {
    portCounts[port] = items.length;
    itemsOut += items.length;
  }
  const trace: NodeTrace = {
    nodeId: node.id,
    nodeName: node.name,
    type: node.type,
    status: result.status,
    startedAt: result.startedAt,
    durationMs: result.durationMs,
    itemsIn: input.items.length,
    itemsOut,
    portCounts,
    errors: run.errors,
    http: run.shared.http,
  };
  if (run.traceOutputs) {
    trace.inputs = [...input.items];
    trace.outputs = run.traceOutputs;
    if (result.itemDurationsMs) trace.itemDurationsMs = result.itemDurationsMs;
  }
  if (result.stop) trace.error = result.stop;
  return trace;
}

async function runItems(
  run: NodeRun,
  nodeType: ItemNodeType<unknown>,
  input: NodeInput,
): Promise<number[] | undefined> {
  const { items } = input;
  const durations = run.environment.fullTrace ? new Array<number>(items.length).fill(0) : undefined;
  const attempt = (index: number): ItemResult | Promise<ItemResult> =>
    run.withTimeout(
      (signal) => nodeType.executeItem(items[index] ?? null, new NodeScope(run.shared, index, signal)),
      index,
    );
  const recoverItem = async (thrown: unknown, index: number): Promise<ItemResult> => {
    const recovered = await run.recover(thrown, index, () => attempt(index));
    if (!isErrorData(recovered)) return recovered;
    // A handled failure goes to the error port when it is wired, else it is dropped (continue on error).
    return run.planned.wiredOutputs.has('error')
      ? { port: 'error', json: errorItem(recovered, items[index] ?? null) }
      : undefined;
  };
  const concurrency = run.planned.node.settings?.concurrency ?? 1;
  if (concurrency > 1) {
    const results = await runConcurrently(
      run.environment.signal,
      items.length,
      concurrency,
      async (index) => {
        try {
          return await attempt(index);
        } catch (thrown) {
          return recoverItem(thrown, index);
        }
      },
    );
    for (const [index, result] of results.entries()) run.collect(result, index);
    return undefined;
  }
  const signal = run.environment.signal;
  for (let index = 0; index < items.length; index++) {
    if (signal.aborted) throw cancelledError();
    const started = durations ? performance.now() : 0;
    // Most nodes (set, filter, transform on plain paths) finish synchronously; awaiting only
    // real promises keeps the per-item cost of the engine to a few hundred nanoseconds.
    let result: ItemResult;
    try {
      const attempted = attempt(index);
      result = attempted instanceof Promise ? await attempted : attempted;
    } catch (thrown) {
      result = await recoverItem(thrown, index);
    }
    run.collect(result, index);
    if (durations) durations[index] = performance.now() - started;
  }
  return durations;
}

async function runBatch(run: NodeRun, nodeType: BatchNodeType<unknown>, input: NodeInput): Promise<void> {
  const items: InputItem[] = input.items.map((json, index) => ({ port: input.portOf(index), json, index }));
  const attempt = () =>
    run.withTimeout((signal) => nodeType.execute(items, new NodeScope(run.shared, -1, signal)), -1);
  let result: BatchResult | ErrorData;
  try {
    result = await attempt();
  } catch (thrown) {
    result = await run.recover(thrown, -1, attempt);
  }
  if (isErrorData(result)) {
    // The whole batch failed: every input item goes to the error port (or is dropped).
    if (run.planned.wiredOutputs.has('error')) {
      for (const item of items) run.emit('error', errorItem(result, item.json), [item.index]);
    }
    return;
  }
  const { outputs, failures } = Array.isArray(result) ? { outputs: result, failures: [] } : result;
  for (const output of outputs) run.emit(output.port, output.json, [...output.from]);
  const { node } = run.planned;
  for (const failure of failures) {
    const data = toErrorData(failure.error, {
      nodeId: node.id,
      nodeName: node.name,
      itemIndex: failure.itemIndex,
    });
    const routed = run.route(data, failure.itemIndex, 1);
    if (run.planned.wiredOutputs.has('error')) {
      run.emit('error', errorItem(routed, items[failure.itemIndex]?.json ?? null), [failure.itemIndex]);
    }
  }
}

/** The item sent to a node's error port: what failed, and the input it failed on. */
function errorItem(error: ErrorData, input: JsonValue): JsonValue {
  const json: { [key: string]: JsonValue } = { error: { ...error }, input };
  return json;
}

function isErrorData(value: unknown): value is ErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    'retryable' in value &&
    'message' in value
  );
}

function cancelledError(): BridgeflowError {
  return new BridgeflowError('RUN_CANCELLED', 'The run was cancelled');
}

/** Runs `work` for indices 0..count-1 with at most `limit` in flight; results in index order. */
async function runConcurrently<T>(
  signal: AbortSignal,
  count: number,
  limit: number,
  work: (index: number) => Promise<T>,
): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (next < count && failure === undefined) {
      if (signal.aborted) throw cancelledError();
      const index = next++;
      try {
        results[index] = await work(index);
      } catch (thrown) {
        failure ??= thrown;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  if (failure !== undefined) throw failure;
  return results;
}
