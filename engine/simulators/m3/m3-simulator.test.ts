import { describe, expect, it } from 'vitest';
import { createM3Simulator } from './m3-simulator.ts';
import { simulatorStarter } from './m3-test-client.ts';

const start = simulatorStarter();

describe('M3 simulator', () => {
  it('seeds customers (with the template), items in warehouses 100/200/300 and five orders', async () => {
    const m3 = await start();
    const state = await m3.state();
    expect(state.customers.map((customer) => customer.CUNO)).toContain('TMPLWEB');
    expect(state.customers.length).toBeGreaterThan(50);
    expect(new Set(state.balances.map((balance) => balance.WHLO))).toEqual(new Set(['100', '200', '300']));
    expect(state.orders.map((order) => order.ORNO)).toEqual([
      '0000010001',
      '0000010002',
      '0000010003',
      '0000010004',
      '0000010005',
    ]);
    const allocated = state.balances.reduce((sum, balance) => sum + Number(balance.ALQT), 0);
    const ordered = state.orders
      .flatMap((order) => order.lines)
      .reduce((sum, line) => sum + Number(line.ALQT), 0);
    expect(allocated).toBe(ordered);
  });

  it('builds the same seed for the same number and a different one for another', () => {
    const snapshot = (seed: number) => JSON.stringify(createM3Simulator({ seed }).state());
    expect(snapshot(7)).toBe(snapshot(7));
    expect(snapshot(7)).not.toBe(snapshot(8));
  });

  it('reset restores exactly the seed after writes, through the admin endpoint', async () => {
    const m3 = await start();
    const seed = await m3.state();
    await m3.records('CRS610MI', 'Add', { CUTM: 'TMPLWEB', CUNM: 'New', CUA1: 'Street 1' });
    const [{ ORNO = '' } = {}] = await m3.records('OIS100MI', 'AddBatchHead', { CUNO: 'TMPLWEB' });
    const stocked = seed.balances.find((balance) => balance.WHLO === '100' && Number(balance.AVAL) > 0);
    await m3.records('OIS100MI', 'AddBatchLine', { ORNO, ITNO: stocked?.ITNO ?? '', ORQT: '1' });
    await m3.records('OIS100MI', 'Confirm', { ORNO });
    expect(await m3.state()).not.toEqual(seed);
    expect((await fetch(`${m3.url}/_admin/reset`, { method: 'POST' })).status).toBe(200);
    expect(await m3.state()).toEqual(seed);
    // Number series start over too.
    expect((await m3.records('OIS100MI', 'AddBatchHead', { CUNO: 'TMPLWEB' }))[0]?.ORNO).toBe(ORNO);
  });

  it('answers injected faults in an M3-style body', async () => {
    const m3 = await start({ faults: { errorRate: 1, errorStatus: 503 } });
    const answer = await m3.v2('CRS610MI', 'GetBasicData', { CUNO: 'TMPLWEB' });
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ '@type': 'ServerError' });
  });

  it('hands out the credentials it accepts', () => {
    const credentials = createM3Simulator().credentials();
    expect(credentials).toMatchObject({
      company: '100',
      division: 'AAA',
      basic: { username: 'M3API', password: 'm3api-password' },
      ion: { tenant: 'BRIDGEFLOW_TST', tokenPath: '/BRIDGEFLOW_TST/as/token.oauth2' },
    });
  });
});
