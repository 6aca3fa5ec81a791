import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { runFlow } from '../../run/executor.ts';
import { buildFlow, type TestNode } from '../../run/testing/flow-builder.ts';
import { createTestServices } from '../../run/testing/test-services.ts';
import { manualTriggerNode } from '../manual-trigger/manual-trigger.node.ts';
import { NodeRegistry } from '../registry.ts';
import { setFieldsNode } from '../set-fields/set-fields.node.ts';
import { filterNode } from './filter.node.ts';

const registry = new NodeRegistry([manualTriggerNode, filterNode, setFieldsNode]);

function run(nodes: TestNode[], edges: string[], input: JsonValue[]) {
  return runFlow({ flow: buildFlow(nodes, edges), registry, services: createTestServices(), input });
}

const trigger: TestNode = { id: 'trigger', type: 'core.manualTrigger' };
const orders: JsonValue[] = [
  { OrderID: 1, PaymentMethod: 'Credit Card', OrderItemList: [{ ItemID: 'A' }] },
  { OrderID: 2, PaymentMethod: 'Purchase Order', OrderItemList: [{ ItemID: 'B' }] },
  { OrderID: 3, PaymentMethod: 'Credit Card', OrderItemList: [] },
];

describe('core.filter', () => {
  // trigger ─▶ filter ─main──────▶ (out)
  //                  └discarded─▶ (out)
  it('keeps matching items on main and sends the rest to discarded', async () => {
    const trace = await run(
      [
        trigger,
        {
          id: 'filter',
          type: 'core.filter',
          parameters: { condition: 'PaymentMethod != "Purchase Order" and $count(OrderItemList) > 0' },
        },
      ],
      ['trigger -> filter'],
      orders,
    );
    expect(trace.status).toBe('succeeded');
    const node = trace.nodes.find((entry) => entry.nodeId === 'filter');
    expect(node?.outputs).toEqual([
      { port: 'main', json: orders[0], from: [0] },
      { port: 'discarded', json: orders[1], from: [1] },
      { port: 'discarded', json: orders[2], from: [2] },
    ]);
    expect(node?.portCounts).toEqual({ main: 1, discarded: 2 });
  });

  // trigger ─▶ filter ─main─▶ tag
  it('passes only kept items downstream', async () => {
    const trace = await run(
      [
        trigger,
        { id: 'filter', type: 'core.filter', parameters: { condition: 'OrderItemList' } },
        { id: 'tag', type: 'core.setFields', parameters: { fields: [{ path: 'kept', value: true }] } },
      ],
      ['trigger -> filter', 'filter -> tag'],
      orders,
    );
    const tagged = trace.outputs.find((output) => output.nodeId === 'tag');
    expect(tagged?.items.map((item) => JSON.stringify(item))).toEqual([
      JSON.stringify({ ...(orders[0] as object), kept: true }),
      JSON.stringify({ ...(orders[1] as object), kept: true }),
    ]);
  });

  // trigger ─▶ filter ─error─▶ failures
  it('sends an item whose condition fails to the wired error port with the error and the input', async () => {
    const trace = await run(
      [
        trigger,
        { id: 'filter', type: 'core.filter', parameters: { condition: 'OrderAmount + 1 > 100' } },
        { id: 'failures', type: 'core.setFields' },
      ],
      ['trigger -> filter', 'filter:error -> failures'],
      [{ OrderAmount: 150 }, { OrderAmount: 'abc' }],
    );
    expect(trace.status).toBe('succeeded');
    expect(trace.outputs.find((output) => output.nodeId === 'filter')?.items).toEqual([{ OrderAmount: 150 }]);
    const failed = trace.outputs.find((output) => output.nodeId === 'failures')?.items;
    expect(failed).toEqual([
      {
        error: expect.objectContaining({ code: 'EXPRESSION_FAILED', nodeId: 'filter', itemIndex: 1 }),
        input: { OrderAmount: 'abc' },
      },
    ]);
    expect(trace.itemErrorCount).toBe(1);
  });

  it('reports a condition that does not parse', () => {
    const problems = filterNode.validate?.(filterNode.parameters.parse({ condition: 'a = (' }));
    expect(problems).toEqual([{ parameter: 'condition', message: expect.stringContaining('syntax error') }]);
  });

  it('declares main and discarded outputs', () => {
    expect(registry.get('core.filter', 1)?.description.outputs.map((port) => port.name)).toEqual([
      'main',
      'discarded',
      'error',
    ]);
  });
});
