import type { FlowDocument, FlowEdge, FlowNode } from '../contract/flow-document.ts';
import type { PortDescription } from '../contract/node-description.ts';
import type { FlowProblem } from '../contract/problems.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import { findCycles } from './flow-cycles.ts';
import { flowProblem, nodeLabel } from './flow-problem.ts';

/** Nodes by id; with duplicate ids the first wins (the duplicate itself is reported elsewhere). */
export function nodesById(nodes: readonly FlowNode[]): Map<string, FlowNode> {
  const byId = new Map<string, FlowNode>();
  for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  return byId;
}

/** Edge ends that exist, on ports the nodes have, never into a trigger. */
export function validateEdges(document: FlowDocument, registry: NodeRegistry): FlowProblem[] {
  const byId = nodesById(document.nodes);
  return document.edges.flatMap((edge, index) => validateEdge(edge, `edges[${index}]`, byId, registry));
}

function validateEdge(
  edge: FlowEdge,
  path: string,
  byId: ReadonlyMap<string, FlowNode>,
  registry: NodeRegistry,
): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const source = byId.get(edge.source);
  const target = byId.get(edge.target);
  const name = JSON.stringify(edge.id);
  if (!source) {
    const message = `Edge ${name} starts at node "${edge.source}", which is not in the flow`;
    problems.push(flowProblem('EDGE_UNKNOWN_NODE', `${path}.source`, message));
  } else if (registry.get(source.type, source.typeVersion)) {
    const outputs = registry.outputsOf(source);
    if (!hasPort(outputs, edge.sourceHandle)) {
      const message = `Edge ${name} leaves ${nodeLabel(source)} from output "${edge.sourceHandle}", which that node does not have; ${portList('outputs', outputs)}`;
      problems.push(flowProblem('EDGE_UNKNOWN_PORT', `${path}.sourceHandle`, message, { node: source }));
    }
  }
  if (!target) {
    const message = `Edge ${name} ends at node "${edge.target}", which is not in the flow`;
    problems.push(flowProblem('EDGE_UNKNOWN_NODE', `${path}.target`, message));
  } else {
    problems.push(...validateTarget(edge, path, target, registry));
  }
  return problems;
}

function validateTarget(
  edge: FlowEdge,
  path: string,
  target: FlowNode,
  registry: NodeRegistry,
): FlowProblem[] {
  const registered = registry.get(target.type, target.typeVersion);
  // Ports of an unknown type are unknown; the type itself is already reported.
  if (!registered) return [];
  const name = JSON.stringify(edge.id);
  if (registered.description.trigger) {
    const message = `Edge ${name} goes into trigger ${nodeLabel(target)}; a trigger starts the flow and takes no input`;
    return [flowProblem('EDGE_INTO_TRIGGER', `${path}.target`, message, { node: target })];
  }
  const inputs = registry.inputsOf(target);
  if (hasPort(inputs, edge.targetHandle)) return [];
  const message = `Edge ${name} enters ${nodeLabel(target)} at input "${edge.targetHandle}", which that node does not have; ${portList('inputs', inputs)}`;
  return [flowProblem('EDGE_UNKNOWN_PORT', `${path}.targetHandle`, message, { node: target })];
}

function hasPort(ports: readonly PortDescription[], name: string): boolean {
  return ports.some((port) => port.name === name);
}

function portList(kind: 'inputs' | 'outputs', ports: readonly PortDescription[]): string {
  if (ports.length === 0) return `it has no ${kind}`;
  return `its ${kind} are ${ports.map((port) => `"${port.name}"`).join(', ')}`;
}

/** One FLOW_CYCLE problem per loop, naming its nodes in order. */
export function validateCycles(document: FlowDocument): FlowProblem[] {
  const byId = nodesById(document.nodes);
  const cycles = findCycles([...byId.keys()], document.edges);
  return cycles.map((cycle) => {
    const nodes = cycle.flatMap((id) => byId.get(id) ?? []);
    const closing = document.edges.findIndex(
      (edge) => edge.source === cycle.at(-1) && edge.target === cycle[0],
    );
    const path = closing === -1 ? 'edges' : `edges[${closing}]`;
    const [first] = nodes;
    if (!first) return flowProblem('FLOW_CYCLE', path, 'The flow loops back on itself');
    if (nodes.length === 1) {
      const message = `Node ${nodeLabel(first)} is connected to itself; items would go round forever, so remove that edge`;
      return flowProblem('FLOW_CYCLE', path, message, { node: first });
    }
    const names = [...nodes, first].map(nodeLabel).join(' → ');
    const message = `These nodes form a loop: ${names}; items would go round forever, so remove one of these edges`;
    return flowProblem('FLOW_CYCLE', path, message, { node: first });
  });
}
