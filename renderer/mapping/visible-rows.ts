/** What the tree needs of a row (both source and target rows have it). */
export interface TreeRow {
  path: string;
  name: string;
  parent: string;
  depth: number;
  childCount: number;
}

/**
 * The rows to draw: rows under a collapsed row are skipped, and with a filter only matching rows
 * and their ancestors are kept. Rows come in pre-order, so one pass is enough even for thousands.
 */
export function visibleRows<Row extends TreeRow>(
  rows: readonly Row[],
  collapsed: ReadonlySet<string>,
  filter: string,
): Row[] {
  const needle = filter.trim().toLowerCase();
  const keep = needle === '' ? undefined : matchingWithAncestors(rows, needle);
  const visible: Row[] = [];
  let hiddenBelowDepth = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    if (row.depth > hiddenBelowDepth) continue;
    hiddenBelowDepth = Number.POSITIVE_INFINITY;
    if (keep && !keep.has(row.path)) continue;
    visible.push(row);
    if (!keep && collapsed.has(row.path)) hiddenBelowDepth = row.depth;
  }
  return visible;
}

function matchingWithAncestors(rows: readonly TreeRow[], needle: string): Set<string> {
  const keep = new Set<string>();
  const parents = new Map(rows.map((candidate) => [candidate.path, candidate.parent]));
  for (const row of rows) {
    if (!row.name.toLowerCase().includes(needle)) continue;
    let path: string | undefined = row.path;
    while (path && !keep.has(path)) {
      keep.add(path);
      path = parents.get(path);
    }
  }
  return keep;
}

/** The visible row a path is drawn at: itself, or its nearest visible ancestor when collapsed. */
export function visibleIndexOf(
  path: string,
  indexByPath: ReadonlyMap<string, number>,
  parentOf: ReadonlyMap<string, string>,
): number | undefined {
  let current: string | undefined = path;
  while (current) {
    const index = indexByPath.get(current);
    if (index !== undefined) return index;
    current = parentOf.get(current);
  }
  return undefined;
}
