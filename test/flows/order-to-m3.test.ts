import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../engine/contract/flow-document.ts';
import { formatFlow } from '../../engine/flow/flow-format.ts';
import { validateFlow } from '../../engine/flow/validate-flow.ts';
import { createCoreRegistry } from '../../engine/nodes/core-node-types.ts';
import {
  leftOn,
  loadTemplate,
  type M3OrderState,
  type M3TemplateBench,
  startM3TemplateBench,
  templateSample,
  templateText,
} from './m3-template-bench.ts';

// order-webhook ─▶ map-order ─▶ find-customer ─found──────────────────▶ set-customer ─▶ existing-orders
//                     │                   └─notFound─▶ add-customer ─┘                      │
//                     └─exception (unknown SKU)          already-in-m3 ◀────────────────────┘
//                                                          ├─true (CUOR already in M3: skipped)
//                                                          └─false─▶ create-order ─▶ read-status

const TEMPLATE = 'order-to-m3';

function samples(name: string): JsonValue[] {
  const sample = templateSample(TEMPLATE, `${name}.json`);
  return Array.isArray(sample) ? sample : [sample];
}

/** The fields of an M3 order a user checks: head, and per line item, quantity, price, allocation. */
function summary(order: M3OrderState | undefined) {
  if (order === undefined) return undefined;
  const { CUNO, CUOR, ORTP, FACI, WHLO, ORDT, RLDT, STAT, CUCD } = order;
  return {
    head: { CUNO, CUOR, ORTP, FACI, WHLO, ORDT, RLDT, STAT, CUCD },
    lines: order.lines.map(({ PONR, ITNO, ORQT, SAPR, WHLO: warehouse, ALQT, ORST }) => ({
      PONR,
      ITNO,
      ORQT,
      SAPR,
      WHLO: warehouse,
      ALQT,
      ORST,
    })),
  };
}

describe('template order-to-m3 against the sandbox', () => {
  let bench: M3TemplateBench;
  beforeAll(async () => {
    bench = await startM3TemplateBench();
  });
  afterAll(async () => {
    await bench.close();
  });

  async function orderWithReference(reference: string): Promise<M3OrderState[]> {
    const state = await bench.m3State();
    return state.orders.filter((order) => order.CUOR === reference);
  }

  it('is a valid flow, stored in the stable format', () => {
    const flow = loadTemplate(TEMPLATE);
    expect(validateFlow(flow, createCoreRegistry())).toEqual([]);
    expect(formatFlow(flow)).toBe(templateText(TEMPLATE));
  });

  it('creates the order of a known M3 customer, allocated, and reads its status back', async () => {
    const trace = await bench.run(TEMPLATE, samples('known-customer'));
    expect(trace.status).toBe('succeeded');
    expect(trace.nodes.find((node) => node.nodeId === 'add-customer')?.status).toBe('skipped');
    const orders = await orderWithReference('3DC-20012');
    expect(orders.map(summary)).toEqual([
      {
        head: {
          CUNO: '10000047',
          CUOR: '3DC-20012',
          ORTP: 'WEB',
          FACI: 'A01',
          WHLO: '100',
          ORDT: '20250120',
          RLDT: '20250120',
          STAT: '20',
          CUCD: 'CAD',
        },
        lines: [{ PONR: '1', ITNO: 'OD1176', ORQT: '2', SAPR: '18.61', WHLO: '100', ALQT: '2', ORST: '33' }],
      },
    ]);
    const [done] = leftOn(trace, 'read-status');
    expect(done).toMatchObject({
      m3Order: { orderNumber: orders[0]?.ORNO, batchStatus: '90' },
      m3Status: {
        ORNO: orders[0]?.ORNO,
        STAT: '20',
        ORSL: '33',
        ORST: '33',
        lowestStatusText: expect.any(String),
      },
    });
  });

  it('creates a new customer from the template customer when the e-mail is unknown to M3', async () => {
    const trace = await bench.run(TEMPLATE, samples('new-customer'));
    expect(trace.status).toBe('succeeded');
    const state = await bench.m3State();
    const created = state.customers.filter((customer) => customer.MAIL === 'bo.brown101@example.com');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      CUNM: 'Bo Brown',
      CUA1: '5501 Cedar St',
      CUA2: 'Suite 120',
      TOWN: 'Miami',
      ECAR: 'FL',
      PONO: '33130',
      CSCD: 'US',
      // Settings copied from the template customer TMPLWEB.
      ORTP: 'WEB',
      WHLO: '100',
    });
    const orders = await orderWithReference('3DC-20001');
    expect(orders.map(summary)).toEqual([
      {
        head: {
          CUNO: created[0]?.CUNO,
          CUOR: '3DC-20001',
          ORTP: 'WEB',
          FACI: 'A01',
          WHLO: '100',
          ORDT: '20250102',
          RLDT: '20250102',
          STAT: '20',
          CUCD: 'USD',
        },
        lines: [
          // No allocatable stock of AP1149 in warehouse 100: the line waits (status 22).
          { PONR: '1', ITNO: 'AP1149', ORQT: '2', SAPR: '74.76', WHLO: '100', ALQT: '0', ORST: '22' },
          { PONR: '2', ITNO: 'OD1172', ORQT: '1', SAPR: '89.27', WHLO: '100', ALQT: '1', ORST: '33' },
          { PONR: '3', ITNO: 'HM1030', ORQT: '3', SAPR: '46.62', WHLO: '100', ALQT: '3', ORST: '33' },
        ],
      },
    ]);
  });

  it('maps variant SKUs to their M3 items for a customer who already has orders in M3', async () => {
    const trace = await bench.run(TEMPLATE, samples('variant-skus'));
    expect(trace.status).toBe('succeeded');
    const orders = await orderWithReference('3DC-20007');
    expect(orders.map(summary)).toEqual([
      {
        head: {
          CUNO: '10000002',
          CUOR: '3DC-20007',
          ORTP: 'WEB',
          FACI: 'A01',
          WHLO: '100',
          ORDT: '20250112',
          RLDT: '20250112',
          STAT: '20',
          CUCD: 'USD',
        },
        lines: [
          { PONR: '1', ITNO: 'AP1157RM', ORQT: '1', SAPR: '77.03', WHLO: '100', ALQT: '0', ORST: '22' },
          { PONR: '2', ITNO: 'AP1009', ORQT: '2', SAPR: '21.92', WHLO: '100', ALQT: '2', ORST: '33' },
        ],
      },
    ]);
  });

  it('sends an order with an SKU unknown to M3 to the exception port and writes nothing to M3', async () => {
    const before = await bench.m3State();
    const sentBefore = bench.sent.length;
    const trace = await bench.run(TEMPLATE, samples('unknown-sku'));
    expect(trace.status).toBe('succeeded');
    const [exception] = leftOn(trace, 'map-order', 'exception');
    expect(exception).toMatchObject({
      reasons: [
        {
          target: 'lines[2].ITNO',
          code: 'lookupMiss',
          message: "SKU 'AP-1121-RED-S' is not in table 'sku-to-m3-item'",
        },
      ],
      input: { OrderID: 20004 },
    });
    expect(bench.sent.slice(sentBefore).filter((request) => request.url.includes('/m3api-rest/'))).toEqual(
      [],
    );
    expect(await bench.m3State()).toEqual(before);
  });

  it('changes nothing in M3 when the same orders come again', async () => {
    const before = await bench.m3State();
    const sentBefore = bench.sent.length;
    const input = ['known-customer', 'new-customer', 'variant-skus', 'unknown-sku'].flatMap(samples);
    const trace = await bench.run(TEMPLATE, input);
    expect(trace.status).toBe('succeeded');
    expect(await bench.m3State()).toEqual(before);
    const transactions = bench.sent
      .slice(sentBefore)
      .map((request) => /\/execute\/(\w+\/\w+)/.exec(request.url)?.[1])
      .filter((call) => call !== undefined);
    expect(transactions).toContain('OIS100MI/LstHead');
    expect(transactions.filter((call) => !/\/(Search|Lst|Get)/.test(call))).toEqual([]);
    const skipped = leftOn(trace, 'already-in-m3', 'true');
    expect(skipped.map((item) => (item as { OrderID: number }).OrderID)).toEqual([20012, 20001, 20007]);
    expect(leftOn(trace, 'map-order', 'exception')).toHaveLength(1);
  });
});
