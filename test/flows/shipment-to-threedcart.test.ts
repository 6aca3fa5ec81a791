import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../engine/contract/flow-document.ts';
import { LAMP } from '../../engine/simulators/sage300/sage300-order-fixtures.ts';
import {
  itemsOut,
  loadSample,
  loadTemplate,
  type StoreOrder,
  sageCall,
  startTemplateBench,
  storeState,
  type TemplateBench,
  templateProblems,
} from './sync-template-bench.ts';

// shipment-to-threedcart against the sandbox over real HTTP.
//
//   Sage orders since ─▶ shipped web orders ─▶ map ─┬─▶ read 3dcart order ─▶ keep first shipment ─┐
//                                                   └──────────────────────────────────────────────┴▶ pair ─▶ not sent yet? ─▶ update shipment
const flow = loadTemplate('shipment-to-threedcart', 'shipment-to-threedcart.flow.json');
let bench: TemplateBench;

beforeAll(async () => {
  bench = await startTemplateBench();
});
afterAll(async () => {
  await bench.close();
});

/** A Sage sales order for a 3dcart order, shipped at entry (the one way the Web API ships, erp-apis.md A4). */
function sageOrder(po: string, options: { shipped: boolean; tracking?: string }): JsonValue {
  return {
    CustomerNumber: 'C000001',
    OrderDate: '2026-11-20',
    PurchaseOrderNumber: po,
    InvoiceWillBeProduced: options.shipped,
    OrderOptionalFields: options.tracking ? [{ OptionalField: 'TRACKING', Value: options.tracking }] : [],
    OrderDetails: [
      {
        LineType: 'Item',
        Item: LAMP,
        Location: '1',
        QuantityOrdered: 1,
        QuantityShipped: options.shipped ? 1 : 0,
      },
    ],
  };
}

function orderOf(orders: StoreOrder[], orderId: number): StoreOrder | undefined {
  return orders.find((order) => order.OrderID === orderId);
}

describe('shipment-to-threedcart (Sage 300)', () => {
  it('marks the shipped web orders shipped in 3dcart with tracking and date, once', async () => {
    const store = bench.sandbox.threedcart.simulator;
    const [tracked, untracked, open] = [store.createOrder(), store.createOrder(), store.createOrder()];
    if (!tracked || !untracked || !open) throw new Error('no orders');
    await sageCall(
      bench.sandbox,
      'POST',
      'OE/OEOrders',
      sageOrder(`3DC-${tracked.OrderID}`, { shipped: true, tracking: '1Z999AA10123456784' }),
    );
    await sageCall(
      bench.sandbox,
      'POST',
      'OE/OEOrders',
      sageOrder(`3DC-${untracked.OrderID}`, { shipped: true }),
    );
    await sageCall(
      bench.sandbox,
      'POST',
      'OE/OEOrders',
      sageOrder(`3DC-${open.OrderID}`, { shipped: false }),
    );
    await sageCall(
      bench.sandbox,
      'POST',
      'OE/OEOrders',
      sageOrder('PHONE-0042', { shipped: true, tracking: 'X1' }),
    );
    const before = await storeState(bench.sandbox);

    const input = loadSample('shipment-to-threedcart', 'first-poll.json');
    const first = await bench.run(flow, input);
    expect(first.error).toBeUndefined();
    expect(first.status).toBe('succeeded');
    const after = await storeState(bench.sandbox);
    expect(orderOf(after.orders, tracked.OrderID)).toMatchObject({
      OrderStatusID: 4,
      ShipmentList: [
        {
          ShipmentTrackingCode: '1Z999AA10123456784',
          ShipmentShippedDate: '11/20/2026',
          ShipmentOrderStatus: 4,
        },
      ],
    });
    // Without a TRACKING optional field the Sage shipment number stands in.
    expect(orderOf(after.orders, untracked.OrderID)).toMatchObject({
      OrderStatusID: 4,
      ShipmentList: [
        { ShipmentTrackingCode: expect.stringMatching(/^SH\d{6}$/), ShipmentShippedDate: '11/20/2026' },
      ],
    });
    expect(orderOf(after.orders, open.OrderID)).toEqual(orderOf(before.orders, open.OrderID));
    expect(itemsOut(first, 'update-shipment').map((item) => (item as { OrderID: number }).OrderID)).toEqual([
      tracked.OrderID,
      untracked.OrderID,
    ]);

    const second = await bench.run(flow, input);
    expect(second.status).toBe('succeeded');
    expect(itemsOut(second, 'update-shipment')).toEqual([]);
    expect((await storeState(bench.sandbox)).orders).toEqual(after.orders);
  });
});

describe.each(['shipment-to-threedcart.flow.json'])('template file %s', (file) => {
  it('is valid and stored in the stable format', () => {
    expect(templateProblems('shipment-to-threedcart', file)).toEqual({ problems: [], stable: true });
  });
});
