import type {
  FlowDocument,
  FlowEdge,
  FlowNode,
  JsonValue,
  NodeSettings,
} from '../../contract/flow-document.ts';

/** A node as tests write it: id, type and parameters; the rest has defaults. */
export interface TestNode {
  id: string;
  type: string;
  parameters?: Record<string, JsonValue>;
  name?: string;
  typeVersion?: number;
  settings?: NodeSettings;
  disabled?: boolean;
  credentials?: Record<string, string>;
}

/**
 * Builds a flow for tests. Edges are written `'a -> b'`, `'a:true -> b'` or `'m:main -> n:input2'`
 * (ports default to `main`), so a test reads like the ASCII graph drawn above it.
 */
export function buildFlow(
  nodes: readonly TestNode[],
  edges: readonly string[],
  settings: Partial<FlowDocument['settings']> = {},
): FlowDocument {
  return {
    schemaVersion: 1,
    id: 'test-flow',
    name: 'Test flow',
    description: '',
    settings: { errorPolicy: 'stopRun', timezone: 'UTC', ...settings },
    nodes: nodes.map(
      (node, index): FlowNode => ({
        id: node.id,
        name: node.name ?? node.id,
        type: node.type,
        typeVersion: node.typeVersion ?? 1,
        position: { x: index * 200, y: 0 },
        parameters: node.parameters ?? {},
        ...(node.settings ? { settings: node.settings } : {}),
        ...(node.disabled ? { disabled: true } : {}),
        ...(node.credentials ? { credentials: node.credentials } : {}),
      }),
    ),
    edges: edges.map(parseEdge),
  };
}

function parseEdge(text: string, index: number): FlowEdge {
  const [from, to] = text.split('->').map((part) => part.trim());
  if (!from || !to) throw new Error(`Edge "${text}" must read "source[:port] -> target[:port]"`);
  const [source = '', sourceHandle = 'main'] = from.split(':');
  const [target = '', targetHandle = 'main'] = to.split(':');
  return { id: `e${index}`, source, sourceHandle, target, targetHandle };
}
