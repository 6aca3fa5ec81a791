import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../engine/contract/flow-document.ts';
import { THREEDCART_ORDER } from '../../engine/mapping/schemas/threedcart-order.schema.ts';
import { validateRecord } from '../../engine/mapping/schemas/validate-record.ts';
import { createCoreRegistry } from '../../engine/nodes/core-node-types.ts';
import { type ClosableHttpTransport, createAxiosTransport } from '../../engine/run/http/axios-transport.ts';
import { readSampleFolder } from '../../engine/samples/sample-files.ts';
import { SandboxOnDemand } from '../../engine/test-runs/sandbox-on-demand.ts';
import { resolveEnvironment } from '../../engine/test-runs/test-environments.ts';
import { runTestSamples, type TestRunResult } from '../../engine/test-runs/test-run-service.ts';
import { type JsonRecord, loadFlow, TEMPLATES } from './sage300-template-bench.ts';

// flows/samples: the 3dcart orders consultants start from. Each must be a valid order (schema and
// the totals rule of reference §3), and the order-to-Sage 300 template must do the right thing with
// each in a dry run: create the Sage order, create the customer first, or stop at the exception port.

const SAMPLES = join(import.meta.dirname, '../../flows/samples');
const flow = loadFlow(join(TEMPLATES, 'order-to-sage300', 'order-to-sage300.flow.json'));

function ordersOf(file: string): JsonRecord[] {
  const payload: JsonValue = JSON.parse(readFileSync(join(SAMPLES, file), 'utf8'));
  if (!Array.isArray(payload)) throw new Error(`${file} is not a list of orders`);
  return payload.map((order) => {
    if (typeof order !== 'object' || order === null || Array.isArray(order))
      throw new Error(`${file}: not an order`);
    return order;
  });
}

function numbers(records: JsonValue, field: string): number[] {
  return Array.isArray(records) ? records.map((record) => Number((record as JsonRecord)[field] ?? 0)) : [];
}

/** OrderAmount = Σ qty × (unit + option price) − discount + Σ shipping + taxes (reference §3, 306/306 real orders). */
function totalOf(order: JsonRecord): number {
  const lines = Array.isArray(order.OrderItemList) ? (order.OrderItemList as JsonRecord[]) : [];
  const items = lines.reduce(
    (sum, line) =>
      sum + Number(line.ItemQuantity) * (Number(line.ItemUnitPrice) + Number(line.ItemOptionPrice)),
    0,
  );
  const shipping = numbers(order.ShipmentList ?? [], 'ShipmentCost').reduce((sum, cost) => sum + cost, 0);
  const taxes = Number(order.SalesTax) + Number(order.SalesTax2) + Number(order.SalesTax3);
  return Math.round((items - Number(order.OrderDiscount) + shipping + taxes) * 100) / 100;
}

describe('flows/samples', () => {
  const files = readdirSync(SAMPLES).filter((file) => file.endsWith('.json'));

  it('ships the twelve cases the designer promises', () => {
    expect(files.map((file) => file.replace(/\.json$/, '')).sort()).toEqual([
      'cent-allocation',
      'coupon-and-promotion',
      'guest-checkout',
      'international-unicode',
      'kit-line',
      'multi-shipment',
      'returning-customer',
      'sixty-line-order',
      'status-7-not-completed',
      'unknown-sku',
      'variant-sku',
      'zero-tax',
    ]);
  });

  it.each(files)('%s is a valid 3dcart order whose total adds up', (file) => {
    for (const order of ordersOf(file)) {
      expect(validateRecord(THREEDCART_ORDER, order, { unknownFields: 'reject' })).toEqual([]);
      expect(totalOf(order)).toBe(order.OrderAmount);
      expect(Number(order.OrderDiscount)).toBeCloseTo(
        Number(order.OrderDiscountCoupon) + Number(order.OrderDiscountPromotion),
        2,
      );
    }
  });

  it('covers the facts each name promises', () => {
    const [guest] = ordersOf('guest-checkout.json');
    const [multi] = ordersOf('multi-shipment.json');
    const [sixty] = ordersOf('sixty-line-order.json');
    const [abandoned] = ordersOf('status-7-not-completed.json');
    const [abroad] = ordersOf('international-unicode.json');
    const [kit] = ordersOf('kit-line.json');
    expect(guest?.CustomerID).toBe(0);
    expect(numbers(multi?.ShipmentList ?? [], 'ShipmentID')).toEqual([0, 1]);
    expect(numbers(multi?.OrderItemList ?? [], 'ItemShipmentID')).toEqual([0, 1]);
    expect(Array.isArray(sixty?.OrderItemList) && sixty.OrderItemList.length).toBe(60);
    expect([abandoned?.OrderStatusID, abandoned?.InvoiceNumber]).toEqual([7, 0]);
    expect(`${abroad?.BillingLastName} ${abroad?.BillingAddress}`).toMatch(/[^ -~]/);
    expect(JSON.stringify(kit?.OrderItemList)).toContain('KIT ITEM: ');
    expect(ordersOf('zero-tax.json')[0]?.SalesTax).toBe(0);
  });
});

describe('order-to-sage300 on flows/samples in dry-run', () => {
  let sandbox: SandboxOnDemand;
  let http: ClosableHttpTransport;
  let result: TestRunResult;

  beforeAll(async () => {
    sandbox = new SandboxOnDemand();
    http = createAxiosTransport();
    const none = { get: async () => undefined };
    const environment = await resolveEnvironment('dry-run', { sandbox, vault: none, environment: none });
    result = await runTestSamples({
      flow,
      registry: createCoreRegistry(),
      samples: await readSampleFolder(SAMPLES),
      environment,
      http,
    });
  });
  afterAll(async () => {
    http.close();
    await sandbox.close();
  });

  /** Where each sample's items ended: the unconnected ports they were left on. */
  function endings(): Record<string, string[]> {
    return Object.fromEntries(
      result.runs.map((run) => [
        run.sample,
        run.trace.outputs.map((output) => `${output.nodeId}:${output.port}`),
      ]),
    );
  }

  it('creates orders, sends the unknown SKU and the two-address order to exceptions and filters status 7', () => {
    expect(result.runs.every((run) => run.trace.status === 'succeeded')).toBe(true);
    const created = ['set-processing:main'];
    expect(endings()).toEqual({
      'cent-allocation': created,
      'coupon-and-promotion': created,
      'guest-checkout': created,
      'international-unicode': created,
      'kit-line': created,
      // A Sage order has one ship-to address; two shipments to two people cannot become one order.
      'multi-shipment': ['map-order:exception'],
      'returning-customer': created,
      'sixty-line-order': created,
      'status-7-not-completed': ['completed-only:discarded'],
      'unknown-sku': ['map-order:exception'],
      'variant-sku': created,
      'zero-tax': created,
    });
    const unknown = result.runs.find((run) => run.sample === 'unknown-sku')?.trace.outputs[0]?.items[0];
    expect(JSON.stringify(unknown)).toContain("SKU 'OF-1011' is not in table 'sku-to-sage-item'");
  });

  it('creates the customer first only for shoppers Sage does not know', () => {
    const creating = result.runs
      .filter((run) =>
        run.trace.nodes.some((node) => node.nodeId === 'create-customer' && node.status === 'ok'),
      )
      .map((run) => run.sample);
    expect(creating).toEqual(['guest-checkout', 'international-unicode', 'zero-tax']);
  });

  it('intercepts every write and sends the sixty lines in one order', () => {
    const exchanges = result.runs.flatMap((run) => run.trace.nodes.flatMap((node) => node.http));
    const writes = exchanges.filter((exchange) => exchange.method !== 'GET');
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((exchange) => exchange.dryRun)).toBe(true);
    const sixty = result.runs.find((run) => run.sample === 'sixty-line-order');
    const post = sixty?.trace.nodes.find((node) => node.nodeId === 'create-order')?.http[0];
    const details = (post?.requestBody as JsonRecord | undefined)?.OrderDetails;
    // Sixty item lines and the freight line.
    expect(Array.isArray(details) && details.length).toBe(61);
  });

  it('summarises the set node by node', () => {
    const row = (nodeId: string) => result.summary.nodes.find((node) => node.nodeId === nodeId);
    expect(result.summary).toMatchObject({ samples: 12, succeeded: 12, failed: 0 });
    expect(row('webhook')).toMatchObject({ pinned: 12, itemsOut: 12 });
    expect(row('map-order')?.outcomes).toEqual({ ok: 9, error: 0, exception: 2, skipped: 1 });
    expect(row('completed-only')).toMatchObject({ itemsIn: 12, itemsOut: 12 });
  });
});
