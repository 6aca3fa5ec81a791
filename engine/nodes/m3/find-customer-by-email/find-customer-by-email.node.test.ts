import { afterEach, describe, expect, it } from 'vitest';
import type { M3TestState } from '../../../simulators/m3/m3-test-client.ts';
import { type M3NodeBench, m3Node, outputOf, startM3NodeBench } from '../m3-node-test-bench.ts';

let bench: M3NodeBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

//  start ─▶ find ─┬─ found
//                 └─ notFound
describe('m3.findCustomerByEmail', () => {
  for (const method of ['search', 'scan'] as const) {
    it(`finds customers by MAIL ignoring case (${method}) and passes the others on as not found`, async () => {
      bench = await startM3NodeBench();
      const customer = ((await bench.state()) as M3TestState).customers[3];
      const node = m3Node('find', 'm3.findCustomerByEmail', {
        email: '{{ BillingEmail }}',
        method,
        pageSize: 20,
        outputField: 'customer',
      });
      const known = { BillingEmail: ` ${customer?.MAIL?.toUpperCase()} `, OrderID: 1 };
      const unknown = { BillingEmail: 'nobody@example.com', OrderID: 2 };
      const trace = await bench.run([node], ['start -> find'], [known, unknown]);
      expect(outputOf(trace, 'find', 'found')).toEqual([
        { ...known, customer: expect.objectContaining({ CUNO: customer?.CUNO, MAIL: customer?.MAIL }) },
      ]);
      expect(outputOf(trace, 'find', 'notFound')).toEqual([unknown]);
    });
  }

  it('scans page by page with the CUNO start key', async () => {
    bench = await startM3NodeBench();
    const state = (await bench.state()) as M3TestState;
    const node = m3Node('find', 'm3.findCustomerByEmail', { method: 'scan', pageSize: 10 });
    await bench.run([node], ['start -> find'], [{ BillingEmail: 'nobody@example.com' }]);
    expect(bench.m3.sent).toHaveLength(Math.floor(state.customers.length / 10) + 1);
    expect(bench.m3.sent[1]?.query).toMatchObject({ maxrecs: '11', CUNO: state.customers[9]?.CUNO });
  });
});
