import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { runFlow } from '../../run/executor.ts';
import { buildFlow } from '../../run/testing/flow-builder.ts';
import { createTestServices } from '../../run/testing/test-services.ts';
import { manualTriggerNode } from '../manual-trigger/manual-trigger.node.ts';
import { NodeRegistry } from '../registry.ts';
import { setFieldsNode } from '../set-fields/set-fields.node.ts';
import { aggregateNode } from './aggregate.node.ts';

const registry = new NodeRegistry([manualTriggerNode, aggregateNode, setFieldsNode]);

/** trigger ─▶ aggregate ─▶ (out) */
function runAggregate(parameters: Record<string, JsonValue>, input: JsonValue[]) {
  const flow = buildFlow(
    [
      { id: 'trigger', type: 'core.manualTrigger' },
      { id: 'aggregate', type: 'core.aggregate', parameters },
    ],
    ['trigger -> aggregate'],
  );
  return runFlow({ flow, registry, services: createTestServices(), input });
}

function outputsOf(trace: Awaited<ReturnType<typeof runAggregate>>) {
  return trace.nodes.find((node) => node.nodeId === 'aggregate')?.outputs;
}

// M3 MMS200MI-style stock rows, one per item and warehouse.
const stock: JsonValue[] = [
  { ITNO: 'A100', WHLO: '001', STQT: 12 },
  { ITNO: 'B200', WHLO: '001', STQT: 5 },
  { ITNO: 'A100', WHLO: '002', STQT: 30 },
  { ITNO: 'C300', WHLO: '002' },
];

describe('core.aggregate', () => {
  // trigger ─▶ aggregate ─▶ (out)
  it('collects all items into one, with lineage to every input', async () => {
    const trace = await runAggregate({}, stock);
    expect(trace.status).toBe('succeeded');
    expect(outputsOf(trace)).toEqual([{ port: 'main', json: { items: stock }, from: [0, 1, 2, 3] }]);
  });

  // trigger ─▶ aggregate ─▶ (out)
  it('collects one value per item in field mode, skipping items without it', async () => {
    const trace = await runAggregate({ mode: 'field', expression: 'STQT', destination: 'quantities' }, stock);
    expect(outputsOf(trace)).toEqual([
      { port: 'main', json: { quantities: [12, 5, 30] }, from: [0, 1, 2, 3] },
    ]);
  });

  // trigger ─▶ aggregate ─▶ (out)
  it('emits one item per group in order of first appearance, lineage per group', async () => {
    const trace = await runAggregate({ mode: 'field', expression: 'STQT', groupBy: 'ITNO' }, stock);
    expect(outputsOf(trace)).toEqual([
      { port: 'main', json: { key: 'A100', items: [12, 30] }, from: [0, 2] },
      { port: 'main', json: { key: 'B200', items: [5] }, from: [1] },
      { port: 'main', json: { key: 'C300', items: [] }, from: [3] },
    ]);
  });

  // trigger ─▶ aggregate ─▶ total
  it('feeds grouped items downstream, ready for $sum', async () => {
    const flow = buildFlow(
      [
        { id: 'trigger', type: 'core.manualTrigger' },
        {
          id: 'aggregate',
          type: 'core.aggregate',
          parameters: { mode: 'field', expression: 'STQT', groupBy: 'ITNO' },
        },
        {
          id: 'total',
          type: 'core.setFields',
          parameters: {
            fields: [{ path: 'total', mode: 'expression', value: '$sum(items)' }],
            keepOnlySet: true,
          },
        },
      ],
      ['trigger -> aggregate', 'aggregate -> total'],
    );
    const trace = await runFlow({ flow, registry, services: createTestServices(), input: stock });
    expect(trace.outputs[0]?.items).toEqual([{ total: 42 }, { total: 5 }, { total: 0 }]);
  });

  // trigger ─▶ aggregate ─✗
  it('fails with EXPRESSION_FAILED naming the node and the item the expression broke on', async () => {
    const trace = await runAggregate({ mode: 'field', expression: 'STQT * 2' }, [
      { STQT: 1 },
      { STQT: 'lots' },
    ]);
    expect(trace.status).toBe('failed');
    expect(trace.error).toMatchObject({ code: 'EXPRESSION_FAILED', nodeId: 'aggregate', itemIndex: 1 });
  });

  // trigger ─▶ aggregate ─error─▶ failures
  it('sends every input item to the wired error port when the batch fails', async () => {
    const flow = buildFlow(
      [
        { id: 'trigger', type: 'core.manualTrigger' },
        { id: 'aggregate', type: 'core.aggregate', parameters: { groupBy: '$error("no key")' } },
        { id: 'failures', type: 'core.setFields' },
      ],
      ['trigger -> aggregate', 'aggregate:error -> failures'],
    );
    const trace = await runFlow({
      flow,
      registry,
      services: createTestServices(),
      input: [{ a: 1 }, { a: 2 }],
    });
    expect(trace.status).toBe('succeeded');
    const failed = trace.outputs.find((output) => output.nodeId === 'failures')?.items;
    expect(failed).toEqual([
      { error: expect.objectContaining({ code: 'EXPRESSION_FAILED', itemIndex: 0 }), input: { a: 1 } },
      { error: expect.objectContaining({ code: 'EXPRESSION_FAILED', itemIndex: 0 }), input: { a: 2 } },
    ]);
  });

  it('reports a missing field expression and unparsable expressions', () => {
    const parameters = aggregateNode.parameters.parse({ mode: 'field', groupBy: 'ITNO &' });
    expect(aggregateNode.validate?.(parameters).map((problem) => problem.parameter)).toEqual([
      'expression',
      'groupBy',
    ]);
  });
});
