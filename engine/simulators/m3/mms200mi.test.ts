import { describe, expect, it } from 'vitest';
import { simulatorStarter } from './m3-test-client.ts';

const start = simulatorStarter();

describe('MMS200MI', () => {
  it('Get and GetItmBasic read a catalog item', async () => {
    const m3 = await start();
    const itemNumber = (await m3.state()).balances[0]?.ITNO ?? '';
    const item = await m3.record('MMS200MI', 'Get', { ITNO: itemNumber });
    expect(item).toMatchObject({ ITNO: itemNumber, STAT: '20', UNMS: 'EA' });
    expect(item.ITDS?.length).toBeLessThanOrEqual(30);
    expect(await m3.record('MMS200MI', 'GetItmBasic', { ITNO: itemNumber })).toEqual(item);
    const unknown = await m3.v2('MMS200MI', 'Get', { ITNO: 'NOSUCHITEM' });
    expect(unknown.body.results[0]).toMatchObject({ errorType: 'ServerReturnedNOK', errorField: 'ITNO' });
  });

  it('GetItmWhsBal answers STQT, ALQT, AVAL, AV01, AV02 with AVAL = STQT − ALQT (E6)', async () => {
    const m3 = await start();
    const balances = (await m3.state()).balances;
    const withAllocation = balances.find((balance) => Number(balance.ALQT) > 0);
    expect(withAllocation).toBeDefined();
    const record = await m3.record('MMS200MI', 'GetItmWhsBal', {
      WHLO: withAllocation?.WHLO ?? '',
      ITNO: withAllocation?.ITNO ?? '',
      returncols: 'WHLO,ITNO,STQT,ALQT,AVAL,AV01,AV02',
    });
    expect(Object.keys(record)).toEqual(['WHLO', 'ITNO', 'STQT', 'ALQT', 'AVAL', 'AV01', 'AV02']);
    expect(Number(record.AVAL)).toBe(Number(record.STQT) - Number(record.ALQT));
    expect(record.AV01).toBe(record.AVAL);
    expect(Number(record.AV02)).toBeLessThanOrEqual(Number(record.STQT));
  });

  it('GetItmWhsBal tells an unknown warehouse from an item not stocked there', async () => {
    const m3 = await start();
    const balances = (await m3.state()).balances;
    const notIn300 = balances.find(
      (balance) => !balances.some((other) => other.ITNO === balance.ITNO && other.WHLO === '300'),
    );
    const itemNumber = notIn300?.ITNO ?? '';
    const missing = await m3.v2('MMS200MI', 'GetItmWhsBal', { ITNO: itemNumber });
    expect(missing.body.results[0]).toMatchObject({
      errorType: 'MandatoryInputFieldNotFound',
      errorField: 'WHLO',
    });
    const warehouse = await m3.v2('MMS200MI', 'GetItmWhsBal', { WHLO: '999', ITNO: itemNumber });
    expect(warehouse.body.results[0]?.errorMessage).toBe('Warehouse 999 does not exist');
    const notStocked = await m3.v2('MMS200MI', 'GetItmWhsBal', { WHLO: '300', ITNO: itemNumber });
    expect(notStocked.body.results[0]?.errorMessage).toBe(
      `Item number ${itemNumber} does not exist in warehouse 300`,
    );
  });
});
