import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../contract/flow-document.ts';
import type { RunTrace } from '../contract/run-trace.ts';
import { manualTriggerNode } from '../nodes/manual-trigger/manual-trigger.node.ts';
import { NodeRegistry } from '../nodes/registry.ts';
import { setFieldsNode } from '../nodes/set-fields/set-fields.node.ts';
import { runFlow } from './executor.ts';
import { outputsOfTrace } from './run-start.ts';
import { buildFlow } from './testing/flow-builder.ts';
import { createTestServices } from './testing/test-services.ts';

const registry = new NodeRegistry([manualTriggerNode, setFieldsNode]);
const trigger = { id: 'start', type: 'core.manualTrigger' };
const set = (id: string, path: string, value: JsonValue) => ({
  id,
  type: 'core.setFields',
  parameters: { fields: [{ path, mode: 'value', value }] },
});

function node(trace: RunTrace, nodeId: string) {
  const found = trace.nodes.find((each) => each.nodeId === nodeId);
  if (!found) throw new Error(`no trace of ${nodeId}`);
  return found;
}

function outputOf(trace: RunTrace, nodeId: string): JsonValue[] {
  return trace.outputs.find((output) => output.nodeId === nodeId)?.items ?? [];
}

// start ─▶ a ─▶ b ─▶ c ─▶ (out)
const chain = buildFlow(
  [trigger, set('a', 'a', 1), set('b', 'b', 2), set('c', 'c', 3)],
  ['start -> a', 'a -> b', 'b -> c'],
);

describe('runFlow with pinned output', () => {
  it('does not run a pinned node and hands its pinned items on, marked as pinned', async () => {
    const trace = await runFlow({
      flow: chain,
      registry,
      services: createTestServices(),
      input: [{ id: 1 }],
      pinned: { b: { main: [{ pinned: true }, { pinned: 'twice' }] } },
    });
    expect(trace.status).toBe('succeeded');
    expect(outputOf(trace, 'c')).toEqual([
      { pinned: true, c: 3 },
      { pinned: 'twice', c: 3 },
    ]);
    const pinnedNode = node(trace, 'b');
    expect(pinnedNode).toMatchObject({ status: 'ok', pinned: 'pin', itemsIn: 1, itemsOut: 2, durationMs: 0 });
    expect(pinnedNode.outputs).toEqual([
      { port: 'main', json: { pinned: true }, from: [] },
      { port: 'main', json: { pinned: 'twice' }, from: [] },
    ]);
    expect(node(trace, 'a').pinned).toBeUndefined();
  });

  it('uses a pinned trigger output instead of the input', async () => {
    const trace = await runFlow({
      flow: chain,
      registry,
      services: createTestServices(),
      input: [],
      pinned: { start: { main: [{ id: 'sample' }] } },
    });
    expect(outputOf(trace, 'c')).toEqual([{ id: 'sample', a: 1, b: 2, c: 3 }]);
    expect(node(trace, 'start').pinned).toBe('pin');
  });

  it('refuses pins for nodes or ports the flow does not have', async () => {
    const run = (pinned: Record<string, Record<string, JsonValue[]>>) =>
      runFlow({ flow: chain, registry, services: createTestServices(), input: [{}], pinned });
    await expect(run({ gone: { main: [] } })).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await expect(run({ a: { nowhere: [] } })).rejects.toThrow(/nowhere/);
  });
});

describe('runFlow from a selected node', () => {
  it('runs the node and what follows it on the output of an earlier run', async () => {
    const services = createTestServices();
    const first = await runFlow({ flow: chain, registry, services, input: [{ id: 1 }] });
    // The user changes b and runs again from b: start and a are not run again.
    const changed = buildFlow(
      [trigger, set('a', 'a', 1), set('b', 'b', 'changed'), set('c', 'c', 3)],
      ['start -> a', 'a -> b', 'b -> c'],
    );
    const again = await runFlow({
      flow: changed,
      registry,
      services,
      input: [],
      startAt: { nodeId: 'b', upstream: outputsOfTrace(first.nodes) },
    });
    expect(again.status).toBe('succeeded');
    expect(outputOf(again, 'c')).toEqual([{ id: 1, a: 1, b: 'changed', c: 3 }]);
    expect(again.nodes.map((each) => [each.nodeId, each.status, each.pinned ?? null])).toEqual([
      ['start', 'ok', 'previousRun'],
      ['a', 'ok', 'previousRun'],
      ['b', 'ok', null],
      ['c', 'ok', null],
    ]);
  });

  //        ┌─▶ left ─▶ (out)
  // start ─┤
  //        └─▶ right ─▶ (out)
  it('leaves a branch that does not lead from the start node alone', async () => {
    const flow = buildFlow(
      [trigger, set('left', 'side', 'L'), set('right', 'side', 'R')],
      ['start -> left', 'start -> right'],
    );
    const trace = await runFlow({
      flow,
      registry,
      services: createTestServices(),
      input: [],
      startAt: { nodeId: 'right', upstream: { start: { main: [{ id: 7 }] } } },
    });
    expect(trace.nodes.map((each) => [each.nodeId, each.status])).toEqual([
      ['start', 'ok'],
      ['left', 'skipped'],
      ['right', 'ok'],
    ]);
    expect(outputOf(trace, 'right')).toEqual([{ id: 7, side: 'R' }]);
  });

  it('combines pins with a start node: a pinned node downstream still does not run', async () => {
    const trace = await runFlow({
      flow: chain,
      registry,
      services: createTestServices(),
      input: [],
      pinned: { c: { main: [{ fixed: true }] } },
      startAt: { nodeId: 'a', upstream: { start: { main: [{ id: 2 }] } } },
    });
    expect(node(trace, 'b').outputs?.map((each) => each.json)).toEqual([{ id: 2, a: 1, b: 2 }]);
    expect(outputOf(trace, 'c')).toEqual([{ fixed: true }]);
  });

  it('refuses a start node the flow does not have', async () => {
    await expect(
      runFlow({
        flow: chain,
        registry,
        services: createTestServices(),
        input: [],
        startAt: { nodeId: 'nope', upstream: {} },
      }),
    ).rejects.toMatchObject({ code: 'INPUT_INVALID' });
  });
});
