import { afterEach, describe, expect, it } from 'vitest';
import type { M3TestState } from '../../../simulators/m3/m3-test-client.ts';
import { type M3NodeBench, m3Node, outputOf, startM3NodeBench } from '../m3-node-test-bench.ts';

let bench: M3NodeBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

//  poll (m3.pollChanges) ─┬─ main       changed records
//                         └─ watermark  { watermark }
describe('m3.pollChanges', () => {
  it('emits the customers changed since the watermark, then the new watermark', async () => {
    bench = await startM3NodeBench();
    const { customers } = (await bench.state()) as M3TestState;
    const since = [...customers.map((customer) => customer.LMDT ?? '')].sort().at(-10) ?? '';
    const expected = customers.filter((customer) => (customer.LMDT ?? '') >= since);
    const poll = m3Node('poll', 'm3.pollChanges', { entity: 'customers', pageSize: 25 });
    const trace = await bench.run([poll], [], [{ since }], { trigger: 'poll' });
    expect(trace.status).toBe('succeeded');
    const polled = outputOf(trace, 'poll');
    expect(polled.map((record) => (record as { CUNO: string }).CUNO).sort()).toEqual(
      expected.map((customer) => customer.CUNO).sort(),
    );
    const latest = expected
      .map((customer) => customer.LMDT ?? '')
      .sort()
      .at(-1);
    expect(outputOf(trace, 'poll', 'watermark')).toEqual([{ watermark: latest }]);
    expect(bench.m3.sent.length).toBe(Math.floor(customers.length / 25) + 1);
  });

  it('picks up a customer changed today on the next poll and keeps the watermark when nothing changed', async () => {
    bench = await startM3NodeBench();
    const poll = m3Node('poll', 'm3.pollChanges', {}, 'm3-ion');
    const quiet = await bench.run([poll], [], [{ since: '20261122' }], { trigger: 'poll' });
    expect(outputOf(quiet, 'poll')).toEqual([]);
    expect(outputOf(quiet, 'poll', 'watermark')).toEqual([{ watermark: '20261122' }]);
    const [customer] = ((await bench.state()) as M3TestState).customers;
    const change = m3Node('change', 'm3.changeCustomer', {}, 'm3-ion');
    await bench.run([change], ['start -> change'], [{ CUNO: customer?.CUNO ?? '', TOWN: 'Boston' }]);
    const next = await bench.run([poll], [], [{ since: '20261122' }], { trigger: 'poll' });
    expect(outputOf(next, 'poll')).toEqual([
      expect.objectContaining({ CUNO: customer?.CUNO, TOWN: 'Boston' }),
    ]);
  });

  it('emits the orders of the given customers entered since the watermark', async () => {
    bench = await startM3NodeBench();
    const { orders } = (await bench.state()) as M3TestState;
    const dates = orders.map((order) => order.ORDT ?? '').sort();
    const since = dates[2] ?? '';
    const customerNumbers = orders.map((order) => order.CUNO ?? '');
    const poll = m3Node('poll', 'm3.pollChanges', { entity: 'orders', customerNumbers });
    const trace = await bench.run([poll], [], [{ since }], { trigger: 'poll' });
    const expected = orders.filter((order) => (order.ORDT ?? '') >= since);
    expect(outputOf(trace, 'poll')).toEqual(
      expect.arrayContaining(
        expected.map((order) => expect.objectContaining({ ORNO: order.ORNO, CUNO: order.CUNO })),
      ),
    );
    expect(outputOf(trace, 'poll')).toHaveLength(expected.length);
    expect(outputOf(trace, 'poll', 'watermark')).toEqual([{ watermark: dates.at(-1) }]);
  });

  it('refuses a watermark that is not YYYYMMDD', async () => {
    bench = await startM3NodeBench();
    const poll = m3Node('poll', 'm3.pollChanges');
    const trace = await bench.run([poll], [], [{ since: '2026-11-22' }], { trigger: 'poll' });
    expect(trace.error).toMatchObject({ code: 'INPUT_INVALID', path: 'since' });
    expect(bench.m3.sent).toHaveLength(0);
  });
});
