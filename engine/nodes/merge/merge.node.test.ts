import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { runFlow } from '../../run/executor.ts';
import { buildFlow } from '../../run/testing/flow-builder.ts';
import { createTestServices } from '../../run/testing/test-services.ts';
import { manualTriggerNode } from '../manual-trigger/manual-trigger.node.ts';
import { NodeRegistry } from '../registry.ts';
import { splitItemsNode } from '../split-items/split-items.node.ts';
import { mergeNode } from './merge.node.ts';

const registry = new NodeRegistry([manualTriggerNode, splitItemsNode, mergeNode]);

/**
 * The input is `{ orders: [...], erp: [...] }`; two split nodes put each list on one merge input:
 *
 *   trigger ─▶ orders ─▶ merge:input1
 *          └─▶ erp ────▶ merge:input2 ─▶ (out)
 */
function runMerge(parameters: Record<string, JsonValue>, orders: JsonValue[], erp: JsonValue[]) {
  const flow = buildFlow(
    [
      { id: 'trigger', type: 'core.manualTrigger' },
      { id: 'orders', type: 'core.splitItems', parameters: { path: 'orders' } },
      { id: 'erp', type: 'core.splitItems', parameters: { path: 'erp' } },
      { id: 'merge', type: 'core.merge', parameters },
    ],
    ['trigger -> orders', 'trigger -> erp', 'orders -> merge:input1', 'erp -> merge:input2'],
  );
  return runFlow({ flow, registry, services: createTestServices(), input: [{ orders, erp }] });
}

function outputsOf(trace: Awaited<ReturnType<typeof runMerge>>) {
  return trace.nodes.find((node) => node.nodeId === 'merge')?.outputs;
}

const orders: JsonValue[] = [{ OrderID: 1001, total: 10 }, { OrderID: 1002, total: 20 }, { total: 30 }];
// Sage 300 returns the reference as text, 3dcart the id as a number: they must still match.
const erp: JsonValue[] = [
  { PONumber: '1002', OrderNumber: 'ORD0042', total: 20.0 },
  { PONumber: '1001', OrderNumber: 'ORD0041' },
  { PONumber: '9999', OrderNumber: 'ORD0007' },
];
const byKey = { mode: 'combineByKey', input1Key: 'OrderID', input2Key: 'PONumber' };

describe('core.merge', () => {
  // trigger ─▶ orders ─▶ merge:input1 / trigger ─▶ erp ─▶ merge:input2 ─▶ (out)
  it('appends input 2 after input 1', async () => {
    const trace = await runMerge({}, orders.slice(0, 2), erp.slice(0, 1));
    expect(outputsOf(trace)).toEqual([
      { port: 'main', json: orders[0], from: [0] },
      { port: 'main', json: orders[1], from: [1] },
      { port: 'main', json: erp[0], from: [2] },
    ]);
  });

  // trigger ─▶ orders ─▶ merge:input1 / trigger ─▶ erp ─▶ merge:input2 ─▶ (out)
  it('joins by key (inner), input 2 fields winning, lineage listing both sources', async () => {
    const trace = await runMerge({ ...byKey }, orders, erp);
    expect(trace.status).toBe('succeeded');
    expect(outputsOf(trace)).toEqual([
      {
        port: 'main',
        json: { OrderID: 1001, total: 10, PONumber: '1001', OrderNumber: 'ORD0041' },
        from: [0, 4],
      },
      {
        port: 'main',
        json: { OrderID: 1002, total: 20, PONumber: '1002', OrderNumber: 'ORD0042' },
        from: [1, 3],
      },
    ]);
  });

  // trigger ─▶ orders ─▶ merge:input1 / trigger ─▶ erp ─▶ merge:input2 ─▶ (out)
  it('keeps unmatched input 1 items in a left join, and both sides in an outer join', async () => {
    const left = await runMerge({ ...byKey, join: 'left' }, orders, erp);
    expect(outputsOf(left)?.map((output) => output.from)).toEqual([[0, 4], [1, 3], [2]]);
    const outer = await runMerge({ ...byKey, join: 'outer' }, orders, erp);
    expect(outputsOf(outer)?.map((output) => output.from)).toEqual([[0, 4], [1, 3], [2], [5]]);
    expect(outputsOf(outer)?.at(-1)?.json).toEqual(erp[2]);
  });

  // trigger ─▶ orders ─▶ merge:input1 / trigger ─▶ erp ─▶ merge:input2 ─▶ (out)
  it('emits one item per matching pair when keys repeat', async () => {
    const lines: JsonValue[] = [
      { sku: 'A', qty: 1 },
      { sku: 'A', qty: 2 },
    ];
    const prices: JsonValue[] = [{ sku: 'A', price: 5 }];
    const trace = await runMerge({ mode: 'combineByKey', input1Key: 'sku', input2Key: 'sku' }, lines, prices);
    expect(outputsOf(trace)).toEqual([
      { port: 'main', json: { sku: 'A', qty: 1, price: 5 }, from: [0, 2] },
      { port: 'main', json: { sku: 'A', qty: 2, price: 5 }, from: [1, 2] },
    ]);
  });

  // trigger ─▶ orders ─▶ merge:input1 / trigger ─▶ erp ─▶ merge:input2 ─▶ (out)
  it('pairs items by position; join decides what happens to the extra items', async () => {
    const inner = await runMerge({ mode: 'combineByPosition' }, orders, erp.slice(0, 2));
    expect(outputsOf(inner)).toEqual([
      { port: 'main', json: { ...(orders[0] as object), ...(erp[0] as object) }, from: [0, 3] },
      { port: 'main', json: { ...(orders[1] as object), ...(erp[1] as object) }, from: [1, 4] },
    ]);
    const left = await runMerge({ mode: 'combineByPosition', join: 'left' }, orders, erp.slice(0, 2));
    expect(outputsOf(left)?.at(-1)).toEqual({ port: 'main', json: orders[2], from: [2] });
  });

  // trigger ─▶ orders ─▶ merge:input1 / trigger ─▶ erp ─▶ merge:input2 ─✗
  it('fails with EXPRESSION_FAILED naming the node and the item', async () => {
    const trace = await runMerge(
      { mode: 'combineByKey', input1Key: 'OrderID', input2Key: '$number(PONumber) + 0' },
      orders,
      [{ PONumber: 'x' }],
    );
    expect(trace.status).toBe('failed');
    expect(trace.error).toMatchObject({ code: 'EXPRESSION_FAILED', nodeId: 'merge', itemIndex: 3 });
  });

  it('requires both key expressions to combine by key', () => {
    const parameters = mergeNode.parameters.parse({
      mode: 'combineByKey',
      input1Key: 'OrderID',
      input2Key: '',
    });
    expect(mergeNode.validate?.(parameters)).toEqual([
      { parameter: 'input2Key', message: 'Combine by key needs a key expression' },
    ]);
    const broken = mergeNode.parameters.parse({ mode: 'combineByKey', input1Key: 'a +', input2Key: 'b' });
    expect(mergeNode.validate?.(broken)).toEqual([
      { parameter: 'input1Key', message: expect.stringContaining('syntax error') },
    ]);
  });
});
