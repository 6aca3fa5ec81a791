import { describe, expect, it } from 'vitest';
import { simulatorStarter } from './m3-test-client.ts';

const start = simulatorStarter();

describe('MMS060MI', () => {
  it('LstViaItem lists the locations of an item in every warehouse, summing to the balances', async () => {
    const m3 = await start();
    const balances = (await m3.state()).balances;
    const itemNumber = balances.find((balance) => balance.WHLO === '200')?.ITNO ?? '';
    const itemBalances = balances.filter((balance) => balance.ITNO === itemNumber);
    const locations = await m3.records('MMS060MI', 'LstViaItem', {
      ITNO: itemNumber,
      returncols: 'WHLO,WHSL,BANO,STQT,ALQT,STAS',
    });
    expect(new Set(locations.map((location) => location.WHLO))).toEqual(
      new Set(itemBalances.map((balance) => balance.WHLO)),
    );
    for (const balance of itemBalances) {
      const here = locations.filter((location) => location.WHLO === balance.WHLO);
      expect(here.reduce((sum, location) => sum + Number(location.STQT), 0)).toBe(Number(balance.STQT));
      expect(here.every((location) => location.STAS === '2' && location.BANO === '')).toBe(true);
    }
    const only200 = await m3.records('MMS060MI', 'LstViaItem', { ITNO: itemNumber, WHLO: '200' });
    expect(only200.every((location) => location.WHLO === '200')).toBe(true);
    const unknown = await m3.v2('MMS060MI', 'LstViaItem', { ITNO: 'NOSUCHITEM' });
    expect(unknown.body.results[0]).toMatchObject({ errorField: 'ITNO' });
  });

  it('List lists a warehouse location by location, in item order, honouring maxrecs', async () => {
    const m3 = await start();
    const listed = await m3.records('MMS060MI', 'List', { WHLO: '300' });
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((location) => location.WHLO === '300')).toBe(true);
    const items = listed.map((location) => location.ITNO ?? '');
    expect(items).toEqual([...items].sort());
    expect(
      (await m3.v2('MMS060MI', 'List', { WHLO: '100', maxrecs: '5' })).body.results[0]?.records,
    ).toHaveLength(5);
    const unknown = await m3.v2('MMS060MI', 'List', { WHLO: '999' });
    expect(unknown.body.results[0]).toMatchObject({ errorField: 'WHLO' });
  });
});
