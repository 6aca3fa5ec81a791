import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { runFlow } from '../../run/executor.ts';
import { buildFlow, type TestNode } from '../../run/testing/flow-builder.ts';
import { createTestServices } from '../../run/testing/test-services.ts';
import { manualTriggerNode } from '../manual-trigger/manual-trigger.node.ts';
import { NodeRegistry } from '../registry.ts';
import { setFieldsNode } from '../set-fields/set-fields.node.ts';
import { switchNode } from './switch.node.ts';

const registry = new NodeRegistry([manualTriggerNode, switchNode, setFieldsNode]);

const rules: JsonValue = [
  { port: 'express', condition: 'ShipmentMethodName ~> /express/i' },
  { port: 'heavy', condition: 'weight > 20' },
];

function run(nodes: TestNode[], edges: string[], input: JsonValue[]) {
  return runFlow({ flow: buildFlow(nodes, edges), registry, services: createTestServices(), input });
}

const shipments: JsonValue[] = [
  { id: 1, ShipmentMethodName: 'UPS Express', weight: 30 },
  { id: 2, ShipmentMethodName: 'Ground', weight: 25 },
  { id: 3, ShipmentMethodName: 'Ground', weight: 2 },
];

describe('core.switch', () => {
  // trigger ─▶ switch ─express──▶ (out)
  //                  ├heavy────▶ (out)
  //                  └fallback─▶ (out)
  it('sends each item to the first matching rule, or to fallback', async () => {
    const trace = await run(
      [
        { id: 'trigger', type: 'core.manualTrigger' },
        { id: 'switch', type: 'core.switch', parameters: { rules } },
      ],
      ['trigger -> switch'],
      shipments,
    );
    expect(trace.status).toBe('succeeded');
    expect(trace.nodes.find((node) => node.nodeId === 'switch')?.outputs).toEqual([
      { port: 'express', json: shipments[0], from: [0] },
      { port: 'heavy', json: shipments[1], from: [1] },
      { port: 'fallback', json: shipments[2], from: [2] },
    ]);
  });

  // trigger ─▶ switch ─express─▶ (out)
  //                  └heavy───▶ (out)
  it('sends an item to every matching rule in allMatches mode', async () => {
    const trace = await run(
      [
        { id: 'trigger', type: 'core.manualTrigger' },
        { id: 'switch', type: 'core.switch', parameters: { rules, mode: 'allMatches' } },
      ],
      ['trigger -> switch'],
      [shipments[0] ?? null],
    );
    expect(trace.nodes.find((node) => node.nodeId === 'switch')?.outputs).toEqual([
      { port: 'express', json: shipments[0], from: [0] },
      { port: 'heavy', json: shipments[0], from: [0] },
    ]);
  });

  // trigger ─▶ switch ─paid───▶ mark
  //                  └fallback─▶ (out)
  it('evaluates plain-path rules and feeds the rule port downstream', async () => {
    const trace = await run(
      [
        { id: 'trigger', type: 'core.manualTrigger' },
        {
          id: 'switch',
          type: 'core.switch',
          parameters: { rules: [{ port: 'paid', condition: 'payment.captured' }] },
        },
        { id: 'mark', type: 'core.setFields', parameters: { fields: [{ path: 'route', value: 'paid' }] } },
      ],
      ['trigger -> switch', 'switch:paid -> mark'],
      [{ payment: { captured: true } }, { payment: { captured: false } }],
    );
    expect(trace.outputs).toEqual([
      expect.objectContaining({
        nodeId: 'switch',
        port: 'fallback',
        items: [{ payment: { captured: false } }],
      }),
      expect.objectContaining({
        nodeId: 'mark',
        port: 'main',
        items: [{ payment: { captured: true }, route: 'paid' }],
      }),
    ]);
  });

  // trigger ─▶ switch ─✗
  it('fails the run with EXPRESSION_FAILED naming the node and item', async () => {
    const trace = await run(
      [
        { id: 'trigger', type: 'core.manualTrigger' },
        {
          id: 'switch',
          type: 'core.switch',
          parameters: { rules: [{ port: 'big', condition: 'weight * 2 > 10' }] },
        },
      ],
      ['trigger -> switch'],
      [{ weight: 1 }, { weight: 'heavy' }],
    );
    expect(trace.status).toBe('failed');
    expect(trace.error).toMatchObject({ code: 'EXPRESSION_FAILED', nodeId: 'switch', itemIndex: 1 });
  });

  it('has one output per rule plus fallback and error', () => {
    const flow = buildFlow([{ id: 'switch', type: 'core.switch', parameters: { rules } }], []);
    const [node] = flow.nodes;
    expect(node && registry.outputsOf(node).map((port) => port.name)).toEqual([
      'express',
      'heavy',
      'fallback',
      'error',
    ]);
  });

  it('reports duplicate, reserved and unparsable rules', () => {
    const parameters = switchNode.parameters.parse({
      rules: [
        { port: 'a', condition: 'x = 1' },
        { port: 'a', condition: 'x = 2' },
        { port: 'fallback', condition: 'true' },
        { port: 'error', condition: 'true' },
        { port: 'b', condition: 'x = ' },
      ],
    });
    expect(switchNode.validate?.(parameters).map((problem) => problem.parameter)).toEqual([
      'rules.1.port',
      'rules.2.port',
      'rules.3.port',
      'rules.4.condition',
    ]);
  });
});
