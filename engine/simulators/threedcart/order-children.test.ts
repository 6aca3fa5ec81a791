import { afterEach, describe, expect, it } from 'vitest';
import type { Order, OrderItem, Shipment, Transaction } from './order-model.ts';
import { computeOrderAmount } from './order-totals.ts';
import { startTestSimulator, type ThreeDCartTestClient } from './threedcart-test-client.ts';

let client: ThreeDCartTestClient | undefined;
afterEach(async () => {
  await client?.running.close();
  client = undefined;
});

async function start() {
  client = await startTestSimulator({ clock: () => Date.UTC(2025, 2, 5, 15, 30, 0) });
  return client;
}

/** A seed order with one shipment in status New, and one with two shipments. */
function seedOrders(api: ThreeDCartTestClient) {
  const { orders } = api.simulator.state();
  const single = orders.find((order) => order.ShipmentList.length === 1 && order.OrderStatusID === 1);
  const multi = orders.find((order) => order.ShipmentList.length === 2 && order.OrderStatusID === 3);
  if (!single || !multi) throw new Error('seed lacks the orders this test needs');
  return { single, multi };
}

describe('3dcart /Orders/{id}/Shipments', () => {
  it('records tracking with a free-text shipped date, and the order status follows the shipment', async () => {
    const api = await start();
    const { single } = seedOrders(api);
    const path = `Orders/${single.OrderID}/Shipments`;
    const answer = await api.send('PUT', `${path}/0`, {
      ShipmentOrderStatus: 4,
      ShipmentTrackingCode: '1Z999AA10123456784',
      ShipmentShippedDate: '3/5/2025',
      ShipmentMethodName: 'UPS Ground',
    });
    expect(answer).toMatchObject({
      status: 200,
      body: [{ Key: 'ShipmentID', Value: '0', Status: '200', Message: 'updated successfully' }],
    });
    const [shipment] = (await api.get<Shipment[]>(path)).body;
    expect(shipment).toMatchObject({
      ShipmentID: 0,
      ShipmentOrderStatus: 4,
      ShipmentTrackingCode: '1Z999AA10123456784',
      ShipmentShippedDate: '3/5/2025',
      ShipmentLastUpdate: '2025-03-05T10:30:00',
    });
    expect((await api.get<Order[]>(`Orders/${single.OrderID}`)).body[0]?.OrderStatusID).toBe(4);
    expect((await api.send('PUT', `${path}/777`, { ShipmentTrackingCode: 'x' })).status).toBe(404);
  });

  it('keeps a multi-shipment order Partial until every shipment is shipped', async () => {
    const api = await start();
    const { multi } = seedOrders(api);
    const path = `Orders/${multi.OrderID}/Shipments`;
    const [first, second] = multi.ShipmentList;
    expect(first?.ShipmentID).toBe(0);
    expect(multi.OrderItemList.some((item) => item.ItemShipmentID === second?.ShipmentID)).toBe(true);
    const bulk = await api.send('PUT', path, [{ ShipmentID: second?.ShipmentID, ShipmentOrderStatus: 4 }]);
    expect(bulk.status).toBe(200);
    expect((await api.get<Order[]>(`Orders/${multi.OrderID}`)).body[0]?.OrderStatusID).toBe(4);
  });

  it('adds a shipment with the next ShipmentNumber (201), and 404s for an unknown order', async () => {
    const api = await start();
    const { single } = seedOrders(api);
    const created = await api.send('POST', `Orders/${single.OrderID}/Shipments`, {
      ShipmentFirstName: 'Zoë',
      ShipmentCity: 'Stuttgart',
      ShipmentCost: 4.5,
    });
    expect(created.status).toBe(201);
    const shipments = (await api.get<Shipment[]>(`Orders/${single.OrderID}/Shipments`)).body;
    expect(shipments.map((shipment) => shipment.ShipmentNumber)).toEqual([1, 2]);
    const [order] = (await api.get<Order[]>(`Orders/${single.OrderID}`)).body;
    expect(order?.OrderAmount).toBeCloseTo(single.OrderAmount + 4.5, 2);
    expect((await api.get('Orders/99999/Shipments')).status).toBe(404);
  });
});

describe('3dcart /Orders/{id}/Items', () => {
  it('lists, adds (201) and changes lines, keeping OrderAmount by the totals formula', async () => {
    const api = await start();
    const { single } = seedOrders(api);
    const path = `Orders/${single.OrderID}/Items`;
    expect((await api.get<OrderItem[]>(path)).body).toHaveLength(single.OrderItemList.length);
    const added = await api.send('POST', path, { ItemID: 'HM-1002', ItemQuantity: 2 });
    expect(added).toMatchObject({ status: 201, body: [{ Key: 'ItemIndexID', Status: '201' }] });
    const itemIndexId = Number((added.body as { Value: string }[])[0]?.Value);
    expect((await api.send('PUT', `${path}/${itemIndexId}`, { ItemQuantity: 5 })).status).toBe(200);
    const [order] = (await api.get<Order[]>(`Orders/${single.OrderID}`)).body;
    if (!order) throw new Error('order missing');
    expect(order.OrderItemList.find((item) => item.ItemIndexID === itemIndexId)?.ItemQuantity).toBe(5);
    expect(order.OrderAmount).toBe(computeOrderAmount(order));
    expect(order.OrderAmount).toBeGreaterThan(single.OrderAmount);
  });
});

describe('3dcart /Orders/{id}/Transactions', () => {
  it('lists, adds (201) and updates payments', async () => {
    const api = await start();
    const { single } = seedOrders(api);
    const path = `Orders/${single.OrderID}/Transactions`;
    const created = await api.send('POST', path, {
      TransactionType: 'Refund',
      TransactionAmount: -10,
      TransactionID: 'R-1',
    });
    expect(created).toMatchObject({ status: 201, body: [{ Key: 'TransactionIndexID', Status: '201' }] });
    const list = (await api.get<Transaction[]>(path)).body;
    const refund = list.find((transaction) => transaction.TransactionID === 'R-1');
    expect(refund).toMatchObject({
      OrderID: single.OrderID,
      TransactionAmount: -10,
      TransactionDateTime: '2025-03-05T10:30:00',
    });
    const updated = await api.send('PUT', path, [
      { TransactionIndexID: refund?.TransactionIndexID, TransactionCaptured: 1 },
    ]);
    expect(updated.status).toBe(200);
    expect((await api.send('PUT', path, [{ TransactionCaptured: 1 }])).status).toBe(400);
  });

  it('answers 404 "No transactions found" for an order without payments', async () => {
    const api = await start();
    const unpaid = api.simulator.state().orders.find((order) => order.TransactionList.length === 0);
    expect(await api.get(`Orders/${unpaid?.OrderID}/Transactions`)).toMatchObject({
      status: 404,
      body: [{ Message: 'No transactions found' }],
    });
  });
});
