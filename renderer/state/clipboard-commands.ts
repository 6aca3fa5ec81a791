import type { FlowDocument, FlowEdge, FlowNode } from '../../engine/contract/flow-document.ts';
import { uniqueNodeName } from './flow-commands.ts';

/** What copy puts on the clipboard: nodes and the edges between them, as flow JSON. */
export interface FlowFragment {
  bridgeflowFragment: 1;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** The selected nodes and the edges among them. */
export function copyFragment(document: FlowDocument, nodeIds: readonly string[]): FlowFragment | undefined {
  const ids = new Set(nodeIds);
  const nodes = document.nodes.filter((node) => ids.has(node.id));
  if (nodes.length === 0) return undefined;
  const edges = document.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
  return { bridgeflowFragment: 1, nodes, edges };
}

/** Reads clipboard text as a fragment; anything else is not ours. */
export function parseFragment(text: string): FlowFragment | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || !('bridgeflowFragment' in value)) return undefined;
    if (
      !('nodes' in value) ||
      !('edges' in value) ||
      !Array.isArray(value.nodes) ||
      !Array.isArray(value.edges)
    ) {
      return undefined;
    }
    return value as FlowFragment;
  } catch {
    return undefined;
  }
}

/**
 * Adds a fragment's nodes with new ids and names (so pasting twice, or into another flow, never
 * clashes), shifted by `offset`; answers the document and the new node ids to select.
 */
export function pasteFragment(
  document: FlowDocument,
  fragment: FlowFragment,
  offset: { x: number; y: number },
  newId: (prefix: string) => string,
): { document: FlowDocument; nodeIds: string[] } {
  const idMap = new Map<string, string>();
  let next = document;
  for (const node of fragment.nodes) {
    const id = newId('node');
    idMap.set(node.id, id);
    const copy: FlowNode = {
      ...structuredClone(node),
      id,
      name: uniqueNodeName(next, node.name),
      position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
    };
    next = { ...next, nodes: [...next.nodes, copy] };
  }
  const edges = fragment.edges.flatMap((edge) => {
    const source = idMap.get(edge.source);
    const target = idMap.get(edge.target);
    return source && target ? [{ ...edge, id: newId('edge'), source, target }] : [];
  });
  return { document: { ...next, edges: [...next.edges, ...edges] }, nodeIds: [...idMap.values()] };
}
