import { describe, expect, it } from 'vitest';
import type { NodeTrace, TraceOutput } from '../../engine/contract/run-trace.ts';
import { badgeOutcome, badgeText, outputsByPort, parseSampleText, setTitle } from './test-run-view.ts';

function node(changes: Partial<NodeTrace>): NodeTrace {
  return {
    nodeId: 'map',
    nodeName: 'Map',
    type: 'core.mapping',
    status: 'ok',
    startedAt: '2026-11-22T09:00:00.000Z',
    durationMs: 12.4,
    itemsIn: 1,
    itemsOut: 1,
    portCounts: { main: 1 },
    errors: [],
    http: [],
    ...changes,
  };
}

describe('test-run view helpers', () => {
  it('says on the badge what the node did', () => {
    expect(badgeText(node({}))).toBe('ok 1→1 · 12 ms');
    expect(badgeOutcome(node({ portCounts: { exception: 1 } }))).toBe('exception');
    expect(badgeOutcome(node({ status: 'error' }))).toBe('error');
    expect(badgeOutcome(node({ pinned: 'pin', durationMs: 0 }))).toBe('pinned');
    expect(badgeText(node({ status: 'skipped', itemsIn: 0 }))).toBe('skipped');
  });

  it('keeps a node output by port for pinning', () => {
    const outputs: TraceOutput[] = [
      { port: 'main', json: { a: 1 }, from: [0] },
      { port: 'exception', json: { b: 2 }, from: [1] },
      { port: 'main', json: { c: 3 }, from: [2] },
    ];
    expect(outputsByPort(node({ outputs }))).toEqual({ main: [{ a: 1 }, { c: 3 }], exception: [{ b: 2 }] });
  });

  it('reads the sample editor text and names sets', () => {
    expect(parseSampleText('[{"OrderID": 1}]')).toEqual({ ok: true, value: [{ OrderID: 1 }] });
    expect(parseSampleText('{"OrderID": }').ok).toBe(false);
    expect(setTitle({ location: 'workspace', set: 'edge cases' })).toBe('Workspace samples › edge cases');
  });
});
