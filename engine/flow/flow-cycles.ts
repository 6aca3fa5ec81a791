/** An edge as far as cycle detection cares. */
interface Link {
  readonly source: string;
  readonly target: string;
}

/**
 * One cycle per group of nodes that can reach each other, as node ids in edge order
 * (`[a, b, c]` means a → b → c → a). A node wired to itself is a cycle of one. Groups come in the
 * order of their first node in `nodeIds`, so messages are stable between runs.
 */
export function findCycles(nodeIds: readonly string[], links: readonly Link[]): string[][] {
  const known = new Set(nodeIds);
  const successors = new Map<string, string[]>();
  for (const { source, target } of links) {
    if (!known.has(source) || !known.has(target)) continue;
    const list = successors.get(source) ?? [];
    if (!list.includes(target)) list.push(target);
    successors.set(source, list);
  }
  const order = new Map(nodeIds.map((id, index) => [id, index]));
  const rank = (id: string): number => order.get(id) ?? 0;
  const cycles: string[][] = [];
  for (const group of stronglyConnected([...known], successors)) {
    const [start] = [...group].sort((left, right) => rank(left) - rank(right));
    if (start === undefined) continue;
    const looped = group.size > 1 || (successors.get(start) ?? []).includes(start);
    if (looped) cycles.push(cycleThrough(start, group, successors));
  }
  return cycles.sort((left, right) => rank(left[0] ?? '') - rank(right[0] ?? ''));
}

/** Tarjan's algorithm: groups of mutually reachable nodes. */
function stronglyConnected(ids: readonly string[], successors: ReadonlyMap<string, string[]>): Set<string>[] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: Set<string>[] = [];
  const visit = (id: string): void => {
    index.set(id, index.size);
    lowLink.set(id, index.get(id) ?? 0);
    stack.push(id);
    onStack.add(id);
    for (const next of successors.get(id) ?? []) {
      if (!index.has(next)) visit(next);
      if (onStack.has(next)) lowLink.set(id, Math.min(lowLink.get(id) ?? 0, lowLink.get(next) ?? 0));
    }
    if (lowLink.get(id) !== index.get(id)) return;
    const group = new Set<string>();
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      group.add(member);
      if (member === id) break;
    }
    groups.push(group);
  };
  for (const id of ids) if (!index.has(id)) visit(id);
  return groups;
}

/** The shortest way from `start` back to itself inside `group` (breadth-first). */
function cycleThrough(
  start: string,
  group: ReadonlySet<string>,
  successors: ReadonlyMap<string, string[]>,
): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head += 1) {
    const current = queue[head] ?? start;
    for (const next of successors.get(current) ?? []) {
      if (next === start) return pathTo(current, start, parent);
      if (group.has(next) && !parent.has(next)) {
        parent.set(next, current);
        queue.push(next);
      }
    }
  }
  return [start];
}

function pathTo(end: string, start: string, parent: ReadonlyMap<string, string>): string[] {
  const path = [end];
  for (let at = end; at !== start; ) {
    at = parent.get(at) ?? start;
    path.unshift(at);
  }
  return path;
}
