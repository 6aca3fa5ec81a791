import { afterEach, describe, expect, it } from 'vitest';
import { outputOf, startBench, type ThreeDCartBench } from '../threedcart-test-bench.ts';

let bench: ThreeDCartBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

describe('threedcart.getCustomer', () => {
  // start ─▶ node ─▶ (customer) / (notFound)
  it('finds the customer of an order by its BillingEmail, in any case', async () => {
    bench = await startBench();
    const { runNode, running } = bench;
    const customer = running.simulator.state().customers[4];
    if (!customer) throw new Error('No seed customer');
    const trace = await runNode('threedcart.getCustomer', {}, [
      { OrderID: 1, BillingEmail: customer.Email.toUpperCase() },
      { OrderID: 2, BillingEmail: 'guest@example.com' },
    ]);
    expect(trace.status).toBe('succeeded');
    expect(outputOf(trace)).toEqual([customer]);
    expect(outputOf(trace, 'notFound')).toEqual([{ OrderID: 2, BillingEmail: 'guest@example.com' }]);
  });

  // start ─▶ node ─▶ (customer) / (notFound)
  it('reads a customer by id; a guest (CustomerID 0) is not found', async () => {
    bench = await startBench();
    const { runNode, running } = bench;
    const customer = running.simulator.state().customers[9];
    if (!customer) throw new Error('No seed customer');
    const trace = await runNode('threedcart.getCustomer', { mode: 'id' }, [
      { CustomerID: customer.CustomerID },
      { CustomerID: 0 },
    ]);
    expect(outputOf(trace)).toEqual([customer]);
    expect(outputOf(trace, 'notFound')).toEqual([{ CustomerID: 0 }]);
  });
});
