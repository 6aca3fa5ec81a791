import { afterEach, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../contract/flow-document.ts';
import type { M3TestState } from '../../../simulators/m3/m3-test-client.ts';
import { type M3NodeBench, m3Node, outputOf, startM3NodeBench } from '../m3-node-test-bench.ts';

let bench: M3NodeBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

/** Two stocked items of warehouse 100 with enough allocatable stock, and a customer. */
async function orderFixture(m3: M3NodeBench) {
  const state = (await m3.state()) as M3TestState;
  const stocked = state.balances.filter((balance) => balance.WHLO === '100' && Number(balance.AV01) >= 5);
  const [first, second] = stocked;
  if (!first || !second) throw new Error('the seed has no stocked items');
  const customer = state.customers[0]?.CUNO ?? '';
  const lines: { [field: string]: JsonValue }[] = [
    { ITNO: first.ITNO ?? '', ORQT: 2, SAPR: '19.95' },
    { ITNO: second.ITNO ?? '', ORQT: 3 },
  ];
  const head = { CUNO: customer, ORTP: 'WEB', WHLO: '100', CUOR: '3DC-100245', ORDT: '20261122' };
  const order = { OrderID: 100245, head, lines };
  return { state, first, second, order };
}

//  start ─▶ order (m3.createCustomerOrder)
describe('m3.createCustomerOrder', () => {
  it('adds the batch head and lines, confirms, and the customer order is allocated in M3', async () => {
    bench = await startM3NodeBench();
    const { first, second, order } = await orderFixture(bench);
    const node = m3Node('order', 'm3.createCustomerOrder', { outputField: 'm3' }, 'm3-ion');
    const trace = await bench.run([node], ['start -> order'], [order]);
    expect(trace.status).toBe('succeeded');
    const [created] = outputOf(trace, 'order');
    expect(created).toEqual({
      ...order,
      m3: {
        orderNumber: expect.stringMatching(/^\d{10}$/),
        batchOrderNumber: expect.stringMatching(/^\d{10}$/),
        batchStatus: '90',
        lines: [
          { PONR: '1', POSX: '0', ITNO: first.ITNO },
          { PONR: '2', POSX: '0', ITNO: second.ITNO },
        ],
      },
    });
    const calls = trace.nodes.find((entry) => entry.nodeId === 'order')?.http ?? [];
    expect(calls.map((call) => call.url.split('?')[0]?.split('/').at(-1))).toEqual([
      'token.oauth2',
      'AddBatchHead',
      'AddBatchLine',
      'AddBatchLine',
      'Confirm',
    ]);
    const after = (await bench.state()) as M3TestState;
    const customerOrder = after.orders.find((entry) => entry.CUOR === '3DC-100245');
    expect(customerOrder).toMatchObject({ STAT: '20', ORSL: '33', ORST: '33' });
    expect(created).toMatchObject({ m3: { orderNumber: customerOrder?.ORNO } });
    expect(customerOrder?.lines).toEqual([
      expect.objectContaining({ ITNO: first.ITNO, ORQT: '2', ALQT: '2', SAPR: '19.95', ORST: '33' }),
      expect.objectContaining({ ITNO: second.ITNO, ORQT: '3', ALQT: '3', ORST: '33' }),
    ]);
    const balance = after.balances.find((entry) => entry.ITNO === first.ITNO && entry.WHLO === '100');
    expect(Number(balance?.ALQT)).toBe(Number(first.ALQT) + 2);
  });

  it('names the line M3 refused and leaves no customer order', async () => {
    bench = await startM3NodeBench();
    const { order } = await orderFixture(bench);
    const broken = { ...order, lines: [...order.lines, { ITNO: 'LAMP-009', ORQT: 1 }] };
    const trace = await bench.run([m3Node('order', 'm3.createCustomerOrder')], ['start -> order'], [broken]);
    expect(trace.error).toMatchObject({ code: 'CONNECTOR_VALIDATION', remote: { field: 'ITNO' } });
    expect(trace.error?.message).toMatch(
      /^Line 3 \(LAMP-009\) of batch order \d{10}: Infor M3 OIS100MI\/AddBatchLine/,
    );
    const after = (await bench.state()) as M3TestState;
    expect(after.orders.some((entry) => entry.CUOR === '3DC-100245')).toBe(false);
  });

  it('refuses an order without lines before calling M3', async () => {
    bench = await startM3NodeBench();
    const { order } = await orderFixture(bench);
    const trace = await bench.run(
      [m3Node('order', 'm3.createCustomerOrder')],
      ['start -> order'],
      [{ ...order, lines: [] }],
    );
    expect(trace.error).toMatchObject({ code: 'INPUT_INVALID', path: 'lines' });
    expect(bench.m3.sent).toHaveLength(0);
  });

  it('in dry-run records head, lines and Confirm and creates nothing', async () => {
    bench = await startM3NodeBench();
    const { order } = await orderFixture(bench);
    const trace = await bench.run([m3Node('order', 'm3.createCustomerOrder')], ['start -> order'], [order], {
      dryRun: true,
    });
    expect(outputOf(trace, 'order')).toEqual([
      {
        orderNumber: null,
        batchOrderNumber: null,
        batchStatus: null,
        lines: expect.any(Array),
        dryRun: true,
      },
    ]);
    const calls = trace.nodes.find((entry) => entry.nodeId === 'order')?.http ?? [];
    expect(calls).toHaveLength(4);
    expect(calls.every((call) => call.dryRun)).toBe(true);
    expect(calls[1]?.url).toContain('ORNO=DRYRUN');
    expect(bench.m3.sent).toHaveLength(0);
  });
});
