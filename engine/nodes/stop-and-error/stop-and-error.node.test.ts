import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { runFlow } from '../../run/executor.ts';
import { buildFlow, type TestNode } from '../../run/testing/flow-builder.ts';
import { createTestServices } from '../../run/testing/test-services.ts';
import { filterNode } from '../filter/filter.node.ts';
import { manualTriggerNode } from '../manual-trigger/manual-trigger.node.ts';
import { NodeRegistry } from '../registry.ts';
import { setFieldsNode } from '../set-fields/set-fields.node.ts';
import { stopAndErrorNode } from './stop-and-error.node.ts';

const registry = new NodeRegistry([manualTriggerNode, filterNode, stopAndErrorNode, setFieldsNode]);

function run(nodes: TestNode[], edges: string[], input: JsonValue[], retry = false) {
  const settings = retry ? { retry: { maxAttempts: 3, backoffMs: 10 } } : {};
  return runFlow({
    flow: buildFlow(nodes, edges, settings),
    registry,
    services: createTestServices(),
    input,
  });
}

const trigger: TestNode = { id: 'trigger', type: 'core.manualTrigger' };
const noLines: TestNode = {
  id: 'noLines',
  type: 'core.filter',
  parameters: { condition: '$count(OrderItemList) = 0' },
};

describe('core.stopAndError', () => {
  // trigger ─▶ noLines ─main─▶ stop ✗
  it('fails the run with RUN_STOPPED_BY_NODE and the rendered message, without retrying', async () => {
    const stop: TestNode = {
      id: 'stop',
      type: 'core.stopAndError',
      name: 'Reject empty order',
      parameters: { message: 'Order {{ OrderID }} has no lines', errorCode: 'NO_LINES' },
    };
    const trace = await run(
      [trigger, noLines, stop],
      ['trigger -> noLines', 'noLines -> stop'],
      [
        { OrderID: 1, OrderItemList: [{ ItemID: 'A' }] },
        { OrderID: 2, OrderItemList: [] },
      ],
      true,
    );
    expect(trace.status).toBe('failed');
    expect(trace.error).toEqual({
      code: 'RUN_STOPPED_BY_NODE',
      message: 'NO_LINES: Order 2 has no lines',
      retryable: false,
      nodeId: 'stop',
      nodeName: 'Reject empty order',
      itemIndex: 0,
      remote: { code: 'NO_LINES' },
    });
    expect(trace.nodes.find((node) => node.nodeId === 'stop')?.errors[0]?.attempts).toBe(1);
  });

  // trigger ─▶ stop ✗
  it('uses the message alone when there is no error code', async () => {
    const trace = await run(
      [
        trigger,
        { id: 'stop', type: 'core.stopAndError', parameters: { message: 'Customer {{ email }} is blocked' } },
      ],
      ['trigger -> stop'],
      [{ email: 'x@example.com' }],
    );
    expect(trace.error).toMatchObject({
      code: 'RUN_STOPPED_BY_NODE',
      message: 'Customer x@example.com is blocked',
    });
    expect(trace.error?.remote).toBeUndefined();
  });

  // trigger ─▶ stop ─error─▶ rejected
  it('sends the item to the error port when it is wired', async () => {
    const trace = await run(
      [
        trigger,
        { id: 'stop', type: 'core.stopAndError', parameters: { message: 'Rejected {{ OrderID }}' } },
        { id: 'rejected', type: 'core.setFields' },
      ],
      ['trigger -> stop', 'stop:error -> rejected'],
      [{ OrderID: 7 }],
    );
    expect(trace.status).toBe('succeeded');
    expect(trace.outputs[0]?.items).toEqual([
      {
        error: expect.objectContaining({ code: 'RUN_STOPPED_BY_NODE', message: 'Rejected 7' }),
        input: { OrderID: 7 },
      },
    ]);
  });

  it('reports a message whose {{ }} part does not parse', () => {
    const problems = stopAndErrorNode.validate?.(
      stopAndErrorNode.parameters.parse({ message: 'Order {{ OrderID = }}' }),
    );
    expect(problems).toEqual([{ parameter: 'message', message: expect.stringContaining('syntax error') }]);
  });
});
