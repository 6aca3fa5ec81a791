import type { FlowMigration } from '../flow-migrations.ts';
import { isRecord } from '../json-path.ts';

/**
 * Schema 0 was the pre-release format: nodes had `params` and no `typeVersion`, edges were
 * `{ "from": "nodeA:main", "to": "nodeB:main" }` without ids, and flows had no `settings`.
 */
export const schemaV0ToV1: FlowMigration = {
  from: 0,
  to: 1,
  description:
    'Nodes: params → parameters, typeVersion 1; edges: from/to → source/target with ids; add settings',
  migrate(raw) {
    const migrated: Record<string, unknown> = { ...raw };
    if (Array.isArray(raw.nodes)) migrated.nodes = raw.nodes.map(migrateNode);
    if (Array.isArray(raw.edges)) migrated.edges = migrateEdges(raw.edges);
    // The defaults schema 1 applies anyway, written out so the upgraded file says what it does.
    if (migrated.settings === undefined) migrated.settings = { errorPolicy: 'stopRun', timezone: 'UTC' };
    return migrated;
  },
};

function migrateNode(node: unknown): unknown {
  if (!isRecord(node)) return node;
  const { params, ...rest } = node;
  const migrated: Record<string, unknown> = { ...rest };
  if (migrated.parameters === undefined && params !== undefined) migrated.parameters = params;
  // Every node type existed only in version 1 before schema 1 introduced versions.
  if (migrated.typeVersion === undefined) migrated.typeVersion = 1;
  return migrated;
}

function migrateEdges(edges: readonly unknown[]): unknown[] {
  const used = new Set<string>();
  for (const edge of edges) if (isRecord(edge) && typeof edge.id === 'string') used.add(edge.id);
  return edges.map((edge) => migrateEdge(edge, used));
}

function migrateEdge(edge: unknown, used: Set<string>): unknown {
  if (!isRecord(edge) || typeof edge.from !== 'string' || typeof edge.to !== 'string') return edge;
  const { from, to, ...rest } = edge;
  const source = splitEnd(from);
  const target = splitEnd(to);
  const migrated: Record<string, unknown> = {
    source: source.node,
    sourceHandle: source.port,
    target: target.node,
    targetHandle: target.port,
    ...rest,
  };
  if (typeof migrated.id !== 'string')
    migrated.id = uniqueId(`e-${source.node}-${source.port}-${target.node}-${target.port}`, used);
  return migrated;
}

/** `nodeA:main` → node `nodeA`, port `main`. Node ids may contain colons, port names do not; no port means `main`. */
function splitEnd(end: string): { node: string; port: string } {
  const colon = end.lastIndexOf(':');
  if (colon <= 0) return { node: end, port: 'main' };
  return { node: end.slice(0, colon), port: end.slice(colon + 1) || 'main' };
}

/** The id derived from the edge's ends, so re-running the migration gives the same ids; repeats get `-2`, `-3`. */
function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let count = 2; used.has(id); count += 1) id = `${base}-${count}`;
  used.add(id);
  return id;
}
