import type { ErrorData } from '../contract/errors.ts';
import type { NodeTrace } from '../contract/run-trace.ts';
import { toErrorData } from '../errors/bridgeflow-error.ts';
import type { BatchNodeType, BatchResult, InputItem, ItemNodeType, ItemResult } from '../nodes/node-type.ts';
import type { PlannedNode } from './execution-plan.ts';
import {
  cancelledError,
  errorItem,
  isErrorData,
  type NodeInput,
  type NodeOutcome,
  NodeRun,
  type RunEnvironment,
  UnhandledItemFailure,
} from './node-run.ts';
import { NodeScope } from './node-scope.ts';
import { runConcurrently } from './run-concurrently.ts';

export type { NodeInput, NodeOutcome, RunEnvironment } from './node-run.ts';

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
