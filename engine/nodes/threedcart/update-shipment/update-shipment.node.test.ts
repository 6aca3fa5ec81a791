import { afterEach, describe, expect, it } from 'vitest';
import { exchangesOf, outputOf, startBench, type ThreeDCartBench } from '../threedcart-test-bench.ts';

let bench: ThreeDCartBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

const orderOf = (running: ThreeDCartBench['running'], orderId: number) =>
  running.simulator.state().orders.find((order) => order.OrderID === orderId);

describe('threedcart.updateShipment', () => {
  // start ─▶ node ─▶ (updated)
  it('writes tracking, shipped date and Shipped to the first shipment, and the order follows', async () => {
    bench = await startBench();
    const { runNode, running } = bench;
    const newOrder = running.simulator
      .state()
      .orders.find((order) => order.OrderStatusID === 1 && order.ShipmentList.length === 1);
    const orderId = newOrder?.OrderID ?? 0;
    const trace = await runNode('threedcart.updateShipment', {}, [
      {
        OrderID: orderId,
        trackingNumber: '1Z999AA10123456784',
        shippedDate: null,
        shippingMethod: 'UPS Ground',
      },
    ]);
    expect(trace.status).toBe('succeeded');
    const shipment = orderOf(running, orderId)?.ShipmentList[0];
    // The fake clock reads 2026-11-22 09:00 UTC; the flow's time zone is UTC.
    expect(shipment).toMatchObject({
      ShipmentTrackingCode: '1Z999AA10123456784',
      ShipmentShippedDate: '11/22/2026',
      ShipmentMethodName: 'UPS Ground',
      ShipmentOrderStatus: 4,
    });
    expect(orderOf(running, orderId)?.OrderStatusID).toBe(4);
    expect(exchangesOf(trace).map((exchange) => exchange.method)).toEqual(['GET', 'PUT']);
    expect(outputOf(trace)[0]).toMatchObject({
      OrderID: orderId,
      ShipmentID: shipment?.ShipmentID,
      ShipmentTrackingCode: '1Z999AA10123456784',
      dryRun: false,
      response: [{ Key: 'ShipmentID', Status: '200' }],
    });
  });

  // start ─▶ node ─▶ (updated)
  it('updates a named shipment of a multi-shipment order, leaving the order Partial', async () => {
    bench = await startBench();
    const { runNode, running } = bench;
    const multiple = running.simulator.state().orders.find((order) => order.ShipmentList.length > 1);
    // Back to New on every shipment, so shipping one of them leaves the order partly shipped.
    const split = running.simulator.setOrderStatus(multiple?.OrderID ?? 0, 1);
    const second = split?.ShipmentList[1];
    const trace = await runNode('threedcart.updateShipment', {}, [
      {
        OrderID: split.OrderID,
        ShipmentID: second?.ShipmentID ?? null,
        trackingNumber: 'TRACK-2',
        shippedDate: '3/5/2025',
      },
    ]);
    expect(trace.status).toBe('succeeded');
    expect(exchangesOf(trace)).toHaveLength(1);
    const order = orderOf(running, split.OrderID);
    expect(order?.ShipmentList[1]).toMatchObject({
      ShipmentTrackingCode: 'TRACK-2',
      ShipmentShippedDate: '3/5/2025',
    });
    expect(order?.OrderStatusID).toBe(3);
  });

  // start ─▶ node ─▶ (updated)
  it('adds a shipment with mode "add"', async () => {
    bench = await startBench();
    const { runNode, running } = bench;
    const before = orderOf(running, 20002)?.ShipmentList.length ?? 0;
    const trace = await runNode('threedcart.updateShipment', { mode: 'add', markShipped: false }, [
      { OrderID: 20002, trackingNumber: 'EXTRA-1', shippedDate: '' },
    ]);
    expect(trace.status).toBe('succeeded');
    const shipments = orderOf(running, 20002)?.ShipmentList ?? [];
    expect(shipments).toHaveLength(before + 1);
    expect(outputOf(trace)[0]).toMatchObject({ ShipmentID: shipments.at(-1)?.ShipmentID, dryRun: false });
  });

  it('fails with INPUT_INVALID when the item has no tracking number', async () => {
    bench = await startBench();
    const trace = await bench.runNode('threedcart.updateShipment', {}, [{ OrderID: 20002 }]);
    expect(trace.error).toMatchObject({
      code: 'INPUT_INVALID',
      message: expect.stringContaining('trackingNumber'),
    });
    expect(bench.sent).toHaveLength(0);
  });
});
