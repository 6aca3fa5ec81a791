import type { JsonValue } from '../contract/flow-document.ts';
import type { NodePortItems, NodeTrace, TraceOutput } from '../contract/run-trace.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import type { ExecutionPlan, PlannedNode, PortItems } from './execution-plan.ts';

/** A run that starts from a chosen node, with the output of the nodes before it given. */
export interface StartAt {
  /** The first node that runs; it and every node downstream of it run, the others do not. */
  nodeId: string;
  /** Output of nodes that do not run (usually the last run's, see `outputsOfTrace`), by node id. */
  upstream: Readonly<Record<string, NodePortItems>>;
}

/** What happens to one node of a run that has pins or a start node. */
export type StartDecision =
  | { kind: 'run' }
  | { kind: 'supplied'; ports: PortItems; source: 'pin' | 'previousRun' }
  | { kind: 'notRun' };

/** Decides, node by node, whether it runs or its output is supplied. */
export interface RunStart {
  decide(planned: PlannedNode): StartDecision;
  /** The trigger that receives the run's input when the run starts from a trigger node. */
  readonly startNode: PlannedNode | undefined;
}

/**
 * Checks pins and the start node against the plan: unknown node ids and ports a node does not have
 * are INPUT_INVALID, so a stale pin from an older version of the flow is reported, not ignored.
 */
export function planRunStart(
  plan: ExecutionPlan,
  registry: NodeRegistry,
  pinned: Readonly<Record<string, NodePortItems>> = {},
  startAt: StartAt | undefined = undefined,
): RunStart {
  const byId = new Map(plan.nodes.map((planned) => [planned.node.id, planned]));
  for (const [nodeId, ports] of Object.entries(pinned)) checkPorts(byId, registry, nodeId, ports, 'pinned');
  let running: ReadonlySet<string> | undefined;
  let startNode: PlannedNode | undefined;
  if (startAt) {
    startNode = byId.get(startAt.nodeId);
    if (!startNode) {
      throw new BridgeflowError('INPUT_INVALID', `The flow has no node "${startAt.nodeId}" to start from`);
    }
    for (const [nodeId, ports] of Object.entries(startAt.upstream))
      checkPorts(byId, registry, nodeId, ports, 'supplied');
    running = downstreamOf(plan, startAt.nodeId);
  }
  return {
    startNode,
    decide(planned) {
      const id = planned.node.id;
      const pin = pinned[id];
      if (pin) return { kind: 'supplied', ports: toPortItems(pin), source: 'pin' };
      if (!running || running.has(id)) return { kind: 'run' };
      const given = startAt?.upstream[id];
      return given
        ? { kind: 'supplied', ports: toPortItems(given), source: 'previousRun' }
        : { kind: 'notRun' };
    },
  };
}

function checkPorts(
  byId: ReadonlyMap<string, PlannedNode>,
  registry: NodeRegistry,
  nodeId: string,
  ports: NodePortItems,
  what: string,
): void {
  const planned = byId.get(nodeId);
  if (!planned) {
    throw new BridgeflowError(
      'INPUT_INVALID',
      `Output was ${what} for node "${nodeId}", which the flow no longer has`,
      {
        nodeId,
      },
    );
  }
  const known = new Set(registry.outputsOf(planned.node).map((port) => port.name));
  const unknown = Object.keys(ports).filter((port) => !known.has(port));
  if (unknown.length > 0) {
    throw new BridgeflowError(
      'INPUT_INVALID',
      `Output was ${what} for port(s) ${unknown.join(', ')} of node "${planned.node.name}", which has only ${[...known].join(', ')}`,
      { nodeId, nodeName: planned.node.name },
    );
  }
}

/** The node and every node reachable from it along edges. */
function downstreamOf(plan: ExecutionPlan, nodeId: string): Set<string> {
  const reached = new Set([nodeId]);
  const queue = [nodeId];
  while (queue.length > 0) {
    const current = queue.shift();
    for (const edge of plan.flow.edges) {
      if (edge.source !== current || reached.has(edge.target)) continue;
      reached.add(edge.target);
      queue.push(edge.target);
    }
  }
  return reached;
}

function toPortItems(ports: NodePortItems): PortItems {
  return new Map(Object.entries(ports).map(([port, items]) => [port, [...items]]));
}

/**
 * The trace of a node whose output was supplied: it did not run, took no time, and (with a full
 * trace) shows the supplied items without lineage.
 */
export function suppliedTrace(
  planned: PlannedNode,
  decision: Extract<StartDecision, { kind: 'supplied' }>,
  context: { startedAt: string; inputs: readonly JsonValue[]; fullTrace: boolean },
): NodeTrace {
  const portCounts: Record<string, number> = {};
  const outputs: TraceOutput[] = [];
  for (const [port, items] of decision.ports) {
    portCounts[port] = items.length;
    for (const json of items) outputs.push({ port, json, from: [] });
  }
  const trace: NodeTrace = {
    nodeId: planned.node.id,
    nodeName: planned.node.name,
    type: planned.node.type,
    status: 'ok',
    startedAt: context.startedAt,
    durationMs: 0,
    itemsIn: context.inputs.length,
    itemsOut: outputs.length,
    portCounts,
    errors: [],
    http: [],
    pinned: decision.source,
  };
  if (context.fullTrace) {
    trace.inputs = [...context.inputs];
    trace.outputs = outputs;
  }
  return trace;
}

/**
 * The output of every node of a full trace, port by port: what a run from a later node takes as the
 * output of the nodes before it. Nodes recorded without items (a summary trace) are left out.
 */
export function outputsOfTrace(nodes: readonly NodeTrace[]): Record<string, NodePortItems> {
  const result: Record<string, NodePortItems> = {};
  for (const node of nodes) {
    if (!node.outputs || node.status === 'skipped' || node.status === 'cancelled') continue;
    const ports: NodePortItems = {};
    for (const output of node.outputs) {
      const items = ports[output.port] ?? [];
      items.push(output.json);
      ports[output.port] = items;
    }
    result[node.nodeId] = ports;
  }
  return result;
}
