import { afterEach, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../contract/flow-document.ts';
import { exchangesOf, field, outputOf, startBench, type ThreeDCartBench } from '../threedcart-test-bench.ts';

let bench: ThreeDCartBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

async function open() {
  bench = await startBench();
  return bench;
}

const ids = (items: JsonValue[]) => items.map((item) => field(item, 'OrderID'));

describe('threedcart.getOrders', () => {
  // start ─▶ node ─▶ (orders) / (notFound)
  it('reads whole orders by id, and sends an unknown id to Not found', async () => {
    const { runNode, running } = await open();
    const trace = await runNode('threedcart.getOrders', {}, [
      { OrderID: 20003 },
      { OrderID: '20007' },
      { OrderID: 99 },
    ]);
    expect(trace.status).toBe('succeeded');
    const orders = outputOf(trace);
    expect(ids(orders)).toEqual([20003, 20007]);
    const stored = running.simulator.state().orders.find((order) => order.OrderID === 20003);
    expect(orders[0]).toEqual(stored);
    expect(outputOf(trace, 'notFound')).toEqual([{ OrderID: 99 }]);
    // The 3dcart headers of §1 on every call, secrets masked in the trace.
    expect(exchangesOf(trace)[0]?.requestHeaders).toMatchObject({ PrivateKey: '***', Token: '***' });
    expect(exchangesOf(trace)[0]?.requestHeaders).toHaveProperty('SecureURL');
  });

  // start ─▶ node ─▶ (orders)
  it('finds orders by invoice number, with or without the prefix', async () => {
    const { runNode } = await open();
    const trace = await runNode('threedcart.getOrders', { mode: 'invoiceNumber', invoiceNumber: 'invoice' }, [
      { invoice: 'WEB-10004' },
      { invoice: 10005 },
      { invoice: 'SHOP-10004' },
    ]);
    expect(ids(outputOf(trace))).toEqual([20004, 20005]);
    expect(outputOf(trace, 'notFound')).toEqual([{ invoice: 'SHOP-10004' }]);
    expect(exchangesOf(trace)[0]?.url).toContain('invoicenumber=10004&invoiceprefix=WEB-');
  });

  // start ─▶ node ─▶ (orders)
  it('streams every page of a status, by name or id', async () => {
    const { runNode, running } = await open();
    const shipped = running.simulator.state().orders.filter((order) => order.OrderStatusID === 4);
    const trace = await runNode('threedcart.getOrders', { mode: 'status', status: 'status', pageSize: 5 }, [
      { status: 'Shipped' },
    ]);
    expect(ids(outputOf(trace))).toEqual(shipped.map((order) => order.OrderID));
    // Record offsets 1, 6, 11…: one request per page of 5.
    const offsets = exchangesOf(trace).map((exchange) =>
      new URLSearchParams(exchange.url.split('?')[1]).get('offset'),
    );
    expect(offsets.slice(0, 3)).toEqual(['1', '6', '11']);
    expect(offsets).toHaveLength(Math.ceil((shipped.length + 1) / 5));
  });

  // start ─▶ node ─▶ (orders)
  it('pages through all seed orders and new ones, 10 at a time, ending on the offset error', async () => {
    const { runNode, running } = await open();
    for (let count = 0; count < 10; count++) running.simulator.createOrder();
    const all = running.simulator.state().orders;
    expect(all.length).toBe(60);
    const trace = await runNode('threedcart.getOrders', { mode: 'dateWindow', pageSize: 10 }, [{}]);
    expect(trace.status).toBe('succeeded');
    expect(ids(outputOf(trace))).toEqual(all.map((order) => order.OrderID));
    const exchanges = exchangesOf(trace);
    // Six full pages, then offset 61 is past the end: 3dcart answers 400 "Offset amount exceeds…".
    expect(exchanges).toHaveLength(7);
    expect(exchanges.at(-1)).toMatchObject({ status: 400 });
    expect(trace.nodes[1]?.errors).toEqual([]);
  });

  // start ─▶ node ─▶ (orders)
  it('reads a date window in store time, and nothing when no order matches (404)', async () => {
    const { runNode, running } = await open();
    const inJanuary = running.simulator
      .state()
      .orders.filter(
        (order) => order.OrderDate >= '2025-01-10T00:00:00' && order.OrderDate <= '2025-01-20T23:59:59',
      );
    const trace = await runNode('threedcart.getOrders', { mode: 'dateWindow' }, [
      { from: '2025-01-10', to: '01/20/2025 23:59:59' },
      { from: '2030-01-01', to: null },
    ]);
    expect(trace.status).toBe('succeeded');
    expect(ids(outputOf(trace))).toEqual(inJanuary.map((order) => order.OrderID));
    expect(inJanuary.length).toBeGreaterThan(2);
    expect(exchangesOf(trace)[0]?.url).toContain('datestart=01%2F10%2F2025+00%3A00%3A00');
    expect(exchangesOf(trace).at(-1)?.status).toBe(404);
  });

  it('fails an item whose id is not a number with INPUT_INVALID', async () => {
    const { runNode } = await open();
    const trace = await runNode('threedcart.getOrders', {}, [{ OrderID: 'abc' }]);
    expect(trace.error).toMatchObject({ code: 'INPUT_INVALID', nodeId: 'node', itemIndex: 0 });
  });
});
