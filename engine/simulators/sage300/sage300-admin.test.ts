import { afterEach, describe, expect, it } from 'vitest';
import { createSage300Simulator } from './sage300-simulator.ts';
import { entryOf, isObject, startTestSimulator, type TestSimulator } from './sage300-test-client.ts';

let simulator: TestSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function adminState(test: TestSimulator): Promise<unknown> {
  return (await test.callPath('GET', '/_admin/state')).json;
}

describe('Sage 300 simulator state and reset', () => {
  it('shows orders, customers, item quantities and batches per company', async () => {
    simulator = await startTestSimulator();
    const state = await adminState(simulator);
    expect(isObject(state) && isObject(state.companies) ? Object.keys(state.companies) : []).toEqual([
      'SAMINC',
      'SAMLTD',
    ]);
    const company = isObject(state) && isObject(state.companies) ? state.companies.SAMINC : undefined;
    expect(isObject(company) ? Object.keys(company) : []).toEqual([
      'orders',
      'customers',
      'itemQuantities',
      'batches',
    ]);
  });

  it('restores exactly the seed on reset, over HTTP and in process', async () => {
    simulator = await startTestSimulator();
    const seed = await adminState(simulator);
    const { call, callPath } = simulator;
    await call('POST', '/AR/ARCustomers', { body: { CustomerNumber: 'NEW1', GroupCode: 'RTL' } });
    await call('PATCH', "/AR/ARCustomers('C000001')", { body: { City: 'Elsewhere' } });
    await call('POST', '/OE/OEOrders', {
      body: { CustomerNumber: 'C000001', OrderDetails: [{ Item: 'AP1001BL', QuantityOrdered: 1 }] },
    });
    await call('POST', '/GL/GLJournalBatches', { body: { Description: 'x' } });
    await call('POST', '/IC/ICItems', { body: { UnformattedItemNumber: 'NEW9', Category: 'HM' } });
    expect(await adminState(simulator)).not.toEqual(seed);
    expect((await callPath('POST', '/_admin/reset')).status).toBe(200);
    expect(await adminState(simulator)).toEqual(seed);
    expect((await call('GET', "/IC/ICItems('NEW9')")).status).toBe(404);
    const order = entryOf(
      await call('POST', '/OE/OEOrders', {
        body: { CustomerNumber: 'C000001', OrderDetails: [{ Item: 'AP1001BL', QuantityOrdered: 1 }] },
      }),
    );
    expect([order.OrderUniquifier, order.OrderNumber]).toEqual([100007, 'ORD000007']);
    simulator.running.simulator.reset();
    expect(await adminState(simulator)).toEqual(seed);
  });

  it('gives the same data for the same seed and different data for another', () => {
    const state = (seed: number) => createSage300Simulator({ seed, now: () => new Date(0) }).state();
    expect(state(7)).toEqual(state(7));
    expect(state(7)).not.toEqual(state(8));
  });

  it('returns a copy of the state that callers cannot change', () => {
    const definition = createSage300Simulator();
    const first = definition.state();
    if (isObject(first)) first.companies = {};
    expect(definition.state()).not.toEqual(first);
  });

  it('lists credentials with WEBAPI on SAMINC first', () => {
    expect(createSage300Simulator().credentials()[0]).toEqual({
      company: 'SAMINC',
      user: 'WEBAPI',
      password: 'WEBAPI',
    });
  });
});
