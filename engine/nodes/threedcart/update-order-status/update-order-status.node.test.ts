import { afterEach, describe, expect, it } from 'vitest';
import { exchangesOf, outputOf, startBench, type ThreeDCartBench } from '../threedcart-test-bench.ts';

let bench: ThreeDCartBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

const statusOf = (running: ThreeDCartBench['running'], orderId: number) =>
  running.simulator.state().orders.find((order) => order.OrderID === orderId)?.OrderStatusID;

describe('threedcart.updateOrderStatus', () => {
  // start ─▶ node ─▶ (updated)
  it('sets the status by name or id with PUT /Orders/{id}', async () => {
    bench = await startBench();
    const { runNode, running } = bench;
    const trace = await runNode('threedcart.updateOrderStatus', { status: 'newStatus' }, [
      { OrderID: 20002, newStatus: 'Hold' },
      { OrderID: 20003, newStatus: 5 },
    ]);
    expect(trace.status).toBe('succeeded');
    expect(statusOf(running, 20002)).toBe(6);
    expect(statusOf(running, 20003)).toBe(5);
    expect(outputOf(trace)[0]).toEqual({
      OrderID: 20002,
      OrderStatusID: 6,
      dryRun: false,
      response: [{ Key: 'OrderID', Value: '20002', Status: '200', Message: 'updated successfully' }],
    });
    expect(exchangesOf(trace)[0]).toMatchObject({ method: 'PUT', requestBody: { OrderStatusID: 6 } });
  });

  // start ─▶ node ─▶ (updated)
  it('writes the internal comment in the same call when asked', async () => {
    bench = await startBench();
    const { runNode, running } = bench;
    const trace = await runNode(
      'threedcart.updateOrderStatus',
      { status: '"Processing"', internalComment: '"Sage order " & OrderNumber' },
      [{ OrderID: 20002, OrderNumber: 'ORD000123' }],
    );
    expect(trace.status).toBe('succeeded');
    const order = running.simulator.state().orders.find((entry) => entry.OrderID === 20002);
    expect([order?.OrderStatusID, order?.InternalComments]).toEqual([2, 'Sage order ORD000123']);
    expect(exchangesOf(trace)[0]).toMatchObject({
      requestBody: { OrderStatusID: 2, InternalComments: 'Sage order ORD000123' },
    });
  });

  // start ─▶ node ─▶ (updated)
  it('in dry-run sends nothing and says so in its output', async () => {
    bench = await startBench();
    const { runNode, running, sent } = bench;
    const trace = await runNode(
      'threedcart.updateOrderStatus',
      { status: '"Shipped"' },
      [{ OrderID: 20002 }],
      {
        dryRun: true,
      },
    );
    expect(trace).toMatchObject({ status: 'succeeded', dryRun: true });
    expect(sent).toHaveLength(0);
    expect(statusOf(running, 20002)).not.toBe(4);
    expect(outputOf(trace)[0]).toMatchObject({
      OrderID: 20002,
      OrderStatusID: 4,
      dryRun: true,
      note: 'Dry run: this write was recorded, not sent to 3dcart',
      simulatedResponse: { dryRun: true, request: { method: 'PUT', body: { OrderStatusID: 4 } } },
    });
    const [exchange] = exchangesOf(trace);
    expect(exchange).toMatchObject({ method: 'PUT', dryRun: true, status: 200 });
    expect(exchange?.requestHeaders).toMatchObject({ PrivateKey: '***', Token: '***' });
    expect(JSON.stringify(trace)).not.toContain(bench.credentials.privateKey);
    expect(JSON.stringify(trace)).not.toContain(bench.credentials.token);
  });

  it('fails with CONNECTOR_NOT_FOUND for an order the store does not have, and INPUT_INVALID for "Review"', async () => {
    bench = await startBench();
    const missing = await bench.runNode('threedcart.updateOrderStatus', {}, [{ OrderID: 123 }]);
    expect(missing.error).toMatchObject({
      code: 'CONNECTOR_NOT_FOUND',
      retryable: false,
      remote: { status: 404 },
    });
    const review = await bench.runNode('threedcart.updateOrderStatus', { status: '"Review"' }, [
      { OrderID: 20001 },
    ]);
    expect(review.error).toMatchObject({
      code: 'INPUT_INVALID',
      message: expect.stringContaining('12 on some stores'),
    });
  });
});
