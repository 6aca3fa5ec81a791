import ELK from 'elkjs/lib/elk.bundled.js';
import type { FlowDocument, Position } from '../../engine/contract/flow-document.ts';

const NODE_WIDTH = 200;
const NODE_HEIGHT = 72;
const elk = new ELK();

/** Left-to-right layered layout (ELK "layered") of the whole flow: new positions by node id. */
export async function layoutFlow(document: FlowDocument): Promise<Map<string, Position>> {
  const graph = await elk.layout({
    id: 'flow',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.spacing.nodeNode': '40',
    },
    children: document.nodes.map((node) => ({ id: node.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: document.edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  });
  const positions = new Map<string, Position>();
  for (const child of graph.children ?? []) {
    positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  }
  return positions;
}
