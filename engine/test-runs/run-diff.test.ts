import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../contract/flow-document.ts';
import type { NodeTrace, RunTrace } from '../contract/run-trace.ts';
import { diffJson, diffRunOutputs } from './run-diff.ts';

function node(
  nodeId: string,
  outputs: { port: string; json: JsonValue }[],
  status: NodeTrace['status'] = 'ok',
): NodeTrace {
  return {
    nodeId,
    nodeName: `Node ${nodeId}`,
    type: 'core.setFields',
    status,
    startedAt: '2026-11-22T09:00:00.000Z',
    durationMs: 1,
    itemsIn: 1,
    itemsOut: outputs.length,
    portCounts: {},
    errors: [],
    http: [],
    outputs: outputs.map((output) => ({ ...output, from: [0] })),
  };
}

function run(runId: string, nodes: NodeTrace[]): RunTrace {
  return {
    runId,
    flowId: 'flow',
    flowName: 'Flow',
    status: 'succeeded',
    dryRun: true,
    startedAt: '2026-11-22T09:00:00.000Z',
    durationMs: 5,
    nodes,
    outputs: [],
    itemErrorCount: 0,
  };
}

describe('diffJson', () => {
  it('names every added, removed and changed value with its path', () => {
    const before: JsonValue = {
      Order: { Lines: [{ Item: 'A', Qty: 1 }], Note: 'x', constructor: 1 },
      gone: true,
    };
    const after: JsonValue = {
      Order: { Lines: [{ Item: 'B', Qty: 1 }, { Item: 'C' }], Note: 'x', 'odd key': null },
    };
    expect(diffJson(before, after)).toEqual([
      { path: 'Order.Lines[0].Item', kind: 'changed', before: 'A', after: 'B' },
      { path: 'Order.Lines[1]', kind: 'added', after: { Item: 'C' } },
      { path: 'Order.constructor', kind: 'removed', before: 1 },
      { path: 'Order["odd key"]', kind: 'added', after: null },
      { path: 'gone', kind: 'removed', before: true },
    ]);
    expect(diffJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
    expect(diffJson(1, '1')).toEqual([{ path: '', kind: 'changed', before: 1, after: '1' }]);
  });
});

describe('diffRunOutputs', () => {
  it('compares each node output port by port and marks nodes found in one run only', () => {
    const left = run('left', [
      node('map', [{ port: 'main', json: { Item: 'AP-1001/0', Price: 10 } }]),
      node('create', [{ port: 'main', json: { ok: true } }]),
      node('old', [{ port: 'main', json: 1 }]),
    ]);
    const right = run('right', [
      node('map', [{ port: 'exception', json: { reasons: ['lookupMiss'] } }]),
      node('create', [{ port: 'main', json: { ok: true } }], 'skipped'),
      node('new', []),
    ]);
    const diff = diffRunOutputs(left, right);
    expect(diff.nodes.map((each) => [each.nodeId, each.status])).toEqual([
      ['map', 'changed'],
      ['create', 'changed'],
      ['old', 'onlyLeft'],
      ['new', 'onlyRight'],
    ]);
    expect(diff.nodes[0]?.changes).toEqual([
      { path: 'main', kind: 'removed', before: [{ Item: 'AP-1001/0', Price: 10 }] },
      { path: 'exception', kind: 'added', after: [{ reasons: ['lookupMiss'] }] },
    ]);
    // A node that did not run in the right-hand run has no output there.
    expect(diff.nodes[1]?.changes).toEqual([{ path: 'main', kind: 'removed', before: [{ ok: true }] }]);
    expect(diff.changedNodes).toBe(4);
    expect(diffRunOutputs(left, left).changedNodes).toBe(0);
  });
});
