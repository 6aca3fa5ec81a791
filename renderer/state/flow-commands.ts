import type {
  FlowDocument,
  FlowEdge,
  FlowNode,
  JsonValue,
  Position,
} from '../../engine/contract/flow-document.ts';
import type { NodeDescription } from '../../engine/contract/node-description.ts';
import { outputPorts } from './node-ports.ts';

/**
 * Pure editing commands: (document, arguments) → document. The designer store applies them and
 * records undo history; tests call them without React.
 */

/** A new, empty flow. */
export function newFlowDocument(id: string, name = 'Untitled flow'): FlowDocument {
  return {
    schemaVersion: 1,
    id,
    name,
    description: '',
    settings: { errorPolicy: 'stopRun', timezone: 'UTC' },
    nodes: [],
    edges: [],
  };
}

/** A name not yet used in the flow: `HTTP request`, `HTTP request 2`, ... */
export function uniqueNodeName(document: FlowDocument, base: string): string {
  const taken = new Set(document.nodes.map((node) => node.name));
  if (!taken.has(base)) return base;
  for (let index = 2; ; index += 1) if (!taken.has(`${base} ${index}`)) return `${base} ${index}`;
}

/** Adds a node of a type with its default parameters. */
export function addNode(
  document: FlowDocument,
  args: { id: string; description: NodeDescription; position: Position },
): FlowDocument {
  const node: FlowNode = {
    id: args.id,
    name: uniqueNodeName(document, args.description.label),
    type: args.description.type,
    typeVersion: args.description.version,
    position: roundPosition(args.position),
    parameters: structuredClone(args.description.defaults),
  };
  return { ...document, nodes: [...document.nodes, node] };
}

/** Moves nodes to new positions. */
export function moveNodes(document: FlowDocument, positions: ReadonlyMap<string, Position>): FlowDocument {
  if (positions.size === 0) return document;
  return {
    ...document,
    nodes: document.nodes.map((node) => {
      const position = positions.get(node.id);
      return position ? { ...node, position: roundPosition(position) } : node;
    }),
  };
}

/** A connection the user is drawing. */
export interface Connection {
  source: string;
  sourceHandle: string;
  target: string;
  targetHandle: string;
}

/** Why a connection is refused, or undefined when it may be made. */
export function connectionProblem(
  document: FlowDocument,
  connection: Connection,
  describe: (node: FlowNode) => NodeDescription,
): string | undefined {
  const source = document.nodes.find((node) => node.id === connection.source);
  const target = document.nodes.find((node) => node.id === connection.target);
  if (!source || !target) return 'Both ends must be nodes of this flow';
  if (source.id === target.id) return 'A node cannot be connected to itself';
  const targetDescription = describe(target);
  if (targetDescription.trigger || targetDescription.inputs.length === 0) {
    return `"${target.name}" is a trigger: runs start there, nothing can lead into it`;
  }
  if (!outputPorts(source, describe(source)).some((port) => port.name === connection.sourceHandle)) {
    return `"${source.name}" has no output "${connection.sourceHandle}"`;
  }
  if (!targetDescription.inputs.some((port) => port.name === connection.targetHandle)) {
    return `"${target.name}" has no input "${connection.targetHandle}"`;
  }
  const duplicate = document.edges.some(
    (edge) =>
      edge.source === connection.source &&
      edge.sourceHandle === connection.sourceHandle &&
      edge.target === connection.target &&
      edge.targetHandle === connection.targetHandle,
  );
  if (duplicate) return 'These ports are already connected';
  if (reaches(document.edges, target.id, source.id)) {
    return `This would make a loop: "${target.name}" already leads to "${source.name}"`;
  }
  return undefined;
}

/** Adds an edge (callers check {@link connectionProblem} first). */
export function connect(document: FlowDocument, connection: Connection, id: string): FlowDocument {
  const edge: FlowEdge = { id, ...connection };
  return { ...document, edges: [...document.edges, edge] };
}

/** Removes nodes (with their edges) and edges. */
export function removeElements(
  document: FlowDocument,
  removed: { nodeIds?: readonly string[]; edgeIds?: readonly string[] },
): FlowDocument {
  const nodeIds = new Set(removed.nodeIds ?? []);
  const edgeIds = new Set(removed.edgeIds ?? []);
  if (nodeIds.size === 0 && edgeIds.size === 0) return document;
  return {
    ...document,
    nodes: document.nodes.filter((node) => !nodeIds.has(node.id)),
    edges: document.edges.filter(
      (edge) => !edgeIds.has(edge.id) && !nodeIds.has(edge.source) && !nodeIds.has(edge.target),
    ),
  };
}

/** Sets (or with `undefined`, removes) one parameter; `path` is dotted inside `parameters`. */
export function setParameter(
  document: FlowDocument,
  nodeId: string,
  path: readonly (string | number)[],
  value: JsonValue | undefined,
): FlowDocument {
  return updateNode(document, nodeId, (node) => {
    const parameters = setIn(node.parameters, path, value);
    return isJsonRecord(parameters) ? { ...node, parameters } : node;
  });
}

/** Renames a node; refuses names that are empty or taken. */
export function renameNode(document: FlowDocument, nodeId: string, name: string): FlowDocument | string {
  const trimmed = name.trim();
  if (trimmed === '') return 'A node needs a name';
  if (document.nodes.some((node) => node.id !== nodeId && node.name === trimmed)) {
    return `Another node is already called "${trimmed}"`;
  }
  return updateNode(document, nodeId, (node) => ({ ...node, name: trimmed }));
}

/** Changes any other node property (credentials, notes, disabled, settings). */
export function updateNode(
  document: FlowDocument,
  nodeId: string,
  change: (node: FlowNode) => FlowNode,
): FlowDocument {
  return { ...document, nodes: document.nodes.map((node) => (node.id === nodeId ? change(node) : node)) };
}

function reaches(edges: readonly FlowEdge[], from: string, to: string): boolean {
  const seen = new Set<string>();
  const pending = [from];
  while (pending.length > 0) {
    const current = pending.pop() ?? '';
    if (current === to) return true;
    if (seen.has(current)) continue;
    seen.add(current);
    for (const edge of edges) if (edge.source === current) pending.push(edge.target);
  }
  return false;
}

function setIn(
  container: JsonValue,
  path: readonly (string | number)[],
  value: JsonValue | undefined,
): JsonValue {
  const [head, ...rest] = path;
  if (head === undefined) return value ?? null;
  if (Array.isArray(container) || typeof head === 'number') {
    const list = Array.isArray(container) ? [...container] : [];
    const index = Number(head);
    if (rest.length === 0 && value === undefined) list.splice(index, 1);
    else list[index] = setIn(list[index] ?? null, rest, value);
    return list;
  }
  const record = typeof container === 'object' && container !== null ? { ...container } : {};
  if (rest.length === 0 && value === undefined) delete record[head];
  else record[head] = setIn(record[head] ?? null, rest, value);
  return record;
}

function isJsonRecord(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function roundPosition(position: Position): Position {
  return { x: Math.round(position.x), y: Math.round(position.y) };
}
