import type { JsonValue } from '../contract/flow-document.ts';
import type { NodeTrace, RunTrace } from '../contract/run-trace.ts';
import { formatJsonPath } from '../flow/json-path.ts';

/** One difference between two JSON values, at a path such as `main[0].OrderDetails[1].Item`. */
export interface ValueChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: JsonValue;
  after?: JsonValue;
}

/** How one node's output differs between two runs. */
export interface NodeOutputDiff {
  nodeId: string;
  nodeName: string;
  /** `onlyLeft` / `onlyRight`: the node ran (or exists) in one run only. */
  status: 'same' | 'changed' | 'onlyLeft' | 'onlyRight';
  changes: ValueChange[];
}

/** The output diff of two runs, node by node, in the order the nodes ran. */
export interface RunDiff {
  leftRunId: string;
  rightRunId: string;
  nodes: NodeOutputDiff[];
  /** Nodes whose output differs. */
  changedNodes: number;
}

/**
 * Compares what each node emitted in two runs (of the same flow, or of two versions of it, on the
 * same sample): per node, the output items port by port (`{main: [...], exception: [...]}`), with
 * every added, removed and changed value and its path. Items are compared by position. Nodes that did
 * not run in a run (skipped, cancelled) count as having no output there. Needs full traces.
 */
export function diffRunOutputs(left: RunTrace, right: RunTrace): RunDiff {
  const leftNodes = new Map(left.nodes.map((node) => [node.nodeId, node]));
  const rightNodes = new Map(right.nodes.map((node) => [node.nodeId, node]));
  const order = [...left.nodes.map((node) => node.nodeId)];
  for (const node of right.nodes) if (!leftNodes.has(node.nodeId)) order.push(node.nodeId);
  const nodes = order.map((nodeId): NodeOutputDiff => {
    const before = leftNodes.get(nodeId);
    const after = rightNodes.get(nodeId);
    const nodeName = after?.nodeName ?? before?.nodeName ?? nodeId;
    if (!after) return { nodeId, nodeName, status: 'onlyLeft', changes: [] };
    if (!before) return { nodeId, nodeName, status: 'onlyRight', changes: [] };
    const changes = diffJson(portItems(before), portItems(after));
    return { nodeId, nodeName, status: changes.length === 0 ? 'same' : 'changed', changes };
  });
  return {
    leftRunId: left.runId,
    rightRunId: right.runId,
    nodes,
    changedNodes: nodes.filter((node) => node.status !== 'same').length,
  };
}

/** A node's output items by port. */
function portItems(node: NodeTrace): JsonValue {
  const ports: { [port: string]: JsonValue[] } = {};
  if (node.status === 'skipped' || node.status === 'cancelled') return ports;
  for (const output of node.outputs ?? []) {
    const items = ports[output.port] ?? [];
    items.push(output.json);
    ports[output.port] = items;
  }
  return ports;
}

/** Every difference between two JSON values, depth first, objects by key and arrays by index. */
export function diffJson(
  before: JsonValue,
  after: JsonValue,
  path: readonly (string | number)[] = [],
): ValueChange[] {
  if (isObject(before) && isObject(after)) {
    const changes: ValueChange[] = [];
    const keys = [...Object.keys(before), ...Object.keys(after).filter((key) => !Object.hasOwn(before, key))];
    for (const key of keys) changes.push(...diffMember(own(before, key), own(after, key), [...path, key]));
    return changes;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const changes: ValueChange[] = [];
    for (let index = 0; index < Math.max(before.length, after.length); index++) {
      changes.push(...diffMember(before[index], after[index], [...path, index]));
    }
    return changes;
  }
  return Object.is(before, after) ? [] : [{ path: formatJsonPath(path), kind: 'changed', before, after }];
}

function diffMember(
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  path: readonly (string | number)[],
): ValueChange[] {
  if (before === undefined && after === undefined) return [];
  if (before === undefined) return [{ path: formatJsonPath(path), kind: 'added', after: after ?? null }];
  if (after === undefined) return [{ path: formatJsonPath(path), kind: 'removed', before }];
  return diffJson(before, after, path);
}

/** A member of the object itself, never of its prototype (`constructor`, `toString`). */
function own(object: { [key: string]: JsonValue }, key: string): JsonValue | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

function isObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
