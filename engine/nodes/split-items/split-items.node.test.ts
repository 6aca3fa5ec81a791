import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { runFlow } from '../../run/executor.ts';
import { buildFlow } from '../../run/testing/flow-builder.ts';
import { createTestServices } from '../../run/testing/test-services.ts';
import { manualTriggerNode } from '../manual-trigger/manual-trigger.node.ts';
import { NodeRegistry } from '../registry.ts';
import { setFieldsNode } from '../set-fields/set-fields.node.ts';
import { splitItemsNode } from './split-items.node.ts';

const registry = new NodeRegistry([manualTriggerNode, splitItemsNode, setFieldsNode]);

/** trigger ─▶ split ─▶ (out) */
function runSplit(parameters: Record<string, JsonValue>, input: JsonValue[]) {
  const flow = buildFlow(
    [
      { id: 'trigger', type: 'core.manualTrigger' },
      { id: 'split', type: 'core.splitItems', parameters },
    ],
    ['trigger -> split'],
  );
  return runFlow({ flow, registry, services: createTestServices(), input });
}

function outputsOf(trace: Awaited<ReturnType<typeof runSplit>>) {
  return trace.nodes.find((node) => node.nodeId === 'split')?.outputs;
}

const orders: JsonValue[] = [
  { OrderID: 1, Customer: { Email: 'a@example.com' }, OrderItemList: [{ ItemID: 'A', ItemQuantity: 2 }] },
  {
    OrderID: 2,
    OrderItemList: [
      { ItemID: 'B', ItemQuantity: 0 },
      { ItemID: 'C', ItemQuantity: 1 },
    ],
  },
  { OrderID: 3, OrderItemList: [] },
];

describe('core.splitItems', () => {
  // trigger ─▶ split ─▶ (out)
  it('emits one item per element, with lineage to its order; an empty array emits nothing', async () => {
    const trace = await runSplit({ path: 'OrderItemList' }, orders);
    expect(trace.status).toBe('succeeded');
    expect(outputsOf(trace)).toEqual([
      { port: 'main', json: { ItemID: 'A', ItemQuantity: 2 }, from: [0] },
      { port: 'main', json: { ItemID: 'B', ItemQuantity: 0 }, from: [1] },
      { port: 'main', json: { ItemID: 'C', ItemQuantity: 1 }, from: [1] },
    ]);
  });

  // trigger ─▶ split ─▶ (out)
  it('keeps the parent fields without the array and puts the element under destination', async () => {
    const trace = await runSplit(
      { path: 'OrderItemList', include: 'elementWithParent', destination: 'line' },
      [orders[0] ?? null],
    );
    expect(outputsOf(trace)?.map((output) => output.json)).toEqual([
      { OrderID: 1, Customer: { Email: 'a@example.com' }, line: { ItemID: 'A', ItemQuantity: 2 } },
    ]);
  });

  // trigger ─▶ split ─▶ (out)
  it('reads nested dotted paths and removes only the split array from the parent', async () => {
    const input: JsonValue = { order: { id: 9, lines: ['x', 'y'] } };
    const trace = await runSplit({ path: 'order.lines', include: 'elementWithParent' }, [input]);
    expect(outputsOf(trace)?.map((output) => output.json)).toEqual([
      { order: { id: 9 }, item: 'x' },
      { order: { id: 9 }, item: 'y' },
    ]);
    expect(input).toEqual({ order: { id: 9, lines: ['x', 'y'] } });
  });

  // trigger ─▶ split ─▶ (out)
  it('accepts a JSONata path; a single match is one element and no match is none', async () => {
    const trace = await runSplit({ path: 'OrderItemList[ItemQuantity > 0]' }, orders);
    expect(outputsOf(trace)).toEqual([
      { port: 'main', json: { ItemID: 'A', ItemQuantity: 2 }, from: [0] },
      { port: 'main', json: { ItemID: 'C', ItemQuantity: 1 }, from: [1] },
    ]);
  });

  // trigger ─▶ split ─✗
  it('fails an item whose path is not an array, naming the path and what it found', async () => {
    const trace = await runSplit({ path: 'OrderItemList' }, [{ OrderItemList: { ItemID: 'A' } }]);
    expect(trace.status).toBe('failed');
    expect(trace.error).toMatchObject({
      code: 'INPUT_INVALID',
      nodeId: 'split',
      itemIndex: 0,
      path: 'OrderItemList',
    });
    expect(trace.error?.message).toBe('Split items expects an array at "OrderItemList" but found an object');
  });

  // trigger ─▶ split ─error─▶ failures
  it('sends an item with a missing array to the wired error port', async () => {
    const flow = buildFlow(
      [
        { id: 'trigger', type: 'core.manualTrigger' },
        { id: 'split', type: 'core.splitItems', parameters: { path: 'OrderItemList' } },
        { id: 'failures', type: 'core.setFields' },
      ],
      ['trigger -> split', 'split:error -> failures'],
    );
    const trace = await runFlow({ flow, registry, services: createTestServices(), input: [{ OrderID: 5 }] });
    const failed = trace.outputs.find((output) => output.nodeId === 'failures')?.items[0];
    expect(failed).toMatchObject({
      error: {
        code: 'INPUT_INVALID',
        message: expect.stringContaining('found nothing (the field is missing)'),
      },
      input: { OrderID: 5 },
    });
  });

  // trigger ─▶ split ─✗
  it('fails with EXPRESSION_FAILED when a JSONata path fails at run time', async () => {
    const trace = await runSplit({ path: 'lines[qty * 2 > 1]' }, [{ lines: [{ qty: 'many' }] }]);
    expect(trace.error).toMatchObject({ code: 'EXPRESSION_FAILED', nodeId: 'split', itemIndex: 0 });
  });

  it('checks the syntax of JSONata paths only', () => {
    const check = (path: string) => splitItemsNode.validate?.(splitItemsNode.parameters.parse({ path }));
    expect(check('order.lines')).toEqual([]);
    expect(check('lines[qty >')).toEqual([
      { parameter: 'path', message: expect.stringContaining('syntax error') },
    ]);
  });
});
