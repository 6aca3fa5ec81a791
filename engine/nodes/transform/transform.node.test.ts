import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { runFlow } from '../../run/executor.ts';
import { buildFlow, type TestNode } from '../../run/testing/flow-builder.ts';
import { createTestServices } from '../../run/testing/test-services.ts';
import { manualTriggerNode } from '../manual-trigger/manual-trigger.node.ts';
import { NodeRegistry } from '../registry.ts';
import { transformNode } from './transform.node.ts';

const registry = new NodeRegistry([manualTriggerNode, transformNode]);

/** trigger ─▶ transform ─▶ (out), with the transform's parameters. */
function runTransform(
  parameters: Record<string, JsonValue>,
  input: JsonValue[],
  settings?: TestNode['settings'],
) {
  const flow = buildFlow(
    [
      { id: 'trigger', type: 'core.manualTrigger' },
      { id: 'transform', type: 'core.transform', parameters, ...(settings ? { settings } : {}) },
    ],
    ['trigger -> transform'],
  );
  return runFlow({ flow, registry, services: createTestServices(), input });
}

function outputsOf(trace: Awaited<ReturnType<typeof runTransform>>) {
  return trace.nodes.find((node) => node.nodeId === 'transform')?.outputs;
}

const order: JsonValue = {
  OrderID: 1001,
  BillingEmail: 'ada@example.com',
  OrderItemList: [{ ItemID: 'A-1' }, { ItemID: 'B-2' }],
};

describe('core.transform', () => {
  // trigger ─▶ transform ─▶ (out)
  it('replaces each item with the expression result', async () => {
    const trace = await runTransform({ expression: '{ "orderId": OrderID, "skus": OrderItemList.ItemID }' }, [
      order,
    ]);
    expect(trace.status).toBe('succeeded');
    expect(outputsOf(trace)).toEqual([
      { port: 'main', json: { orderId: 1001, skus: ['A-1', 'B-2'] }, from: [0] },
    ]);
  });

  // trigger ─▶ transform ─▶ (out)
  it('splits an array result into one item per element when asked', async () => {
    const trace = await runTransform({ expression: 'OrderItemList', splitArray: true }, [
      order,
      { OrderItemList: [] },
    ]);
    expect(outputsOf(trace)).toEqual([
      { port: 'main', json: { ItemID: 'A-1' }, from: [0] },
      { port: 'main', json: { ItemID: 'B-2' }, from: [0] },
    ]);
  });

  // trigger ─▶ transform ─▶ (out)
  it('keeps an array result whole by default', async () => {
    const trace = await runTransform({ expression: 'OrderItemList.ItemID' }, [order]);
    expect(outputsOf(trace)).toEqual([{ port: 'main', json: ['A-1', 'B-2'], from: [0] }]);
  });

  // trigger ─▶ transform ─▶ (out)
  it('drops items with no result unless keepEmpty is on', async () => {
    const input: JsonValue[] = [{ ShipmentList: [{ ShipmentID: 7 }] }, { OrderID: 2 }];
    const dropped = await runTransform({ expression: 'ShipmentList[0]' }, input);
    expect(outputsOf(dropped)).toEqual([{ port: 'main', json: { ShipmentID: 7 }, from: [0] }]);
    const kept = await runTransform({ expression: 'ShipmentList[0]', keepEmpty: true }, input);
    expect(outputsOf(kept)?.map((output) => output.json)).toEqual([{ ShipmentID: 7 }, {}]);
  });

  // trigger ─▶ transform ─✗
  it('fails the run with EXPRESSION_FAILED naming the node and item', async () => {
    const trace = await runTransform({ expression: '$number(OrderAmount) * 100' }, [
      { OrderAmount: '5' },
      { OrderAmount: 'five' },
    ]);
    expect(trace.status).toBe('failed');
    expect(trace.error).toMatchObject({
      code: 'EXPRESSION_FAILED',
      nodeId: 'transform',
      itemIndex: 1,
      retryable: false,
    });
    expect(trace.error?.message).toContain('$number(OrderAmount)');
  });

  // trigger ─▶ transform (continue on error) ─▶ (out)
  it('drops failing items under continue-on-error and records them', async () => {
    const trace = await runTransform(
      { expression: '$number(OrderAmount)' },
      [{ OrderAmount: 'x' }, { OrderAmount: '2' }],
      {
        continueOnError: true,
      },
    );
    expect(trace.status).toBe('succeeded');
    expect(outputsOf(trace)?.filter((output) => output.port === 'main')).toEqual([
      { port: 'main', json: 2, from: [1] },
    ]);
    expect(trace.outputs.map((output) => output.items)).toEqual([[2]]);
    expect(trace.nodes.find((node) => node.nodeId === 'transform')?.errors[0]).toMatchObject({
      itemIndex: 0,
      handling: 'dropped',
    });
  });

  it('reports an expression that does not parse', () => {
    const problems = transformNode.validate?.(transformNode.parameters.parse({ expression: '{ "a": }' }));
    expect(problems).toEqual([{ parameter: 'expression', message: expect.stringContaining('syntax error') }]);
  });

  it('never changes its input item', async () => {
    const input = structuredClone(order);
    await runTransform({ expression: '$merge([$, { "OrderID": 0 }])' }, [input]);
    expect(input).toEqual(order);
  });
});
