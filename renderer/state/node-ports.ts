import type { FlowEdge, FlowNode } from '../../engine/contract/flow-document.ts';
import {
  type NodeDescription,
  type PortDescription,
  unknownNodeDescription,
} from '../../engine/contract/node-description.ts';

/** Every node has this output (the registry adds it to each description). */
const ERROR_PORT_NAME = 'error';

/**
 * The description drawn for a node: its type's, or a visible placeholder for a type this
 * build does not know, with the ports its edges use (the engine's NodeRegistry.describeNode).
 */
export function describeNode(
  node: FlowNode,
  edges: readonly FlowEdge[],
  nodeTypes: ReadonlyMap<string, NodeDescription>,
): NodeDescription {
  const known = nodeTypes.get(node.type);
  return known && known.version === node.typeVersion ? known : unknownNodeDescription(node, edges);
}

/** Output ports of a node, including parameter-driven ones (switch rules) before the fixed ones. */
export function outputPorts(node: FlowNode, description: NodeDescription): PortDescription[] {
  const dynamic = description.dynamicOutputs;
  if (!dynamic) return description.outputs;
  const entries = node.parameters[dynamic.parameter];
  const named: PortDescription[] = [];
  for (const entry of Array.isArray(entries) ? entries : []) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) continue;
    const name = entry[dynamic.nameField];
    if (typeof name === 'string' && name !== '') named.push({ name, label: name, showLabel: true });
  }
  return [...named, ...description.outputs];
}

/** Whether edges from this port carry a label on the canvas. */
export function isLabelledPort(port: PortDescription): boolean {
  return port.showLabel === true || port.name === ERROR_PORT_NAME;
}
