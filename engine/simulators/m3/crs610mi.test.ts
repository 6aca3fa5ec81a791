import { describe, expect, it } from 'vitest';
import { simulatorStarter } from './m3-test-client.ts';

const TODAY = Date.UTC(2026, 10, 22, 9, 0, 0);
const start = simulatorStarter(() => ({ clock: () => TODAY }));

const JANE = {
  CUTM: 'TMPLWEB',
  CUNO: 'WEB000123',
  CUNM: 'Jane Doe',
  CUA1: '12 Main St',
  TOWN: 'Austin',
  ECAR: 'TX',
  PONO: '78701',
  CSCD: 'US',
  MAIL: 'jane@example.com',
};

describe('CRS610MI', () => {
  it('Add creates a customer from the template and GetBasicData reads it back (reference E5)', async () => {
    const m3 = await start();
    expect(await m3.records('CRS610MI', 'Add', JANE)).toEqual([{ CUNO: 'WEB000123', ERRM: '' }]);
    const customer = await m3.record('CRS610MI', 'GetBasicData', {
      CUNO: 'WEB000123',
      returncols: 'CUNO,CUNM,CUA1,CUA2,TOWN,ECAR,PONO,CSCD,PHNO,MAIL,STAT,CUCD,RGDT,LMDT',
    });
    expect(customer).toEqual({
      CUNO: 'WEB000123',
      CUNM: 'Jane Doe',
      CUA1: '12 Main St',
      CUA2: '',
      TOWN: 'Austin',
      ECAR: 'TX',
      PONO: '78701',
      CSCD: 'US',
      PHNO: '',
      MAIL: 'jane@example.com',
      STAT: '20',
      CUCD: 'USD',
      RGDT: '20261122',
      LMDT: '20261122',
    });
    // Order settings come from the template, so AddBatchHead can default ORTP/WHLO for the new customer.
    const listed = await m3.record('CRS610MI', 'LstByNumber', { CUNO: 'WEB000123', maxrecs: '1' });
    expect(listed).toMatchObject({ CUNO: 'WEB000123', ORTP: 'WEB', WHLO: '100', TEPY: '30' });
  });

  it('Add requires CUTM, CUNM and CUA1 and refuses an unknown template or a taken number', async () => {
    const m3 = await start();
    for (const field of ['CUTM', 'CUNM', 'CUA1'] as const) {
      const { [field]: _omitted, ...rest } = JANE;
      const { body } = await m3.v2('CRS610MI', 'Add', rest);
      expect(body.results[0]).toMatchObject({ errorType: 'MandatoryInputFieldNotFound', errorField: field });
    }
    const template = await m3.v2('CRS610MI', 'Add', { ...JANE, CUTM: 'NOTEMPLATE' });
    expect(template.body.results[0]).toMatchObject({ errorCode: 'XIM0002', errorField: 'CUTM' });
    const taken = await m3.v2('CRS610MI', 'Add', { ...JANE, CUNO: '10000001' });
    expect(taken.body.results[0]).toMatchObject({ errorType: 'ServerReturnedNOK', errorField: 'CUNO' });
    const tooLong = await m3.v2('CRS610MI', 'Add', { ...JANE, CUNM: 'x'.repeat(37) });
    expect(tooLong.body.results[0]).toMatchObject({ errorType: 'InputFieldTooLong', errorField: 'CUNM' });
  });

  it('Add numbers the customer when CUNO is omitted', async () => {
    const m3 = await start();
    const { CUNO: _omitted, ...withoutNumber } = JANE;
    const [first] = await m3.records('CRS610MI', 'Add', withoutNumber);
    const [second] = await m3.records('CRS610MI', 'Add', withoutNumber);
    expect(first?.CUNO).toMatch(/^\d{8}$/);
    expect(Number(second?.CUNO)).toBe(Number(first?.CUNO) + 1);
  });

  it('GetBasicData refuses an unknown customer with XIM0002 in v1 and v2', async () => {
    const m3 = await start();
    const v1 = await m3.v1('CRS610MI', 'GetBasicData', { CUNO: 'NOBODY' }, ';righttrim=true');
    expect(v1.status).toBe(200);
    expect(v1.body).toEqual({
      Message: 'Customer number NOBODY is invalid',
      '@type': 'ServerReturnedNOK',
      '@code': 'XIM0002',
      '@cfg': null,
      '@field': 'CUNO',
    });
    const v2 = await m3.v2('CRS610MI', 'GetBasicData', { CUNO: 'NOBODY' });
    expect(v2.status).toBe(400);
    expect(v2.body.results[0]).toEqual({
      transaction: 'GetBasicData',
      errorMessage: 'Customer number NOBODY is invalid',
      errorType: 'ServerReturnedNOK',
      errorCode: 'XIM0002',
      errorField: 'CUNO',
      records: [],
    });
  });

  it('ChgBasicData changes given fields, leaves blank ones and clears "?" ones', async () => {
    const m3 = await start({ clock: () => TODAY + 86_400_000 });
    const before = await m3.record('CRS610MI', 'GetBasicData', { CUNO: '10000001' });
    expect(
      await m3.records('CRS610MI', 'ChgBasicData', {
        CUNO: '10000001',
        MAIL: 'new@example.com',
        CUNM: '',
        CUA2: '?',
      }),
    ).toEqual([]);
    const after = await m3.record('CRS610MI', 'GetBasicData', { CUNO: '10000001' });
    expect(after).toEqual({ ...before, MAIL: 'new@example.com', CUA2: '', LMDT: '20261123' });
    const unknown = await m3.v2('CRS610MI', 'ChgBasicData', { CUNO: 'NOBODY', MAIL: 'x@example.com' });
    expect(unknown.body.results[0]?.errorCode).toBe('XIM0002');
  });

  it('LstByNumber lists customers in number order from the CUNO start key', async () => {
    const m3 = await start();
    const all = await m3.records('CRS610MI', 'LstByNumber');
    const numbers = all.map((customer) => customer.CUNO ?? '');
    expect(numbers).toEqual([...numbers].sort());
    expect(numbers).toContain('TMPLWEB');
    const fromStart = await m3.records('CRS610MI', 'LstByNumber', { CUNO: numbers[3] ?? '' });
    expect(fromStart.map((customer) => customer.CUNO)).toEqual(numbers.slice(3));
  });

  it('SearchCustomer finds by e-mail, by wildcard and by name word; refuses unsearchable fields', async () => {
    const m3 = await start();
    await m3.records('CRS610MI', 'Add', JANE);
    const byMail = await m3.records('CRS610MI', 'SearchCustomer', { SQRY: 'MAIL:jane@example.com' });
    expect(byMail.map((customer) => customer.CUNO)).toEqual(['WEB000123']);
    expect(await m3.records('CRS610MI', 'SearchCustomer', { SQRY: 'CUNO:WEB* TOWN:austin' })).toHaveLength(1);
    expect(await m3.records('CRS610MI', 'SearchCustomer', { SQRY: 'Doe' })).toHaveLength(1);
    expect(await m3.records('CRS610MI', 'SearchCustomer', { SQRY: 'MAIL:"nobody@example.com"' })).toEqual([]);
    const withoutMail = await start({ behaviour: { searchableCustomerFields: ['CUNO', 'CUNM'] } });
    const refused = await withoutMail.v2('CRS610MI', 'SearchCustomer', { SQRY: 'MAIL:jane@example.com' });
    expect(refused.body.results[0]).toMatchObject({ errorType: 'ServerReturnedNOK', errorField: 'SQRY' });
    const missing = await withoutMail.v2('CRS610MI', 'SearchCustomer');
    expect(missing.body.results[0]).toMatchObject({
      errorType: 'MandatoryInputFieldNotFound',
      errorField: 'SQRY',
    });
  });
});
