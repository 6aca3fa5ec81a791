import { afterEach, describe, expect, it } from 'vitest';
import type { M3TestState } from '../../../simulators/m3/m3-test-client.ts';
import { type M3NodeBench, m3Node, outputOf, startM3NodeBench } from '../m3-node-test-bench.ts';

let bench: M3NodeBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

//  start ─▶ customer (m3.getCustomer)
describe('m3.getCustomer', () => {
  it('reads each item’s customer with CRS610MI/GetBasicData', async () => {
    bench = await startM3NodeBench();
    const state = (await bench.state()) as M3TestState;
    const [first, second] = state.customers;
    const node = m3Node('customer', 'm3.getCustomer', { customerNumber: '{{ order.customerNumber }}' });
    const items = [first, second].map((customer) => ({ order: { customerNumber: customer?.CUNO ?? '' } }));
    const trace = await bench.run([node], ['start -> customer'], items);
    expect(trace.status).toBe('succeeded');
    expect(outputOf(trace, 'customer')).toEqual([
      expect.objectContaining({ CUNO: first?.CUNO, MAIL: first?.MAIL, CUNM: first?.CUNM }),
      expect.objectContaining({ CUNO: second?.CUNO, MAIL: second?.MAIL }),
    ]);
  });

  it('goes through the ION API with one token for the whole run and can keep the item', async () => {
    bench = await startM3NodeBench();
    const state = (await bench.state()) as M3TestState;
    const customers = state.customers.slice(0, 4);
    const node = m3Node('customer', 'm3.getCustomer', { outputField: 'm3.customer' }, 'm3-ion');
    const trace = await bench.run(
      [node],
      ['start -> customer'],
      customers.map(({ CUNO }) => ({ CUNO: CUNO ?? '' })),
    );
    expect(outputOf(trace, 'customer')).toEqual(
      customers.map(({ CUNO }) => ({ CUNO, m3: { customer: expect.objectContaining({ CUNO }) } })),
    );
    expect(bench.m3.tokenRequests()).toBe(1);
    // The vault holds the .ionapi file as JSON text; its secrets are masked in the token request.
    const [token] = trace.nodes.find((entry) => entry.nodeId === 'customer')?.http ?? [];
    expect(token?.requestBody).toContain('&password=***&');
    expect(token?.requestBody).toContain('&client_secret=***');
    const { ion } = bench.m3.simulator.credentials();
    expect(JSON.stringify(trace)).not.toContain(ion.serviceAccountSecretKey);
    expect(JSON.stringify(trace)).not.toContain(ion.clientSecret);
    // The service-account access key travels form-encoded (`#` as `%23`); neither spelling may show.
    expect(JSON.stringify(trace)).not.toContain(ion.serviceAccountAccessKey);
    expect(JSON.stringify(trace)).not.toContain(encodeURIComponent(ion.serviceAccountAccessKey));
  });

  it('fails the item with CONNECTOR_VALIDATION and M3’s message for an unknown customer', async () => {
    bench = await startM3NodeBench();
    const trace = await bench.run(
      [m3Node('customer', 'm3.getCustomer')],
      ['start -> customer'],
      [{ CUNO: 'NOSUCH' }],
    );
    expect(trace.error).toMatchObject({
      code: 'CONNECTOR_VALIDATION',
      nodeId: 'customer',
      remote: { code: 'XIM0002', field: 'CUNO', message: 'Customer number NOSUCH is invalid' },
    });
  });
});
