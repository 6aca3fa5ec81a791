import { afterEach, describe, expect, it } from 'vitest';
import { exchangesOf, outputOf, startBench, type ThreeDCartBench } from '../threedcart-test-bench.ts';

let bench: ThreeDCartBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

const newCustomer = {
  Email: 'dana.smith@example.com',
  BillingFirstName: 'Dana',
  BillingLastName: 'Smith',
  BillingAddress1: '100 Main Street',
  BillingCity: 'Springfield',
  AdditionalField1: 'SAGE-CUST-0042',
};

describe('threedcart.saveCustomer', () => {
  // start ─▶ node ─▶ (saved)
  it('upserts by e-mail: creates a new customer, then updates it', async () => {
    bench = await startBench();
    const { runNode, running } = bench;
    const created = await runNode('threedcart.saveCustomer', {}, [newCustomer]);
    expect(created.status).toBe('succeeded');
    const stored = running.simulator
      .state()
      .customers.find((customer) => customer.Email === newCustomer.Email);
    expect(stored).toMatchObject({ BillingFirstName: 'Dana', AdditionalField1: 'SAGE-CUST-0042' });
    expect(outputOf(created)).toEqual([
      {
        action: 'created',
        CustomerID: stored?.CustomerID ?? -1,
        Email: newCustomer.Email,
        dryRun: false,
        response: [
          {
            Key: 'CustomerID',
            Value: String(stored?.CustomerID),
            Status: '201',
            Message: 'Created successfully',
          },
        ],
      },
    ]);

    const updated = await runNode('threedcart.saveCustomer', {}, [
      { Email: 'DANA.SMITH@example.com', BillingCity: 'Chicago' },
    ]);
    expect(outputOf(updated)[0]).toMatchObject({ action: 'updated', CustomerID: stored?.CustomerID });
    const after = running.simulator
      .state()
      .customers.find((customer) => customer.CustomerID === stored?.CustomerID);
    expect(after).toMatchObject({ BillingCity: 'Chicago', BillingFirstName: 'Dana' });
    expect(exchangesOf(updated).map((exchange) => exchange.method)).toEqual(['GET', 'PUT']);
  });

  // start ─▶ node ─▶ (saved)
  it('updates by CustomerID a record read from 3dcart without writing back its password hash', async () => {
    bench = await startBench();
    const { runNode, running } = bench;
    const customer = running.simulator.state().customers[2];
    const trace = await runNode(
      'threedcart.saveCustomer',
      { mode: 'update', customer: '$merge([$, {"Comments": "VIP"}])' },
      [customer ?? null],
    );
    expect(trace.status).toBe('succeeded');
    const body = exchangesOf(trace)[0]?.requestBody;
    expect(body).toMatchObject({ Comments: 'VIP' });
    expect(body).not.toHaveProperty('Password');
    expect(body).not.toHaveProperty('CustomerID');
    const after = running.simulator.state().customers[2];
    expect(after).toMatchObject({ Comments: 'VIP', Password: customer?.Password });
  });

  // start ─▶ node ─▶ (saved)
  it('in dry-run creates nothing and reports the simulated response', async () => {
    bench = await startBench();
    const { runNode, running } = bench;
    const before = running.simulator.state().customers.length;
    const trace = await runNode('threedcart.saveCustomer', { mode: 'create' }, [newCustomer], {
      dryRun: true,
    });
    expect(running.simulator.state().customers).toHaveLength(before);
    expect(outputOf(trace)[0]).toMatchObject({
      action: 'created',
      CustomerID: null,
      dryRun: true,
      simulatedResponse: { dryRun: true, request: { method: 'POST', body: newCustomer } },
    });
  });

  it('refuses a customer without e-mail before calling 3dcart', async () => {
    bench = await startBench();
    const trace = await bench.runNode('threedcart.saveCustomer', { mode: 'create' }, [
      { BillingFirstName: 'X' },
    ]);
    expect(trace.error).toMatchObject({ code: 'INPUT_INVALID', message: 'A new customer needs an Email' });
    expect(bench.sent).toHaveLength(0);
  });
});
