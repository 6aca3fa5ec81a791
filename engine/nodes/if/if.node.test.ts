import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { isTruthy } from '../../expressions/condition.ts';
import { runFlow } from '../../run/executor.ts';
import { buildFlow, type TestNode } from '../../run/testing/flow-builder.ts';
import { createTestServices } from '../../run/testing/test-services.ts';
import { manualTriggerNode } from '../manual-trigger/manual-trigger.node.ts';
import { NodeRegistry } from '../registry.ts';
import { setFieldsNode } from '../set-fields/set-fields.node.ts';
import { ifNode } from './if.node.ts';

const registry = new NodeRegistry([manualTriggerNode, ifNode, setFieldsNode]);

function run(nodes: TestNode[], edges: string[], input: JsonValue[]) {
  return runFlow({ flow: buildFlow(nodes, edges), registry, services: createTestServices(), input });
}

const orders: JsonValue[] = [
  { OrderID: 1, OrderAmount: '612.50', OrderStatusID: 1 },
  { OrderID: 2, OrderAmount: '19.99', OrderStatusID: 1 },
  { OrderID: 3, OrderAmount: '800', OrderStatusID: 4 },
];

describe('core.if', () => {
  // trigger ─▶ if ─true──▶ (out)
  //              └false─▶ (out)
  it('routes each item to true or false, unchanged, with lineage', async () => {
    const trace = await run(
      [
        { id: 'trigger', type: 'core.manualTrigger' },
        {
          id: 'if',
          type: 'core.if',
          parameters: { condition: 'OrderStatusID = 1 and $number(OrderAmount) >= 500' },
        },
      ],
      ['trigger -> if'],
      orders,
    );
    expect(trace.status).toBe('succeeded');
    const node = trace.nodes.find((entry) => entry.nodeId === 'if');
    expect(node?.outputs).toEqual([
      { port: 'true', json: orders[0], from: [0] },
      { port: 'false', json: orders[1], from: [1] },
      { port: 'false', json: orders[2], from: [2] },
    ]);
    expect(trace.outputs.map((output) => [output.port, output.items.length])).toEqual([
      ['true', 1],
      ['false', 2],
    ]);
  });

  // trigger ─▶ if ─true─▶ flag
  it('feeds only the wired branch onwards (plain-path condition)', async () => {
    const trace = await run(
      [
        { id: 'trigger', type: 'core.manualTrigger' },
        { id: 'if', type: 'core.if', parameters: { condition: 'isPaid' } },
        { id: 'flag', type: 'core.setFields', parameters: { fields: [{ path: 'checked', value: true }] } },
      ],
      ['trigger -> if', 'if:true -> flag'],
      [{ id: 'a', isPaid: true }, { id: 'b', isPaid: '' }, { id: 'c' }],
    );
    const flagged = trace.outputs.find((output) => output.nodeId === 'flag');
    expect(flagged?.items).toEqual([{ id: 'a', isPaid: true, checked: true }]);
    expect(trace.outputs.find((output) => output.port === 'false')?.items).toHaveLength(2);
  });

  // trigger ─▶ if ─✗ (condition fails on item 1)
  it('stops the run with EXPRESSION_FAILED naming the node and item', async () => {
    const trace = await run(
      [
        { id: 'trigger', type: 'core.manualTrigger' },
        {
          id: 'if',
          type: 'core.if',
          name: 'Large order?',
          parameters: { condition: '$number(OrderAmount) > 500' },
        },
      ],
      ['trigger -> if'],
      [{ OrderAmount: '10' }, { OrderAmount: 'n/a' }],
    );
    expect(trace.status).toBe('failed');
    expect(trace.error).toMatchObject({
      code: 'EXPRESSION_FAILED',
      nodeId: 'if',
      nodeName: 'Large order?',
      itemIndex: 1,
    });
  });

  it('reports a condition that does not parse', () => {
    const problems = ifNode.validate?.(ifNode.parameters.parse({ condition: 'OrderStatusID = ' }));
    expect(problems).toEqual([{ parameter: 'condition', message: expect.stringContaining('syntax error') }]);
  });

  it('describes both outputs with labels shown on the canvas', () => {
    const outputs = registry
      .get('core.if', 1)
      ?.description.outputs.map((port) => [port.name, port.showLabel]);
    expect(outputs).toEqual([
      ['true', true],
      ['false', true],
      ['error', true],
    ]);
  });
});

describe('isTruthy (JSONata $boolean rules)', () => {
  it.each([
    [true, true],
    [false, false],
    ['no', true],
    ['', false],
    [0, false],
    [-1, true],
    [null, false],
    [undefined, false],
    [[], false],
    [[0, ''], false],
    [[0, 'x'], true],
    [{}, false],
    [{ a: 0 }, true],
  ])('%j is %s', (value, expected) => {
    expect(isTruthy(value)).toBe(expected);
  });
});
