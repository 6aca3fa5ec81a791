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

//   webhook → paid? ─kept→ receipt in Sage? (Description "3DC-<id> payment") ─notFound→ find customer (e-mail) ─found→ map → create receipt batch
//               └discarded (unpaid)                                                      └notFound→ find as typed ─found↗
//                                                                                                      └notFound→ exception: customer not in Sage
const folder = join(TEMPLATES, 'payment-to-sage300');
const SAMPLES = [
  'paid-card-order',
  'paid-paypal-order-mixed-case-email',
  'unpaid-order',
  'paid-order-unknown-customer',
] as const;
const flow = loadFlow(join(folder, 'payment-to-sage300.flow.json'));

function sample(name: string): JsonRecord {
  const [order] = readJson(join(folder, 'samples', `${name}.json`)) as JsonRecord[];
  if (!order) throw new Error(`${name} holds no order`);
  return order;
}

function itemsOf(
  trace: Awaited<ReturnType<TemplateBench['run']>>,
  nodeId: string,
  port: string,
): JsonValue[] {
  return trace.outputs
    .filter((output) => output.nodeId === nodeId && output.port === port)
    .flatMap((output) => output.items);
}

describe('template payment-to-sage300', () => {
  let bench: TemplateBench;

  async function receiptBatches(): Promise<JsonRecord[]> {
    const state = await bench.sageState();
    return (state.batches as { receiptsAndAdjustments: JsonRecord[] }).receiptsAndAdjustments;
  }

  beforeAll(async () => {
    bench = await startTemplateBench();
    for (const name of SAMPLES) {
      const { OrderID, ...order } = sample(name);
      const rows = (await bench.storeRequest('POST', 'Orders', [order])) as { Value: string }[];
      expect(Number(rows[0]?.Value)).toBe(OrderID);
    }
  });
  afterAll(() => bench.close());

  it('creates one receipt batch per paid order of a Sage customer and sends the unknown customer to the exception', async () => {
    expect(await receiptBatches()).toEqual([]);
    const trace = await bench.run(flow, SAMPLES.map(sample));
    expect(trace.status).toBe('succeeded');

    expect(itemsOf(trace, 'no-customer', 'main')).toEqual([
      {
        OrderID: 20054,
        BillingEmail: 'mia.okafor@example.net',
        OrderAmount: 33.72,
        reasons: [
          {
            code: 'customerNotFound',
            target: 'ReceiptsAdjustments[0].CustomerNumber',
            message: "No Sage 300 customer has the e-mail 'mia.okafor@example.net'",
          },
        ],
      },
    ]);
    expect(itemsOf(trace, 'map-receipt', 'exception')).toEqual([]);
    expect(await receiptBatches()).toEqual(
      readJson(join(folder, 'expected', 'sage300-receipt-batches.json')),
    );
  });

  it('creates nothing for an unpaid order', async () => {
    const unpaid = sample('unpaid-order').OrderID;
    const batches = await receiptBatches();
    expect(batches.filter((batch) => String(batch.Description).includes(String(unpaid)))).toEqual([]);
    expect(batches.map((batch) => batch.Description)).toEqual(['3DC-20051 payment', '3DC-20052 payment']);
  });

  it('receives exactly the 3dcart order total, to the cent, in bank and customer currency', async () => {
    const batches = await receiptBatches();
    for (const batch of batches) {
      const orderId = String(batch.Description).replace(/^3DC-(\d+) payment$/, '$1');
      const [order] = (await bench.storeRequest('GET', `Orders/${orderId}`)) as JsonRecord[];
      const receipts = batch.ReceiptsAdjustments as JsonRecord[];
      expect(receipts).toHaveLength(1);
      const cents = Math.round(Number(order?.OrderAmount) * 100);
      expect(receipts[0]?.BankReceiptAmount).toBe(cents / 100);
      expect(receipts[0]?.CustomerReceiptAmount).toBe(cents / 100);
    }
  });

  it('changes nothing in Sage when the same webhooks arrive again', async () => {
    const before = await bench.sageState();
    const trace = await bench.run(flow, SAMPLES.map(sample));
    expect(trace.status).toBe('succeeded');
    expect(itemsOf(trace, 'find-receipt', 'found')).toHaveLength(2);
    expect(itemsOf(trace, 'create-receipt', 'main')).toEqual([]);
    expect(await bench.sageState()).toEqual(before);
  });
});
