import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../engine/contract/flow-document.ts';
import {
  type JsonRecord,
  loadFlow,
  readJson,
  startTemplateBench,
  TEMPLATES,
  type TemplateBench,
} from './sage300-template-bench.ts';

//   webhook → find order (PO 3DC-id) ─notFound→ find customer (e-mail) ─found──────────────→ map → create order → Processing + Sage no. in comment
//                                         └notFound→ find as typed ─found──────────────────↗   └exception (unknown SKU)
//                                                      └notFound→ create customer ─────────↗
//                                                                   └error→ find by number → unwrap → same e-mail? ↗
const folder = join(TEMPLATES, 'order-to-sage300');
const SAMPLES = ['registered-customer-order', 'guest-order', 'unknown-sku-order'] as const;
const flow = loadFlow(join(folder, 'order-to-sage300.flow.json'));

function sample(name: string): JsonRecord {
  const [order] = readJson(join(folder, 'samples', `${name}.json`)) as JsonRecord[];
  if (!order) throw new Error(`${name} holds no order`);
  return order;
}

/** Sage stamps new customers with the day they were created; the golden file says `<today>`. */
function withToday(value: JsonValue): JsonValue {
  const today = new Date().toISOString().slice(0, 10);
  return JSON.parse(JSON.stringify(value).replaceAll(`"${today}T00:00:00Z"`, '"<today>"'));
}

/** The records this flow adds to Sage: web orders and the customers created for them. */
function webRecords(state: JsonRecord, seedCustomers: ReadonlySet<string>): JsonValue {
  const orders = (state.orders as JsonRecord[]).filter((order) =>
    String(order.PurchaseOrderNumber).startsWith('3DC-'),
  );
  const customers = (state.customers as JsonRecord[]).filter(
    (customer) => !seedCustomers.has(String(customer.CustomerNumber)),
  );
  return withToday({ orders, customers });
}

describe('template order-to-sage300', () => {
  let bench: TemplateBench;
  let seedCustomers: Set<string>;

  beforeAll(async () => {
    bench = await startTemplateBench();
    // What the README asks of a Sage company: a DISC miscellaneous charge for order discounts.
    await bench.sageRequest('POST', 'OE/OEMiscellaneousCharges', {
      MiscellaneousChargesCode: 'DISC',
      Description: 'Web store discount',
      Amount: 0,
    });
    for (const name of SAMPLES) {
      const { OrderID, ...order } = sample(name);
      const rows = (await bench.storeRequest('POST', 'Orders', [order])) as { Value: string }[];
      expect(Number(rows[0]?.Value)).toBe(OrderID);
    }
    const state = await bench.sageState();
    seedCustomers = new Set((state.customers as JsonRecord[]).map((each) => String(each.CustomerNumber)));
  });
  afterAll(() => bench.close());

  it('creates the orders and the missing customer, and sends the unknown SKU to the exception port', async () => {
    const trace = await bench.run(flow, SAMPLES.map(sample));
    expect(trace.status).toBe('succeeded');

    const exceptions = trace.outputs.filter(
      (output) => output.nodeId === 'map-order' && output.port === 'exception',
    );
    const reasons = exceptions.flatMap((output) => output.items.map((item) => (item as JsonRecord).reasons));
    expect(reasons).toEqual([
      [
        {
          code: 'lookupMiss',
          target: 'OrderDetails[1].Item',
          message: "SKU 'OF-1011' is not in table 'sku-to-sage-item'",
        },
        {
          code: 'missing',
          target: 'OrderDetails[1].Item',
          message: 'OrderDetails[1].Item is required when LineType is "Item" but is missing',
        },
      ],
    ]);

    const records = webRecords(await bench.sageState(), seedCustomers);
    expect(records).toEqual(readJson(join(folder, 'expected', 'sage300-records.json')));
  });

  it('moves the created orders to Processing in 3dcart with the Sage order number in the internal comment', async () => {
    const state = await bench.sageState();
    const orders = [];
    for (const name of SAMPLES) {
      const id = sample(name).OrderID;
      const [order] = (await bench.storeRequest('GET', `Orders/${id}`)) as JsonRecord[];
      const created = (state.orders as JsonRecord[]).find((each) => each.PurchaseOrderNumber === `3DC-${id}`);
      orders.push({
        status: order?.OrderStatusID,
        comment: order?.InternalComments,
        sageOrder: created?.OrderNumber ?? null,
      });
    }
    // The exception order is neither in Sage nor touched in 3dcart.
    expect(orders).toEqual([
      { status: 2, comment: 'Sage order ORD000007', sageOrder: 'ORD000007' },
      { status: 2, comment: 'Sage order ORD000008', sageOrder: 'ORD000008' },
      { status: 1, comment: '', sageOrder: null },
    ]);
  });

  it('changes nothing in Sage or 3dcart when the same webhooks arrive again', async () => {
    const storeOrders = () =>
      Promise.all(SAMPLES.map((name) => bench.storeRequest('GET', `Orders/${sample(name).OrderID}`)));
    const before = await bench.sageState();
    const storeBefore = await storeOrders();
    const trace = await bench.run(flow, SAMPLES.map(sample));
    expect(trace.status).toBe('succeeded');
    expect(await bench.sageState()).toEqual(before);
    expect(await storeOrders()).toEqual(storeBefore);
    expect(trace.outputs.filter((output) => output.nodeId === 'set-processing')).toEqual([]);
  });

  it('creates one customer for two new orders from the same e-mail in one run', async () => {
    const { OrderID: _sampleId, ...guest } = sample('guest-order');
    const orders: JsonRecord[] = [];
    for (const email of ['sam.lee@example.org', 'Sam.Lee@example.org']) {
      const order: JsonRecord = { ...guest, BillingEmail: email };
      const rows = (await bench.storeRequest('POST', 'Orders', [order])) as { Value: string }[];
      orders.push({ ...order, OrderID: Number(rows[0]?.Value) });
    }
    const trace = await bench.run(flow, orders);
    expect(trace.status).toBe('succeeded');
    const state = await bench.sageState();
    const customers = (state.customers as JsonRecord[]).filter(
      (customer) => String(customer.Email).toLowerCase() === 'sam.lee@example.org',
    );
    expect(customers.map((customer) => customer.CustomerNumber)).toEqual(['WSAMLEEEXAMP']);
    const created = (state.orders as JsonRecord[]).filter((order) =>
      orders.some((each) => order.PurchaseOrderNumber === `3DC-${each.OrderID}`),
    );
    expect(created.map((order) => order.CustomerNumber)).toEqual(['WSAMLEEEXAMP', 'WSAMLEEEXAMP']);
  });
});
