import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonRecord } from '../../../connectors/sage300/sage300-test-bench.ts';
import { webOrder } from '../../../simulators/sage300/sage300-order-fixtures.ts';
import {
  nodeTrace,
  outputOf,
  type Sage300NodeBench,
  sageNode,
  startSage300NodeBench,
} from '../sage300-node-test-bench.ts';

let bench: Sage300NodeBench;
beforeEach(async () => {
  bench = await startSage300NodeBench();
});
afterEach(async () => {
  await bench.close();
});

// start ─▶ order ─▶ (out)
const createOrder = (order: Record<string, unknown>, parameters = {}, options = {}) =>
  bench.run(
    [sageNode('order', 'sage300.createOrder', parameters)],
    ['start -> order'],
    [jsonRecord(order)],
    options,
  );

describe('sage300.createOrder', () => {
  it('creates the sales order and outputs its generated OrderUniquifier and OrderNumber', async () => {
    const trace = await createOrder({ webOrder: webOrder() }, { body: 'webOrder', resultPath: 'sage.order' });
    expect(trace.status).toBe('succeeded');
    const [item] = outputOf(trace, 'order');
    expect(item).toMatchObject({
      webOrder: { PurchaseOrderNumber: '3DC-100245' },
      sage: {
        order: {
          OrderUniquifier: 100007,
          OrderNumber: 'ORD000007',
          PurchaseOrderNumber: '3DC-100245',
          NumberOfLinesOnOrder: 3,
        },
      },
    });
    expect(nodeTrace(trace, 'order')?.http).toMatchObject([{ method: 'POST', status: 201, dryRun: false }]);
  });

  it('sends a refused order once and fails with CONNECTOR_VALIDATION and Sage’s message', async () => {
    const retry = { maxAttempts: 3, backoffMs: 1 };
    const node = { ...sageNode('order', 'sage300.createOrder'), settings: { retry } };
    const trace = await bench.run(
      [node],
      ['start -> order'],
      [jsonRecord(webOrder({ PurchaseOrderNumber: 'P'.repeat(23) }))],
    );
    expect(trace.error).toMatchObject({
      code: 'CONNECTOR_VALIDATION',
      retryable: false,
      remote: {
        status: 400,
        code: 'InvalidPayload',
        message: expect.stringContaining('PurchaseOrderNumber'),
      },
    });
    expect(bench.sent).toHaveLength(1);
  });

  it('in dry-run records the order it would send, with Authorization masked, and sends nothing', async () => {
    const trace = await createOrder(webOrder(), {}, { dryRun: true });
    expect(trace).toMatchObject({ status: 'succeeded', dryRun: true });
    expect(bench.sent).toEqual([]);
    expect(outputOf(trace, 'order')).toMatchObject([
      { dryRun: true, request: { method: 'POST', body: { PurchaseOrderNumber: '3DC-100245' } } },
    ]);
    const [exchange] = nodeTrace(trace, 'order')?.http ?? [];
    expect(exchange).toMatchObject({
      method: 'POST',
      dryRun: true,
      requestHeaders: { Authorization: 'Basic ***', 'Content-Type': 'application/json' },
      requestBody: { CustomerNumber: webOrder().CustomerNumber },
    });
  });
});
