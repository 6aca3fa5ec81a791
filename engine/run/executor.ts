import { randomUUID } from 'node:crypto';
import type { ErrorData } from '../contract/errors.ts';
import type { FlowDocument, JsonValue } from '../contract/flow-document.ts';
import type { NodePortItems, NodeTrace, RunOutput, RunTrace } from '../contract/run-trace.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import type { TriggerMeta } from '../nodes/node-type.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import { getExecutionPlan, type PlannedNode, type PortItems } from './execution-plan.ts';
import { type NodeInput, type RunEnvironment, runNode } from './node-runner.ts';
import { planRunStart, type RunStart, type StartAt, suppliedTrace } from './run-start.ts';
import type { EngineServices } from './services.ts';

/** How to run a flow once. */
export interface RunFlowOptions {
  flow: FlowDocument;
  registry: NodeRegistry;
  services: EngineServices;
  /** Items handed to the trigger (a sample payload, a webhook body, a polled page). */
  input: readonly JsonValue[];
  /** Request details for triggers that use them. */
  triggerMeta?: TriggerMeta;
  /** Which trigger starts the run; required only when the flow has more than one. */
  triggerNodeId?: string;
  /** Writes are recorded instead of sent. */
  dryRun?: boolean;
  signal?: AbortSignal;
  /** `full` (default) keeps every node's input and output items; `summary` keeps counts, timings and errors. */
  trace?: 'full' | 'summary';
  runId?: string;
  /**
   * Output to use instead of running these nodes, by node id and port. A pinned node does not run;
   * the nodes after it get the pinned items, and its trace says `pinned: "pin"`.
   */
  pinned?: Readonly<Record<string, NodePortItems>>;
  /**
   * Runs only this node and the nodes downstream of it; the others do not run and hand on the output
   * given in `upstream` (marked `pinned: "previousRun"`), or nothing. `input` is used only when the
   * start node is a trigger.
   */
  startAt?: StartAt;
}

/**
 * Runs a flow over its input and returns the trace. The one execution path: the designer's test
 * runs, the web host and the headless runtime all come here.
 *
 * Throws BridgeflowError FLOW_INVALID before running anything when the flow cannot run (unknown
 * node type, bad parameters, cycle, no trigger); every other failure is reported in the trace.
 */
export async function runFlow(options: RunFlowOptions): Promise<RunTrace> {
  const { flow, services } = options;
  const plan = getExecutionPlan(flow, options.registry);
  const start = planRunStart(plan, options.registry, options.pinned, options.startAt);
  // A run from a later node needs no trigger; one from a trigger node hands it the input.
  const trigger = options.startAt
    ? start.startNode?.trigger
      ? start.startNode
      : undefined
    : chooseTrigger(plan.nodes, options.triggerNodeId);
  const signal = options.signal ?? new AbortController().signal;
  const environment: RunEnvironment = {
    flowSettings: flow.settings,
    services,
    dryRun: options.dryRun ?? false,
    signal,
    fullTrace: (options.trace ?? 'full') === 'full',
    trigger: options.triggerMeta ?? {},
  };
  const startedAt = new Date(services.clock.now()).toISOString();
  const started = performance.now();
  const walk: Walk = { produced: new Map(), traces: [], failure: undefined, startedAt };
  for (const planned of plan.nodes) {
    await visitNode(walk, planned, { start, trigger, input: options.input, environment });
  }
  let failure = walk.failure;
  if (!failure && signal.aborted)
    failure = new BridgeflowError('RUN_CANCELLED', 'The run was cancelled').toData();

  const trace: RunTrace = {
    runId: options.runId ?? randomUUID(),
    flowId: flow.id,
    flowName: flow.name,
    status: failure === undefined ? 'succeeded' : failure.code === 'RUN_CANCELLED' ? 'cancelled' : 'failed',
    dryRun: environment.dryRun,
    startedAt,
    durationMs: performance.now() - started,
    nodes: walk.traces,
    outputs: unconnectedOutputs(plan.nodes, walk.produced),
    itemErrorCount: walk.traces.reduce((sum, node) => sum + node.errors.length, 0),
  };
  if (failure) trace.error = failure;
  return trace;
}

/** What the run has done so far, node by node. */
interface Walk {
  readonly produced: Map<string, PortItems>;
  readonly traces: NodeTrace[];
  failure: ErrorData | undefined;
  readonly startedAt: string;
}

/** Runs one node (or supplies its pinned output, or skips it) and records what it did. */
async function visitNode(
  walk: Walk,
  planned: PlannedNode,
  run: {
    start: RunStart;
    trigger: PlannedNode | undefined;
    input: readonly JsonValue[];
    environment: RunEnvironment;
  },
): Promise<void> {
  const { signal } = run.environment;
  const decision = run.start.decide(planned);
  if (walk.failure || signal.aborted || decision.kind === 'notRun') {
    walk.traces.push(notRunTrace(planned, signal.aborted ? 'cancelled' : 'skipped', walk.startedAt));
    return;
  }
  const input: NodeInput =
    planned === run.trigger
      ? { items: run.input, portOf: () => 'main' }
      : planned.trigger
        ? { items: [], portOf: () => 'main' }
        : gatherInput(planned, walk.produced);
  if (decision.kind === 'supplied') {
    walk.produced.set(planned.node.id, decision.ports);
    const context = { startedAt: walk.startedAt, inputs: input.items, fullTrace: run.environment.fullTrace };
    walk.traces.push(suppliedTrace(planned, decision, context));
    return;
  }
  if (input.items.length === 0) {
    walk.traces.push(notRunTrace(planned, 'skipped', walk.startedAt));
    return;
  }
  if (planned.node.disabled) {
    walk.produced.set(planned.node.id, new Map([[planned.passThroughPort, [...input.items]]]));
    walk.traces.push({ ...notRunTrace(planned, 'disabled', walk.startedAt), itemsIn: input.items.length });
    return;
  }
  const outcome = await runNode(planned, input, run.environment);
  walk.produced.set(planned.node.id, outcome.outputs);
  walk.traces.push(outcome.trace);
  walk.failure = outcome.stop;
}

function chooseTrigger(nodes: readonly PlannedNode[], triggerNodeId: string | undefined): PlannedNode {
  const triggers = nodes.filter((planned) => planned.trigger && !planned.node.disabled);
  if (triggerNodeId !== undefined) {
    const chosen = triggers.find((planned) => planned.node.id === triggerNodeId);
    if (!chosen) {
      const names = triggers.map((planned) => planned.node.id).join(', ') || 'none';
      throw new BridgeflowError(
        'INPUT_INVALID',
        `"${triggerNodeId}" is not an enabled trigger of this flow (triggers: ${names})`,
      );
    }
    return chosen;
  }
  const [only, ...others] = triggers;
  if (!only)
    throw new BridgeflowError(
      'FLOW_INVALID',
      'The flow has no enabled trigger node, so nothing can start it',
    );
  if (others.length > 0) {
    const names = triggers.map((planned) => `"${planned.node.name}" (${planned.node.id})`).join(', ');
    throw new BridgeflowError(
      'INPUT_INVALID',
      `The flow has several triggers (${names}); choose the one to start`,
    );
  }
  return only;
}

/** Items on the edges into a node, input port by input port, in edge order. */
function gatherInput(planned: PlannedNode, produced: ReadonlyMap<string, PortItems>): NodeInput {
  const sources: { port: string; items: readonly JsonValue[] }[] = [];
  for (const { port, edges } of planned.inputs) {
    for (const edge of edges) {
      const items = produced.get(edge.source)?.get(edge.sourceHandle);
      if (items && items.length > 0) sources.push({ port: port.name, items });
    }
  }
  const [single] = sources;
  // One feeding edge (the usual case): hand its array on without copying.
  if (single && sources.length === 1) return { items: single.items, portOf: () => single.port };
  const items: JsonValue[] = [];
  const ports: string[] = [];
  for (const source of sources) {
    for (const item of source.items) {
      items.push(item);
      ports.push(source.port);
    }
  }
  return { items, portOf: (index) => ports[index] ?? 'main' };
}

function notRunTrace(planned: PlannedNode, status: NodeTrace['status'], startedAt: string): NodeTrace {
  return {
    nodeId: planned.node.id,
    nodeName: planned.node.name,
    type: planned.node.type,
    status,
    startedAt,
    durationMs: 0,
    itemsIn: 0,
    itemsOut: 0,
    portCounts: {},
    errors: [],
    http: [],
  };
}

/** Items left on output ports that no edge leads from (the error port never counts). */
function unconnectedOutputs(
  nodes: readonly PlannedNode[],
  produced: ReadonlyMap<string, PortItems>,
): RunOutput[] {
  const outputs: RunOutput[] = [];
  for (const planned of nodes) {
    const ports = produced.get(planned.node.id);
    if (!ports) continue;
    for (const [port, items] of ports) {
      if (port === 'error' || planned.wiredOutputs.has(port) || items.length === 0) continue;
      outputs.push({ nodeId: planned.node.id, nodeName: planned.node.name, port, items });
    }
  }
  return outputs;
}
