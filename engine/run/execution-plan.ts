import type { FlowDocument, FlowEdge, FlowNode, JsonValue } from '../contract/flow-document.ts';
import type { PortDescription } from '../contract/node-description.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import type { NodeType } from '../nodes/node-type.ts';
import type { NodeRegistry } from '../nodes/registry.ts';

/** A node ready to run: its type, parsed parameters and wiring. */
export interface PlannedNode {
  readonly node: FlowNode;
  readonly nodeType: NodeType;
  readonly parameters: unknown;
  readonly trigger: boolean;
  /** Input ports in description order, each with the edges that feed it (in document order). */
  readonly inputs: ReadonlyArray<{ port: PortDescription; edges: readonly FlowEdge[] }>;
  /** Output port names that at least one edge leads from. */
  readonly wiredOutputs: ReadonlySet<string>;
  /** First output port, where a disabled node passes its items. */
  readonly passThroughPort: string;
}

/** A flow compiled for execution: nodes in an order where every node comes after its sources. */
export interface ExecutionPlan {
  readonly flow: FlowDocument;
  readonly nodes: readonly PlannedNode[];
}

// Runs reuse the plan of a flow object they have seen: the runtime executes the same flow for
// every order, and parsing parameters and sorting the graph each time would cost more than
// running most nodes.
const plans = new WeakMap<FlowDocument, WeakMap<NodeRegistry, ExecutionPlan>>();

/**
 * Compiles a flow for execution. Throws FLOW_INVALID naming the node when a type is unknown,
 * parameters do not parse or the graph has a cycle; `validateFlow` reports all of these at once
 * and should run first where a user is waiting for the answer.
 */
export function getExecutionPlan(flow: FlowDocument, registry: NodeRegistry): ExecutionPlan {
  let byRegistry = plans.get(flow);
  if (!byRegistry) {
    byRegistry = new WeakMap();
    plans.set(flow, byRegistry);
  }
  let plan = byRegistry.get(registry);
  if (!plan) {
    plan = { flow, nodes: topologicalOrder(flow).map((node) => planNode(flow, node, registry)) };
    byRegistry.set(registry, plan);
  }
  return plan;
}

function planNode(flow: FlowDocument, node: FlowNode, registry: NodeRegistry): PlannedNode {
  const registered = registry.get(node.type, node.typeVersion);
  if (!registered) {
    throw new BridgeflowError(
      'FLOW_INVALID',
      `Node "${node.name}" has type ${node.type} version ${node.typeVersion}, which this version of Bridgeflow does not know`,
      { nodeId: node.id, nodeName: node.name },
    );
  }
  const parsed = registered.nodeType.parameters.safeParse(node.parameters);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (parameter "${issue.path.join('.')}")` : '';
    throw new BridgeflowError(
      'FLOW_INVALID',
      `Node "${node.name}" has invalid parameters${where}: ${issue?.message ?? 'unknown problem'}`,
      { nodeId: node.id, nodeName: node.name },
    );
  }
  // The type's own checks (JSONata syntax, switch port names) must hold before anything runs,
  // not surface as a failure on the first item.
  const [problem] = registered.nodeType.validate?.(parsed.data) ?? [];
  if (problem) {
    throw new BridgeflowError(
      'FLOW_INVALID',
      `Node "${node.name}" has an invalid parameter "${problem.parameter}": ${problem.message}`,
      { nodeId: node.id, nodeName: node.name },
    );
  }
  const incoming = flow.edges.filter((edge) => edge.target === node.id);
  const outputs = registry.outputsOf(node);
  return {
    node,
    nodeType: registered.nodeType,
    parameters: parsed.data,
    trigger: registered.description.trigger,
    inputs: registry.inputsOf(node).map((port) => ({
      port,
      edges: incoming.filter((edge) => edge.targetHandle === port.name),
    })),
    wiredOutputs: new Set(
      flow.edges.filter((edge) => edge.source === node.id).map((edge) => edge.sourceHandle),
    ),
    passThroughPort: outputs.find((port) => port.name !== 'error')?.name ?? 'main',
  };
}

/** Kahn's algorithm, ties broken by document order so runs are deterministic. */
export function topologicalOrder(flow: FlowDocument): FlowNode[] {
  const indegree = new Map<string, number>(flow.nodes.map((node) => [node.id, 0]));
  const successors = new Map<string, string[]>();
  for (const edge of flow.edges) {
    if (!indegree.has(edge.source) || !indegree.has(edge.target)) continue;
    indegree.set(edge.target, (indegree.get(edge.target) ?? 0) + 1);
    const list = successors.get(edge.source) ?? [];
    list.push(edge.target);
    successors.set(edge.source, list);
  }
  const ready = flow.nodes.filter((node) => indegree.get(node.id) === 0);
  const byId = new Map(flow.nodes.map((node) => [node.id, node]));
  const order: FlowNode[] = [];
  while (ready.length > 0) {
    const node = ready.shift()!;
    order.push(node);
    for (const targetId of successors.get(node.id) ?? []) {
      const remaining = (indegree.get(targetId) ?? 0) - 1;
      indegree.set(targetId, remaining);
      const target = byId.get(targetId);
      if (remaining === 0 && target) insertInDocumentOrder(ready, target, flow.nodes);
    }
  }
  if (order.length < flow.nodes.length) {
    const stuck = flow.nodes.filter((node) => !order.includes(node)).map((node) => `"${node.name}"`);
    throw new BridgeflowError('FLOW_INVALID', `The flow has a cycle through ${stuck.join(', ')}`);
  }
  return order;
}

function insertInDocumentOrder(ready: FlowNode[], node: FlowNode, all: readonly FlowNode[]): void {
  const rank = all.indexOf(node);
  const at = ready.findIndex((other) => all.indexOf(other) > rank);
  if (at === -1) ready.push(node);
  else ready.splice(at, 0, node);
}

/** Items on each output port of a node, after it ran. */
export type PortItems = Map<string, JsonValue[]>;
