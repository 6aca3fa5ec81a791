import { describe, expect, it } from 'vitest';
import { simulatorStarter, type V1Json, type V2Json } from './m3-test-client.ts';

const start = simulatorStarter();

/** v1 records as plain objects. */
function v1Records(body: V1Json): Record<string, string>[] {
  return (body.MIRecord ?? []).map((record) =>
    Object.fromEntries(record.NameValue.map((nv) => [nv.Name, nv.Value])),
  );
}

describe('m3api-rest execute endpoints', () => {
  it('answers the same call in the v1 MIRecord/NameValue shape and the v2 results/records shape', async () => {
    const m3 = await start();
    const v1 = await m3.v1('CRS610MI', 'GetBasicData', { CUNO: 'TMPLWEB' }, ';righttrim=true');
    const v2 = await m3.v2('CRS610MI', 'GetBasicData', { CUNO: 'TMPLWEB' });
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ Program: 'CRS610MI', Transaction: 'GetBasicData' });
    expect(v1.body.MIRecord?.[0]?.RowIndex).toBe(0);
    expect(v1.body.MIRecord?.[0]?.NameValue[3]).toEqual({ Name: 'CUNO', Value: 'TMPLWEB' });
    expect(v2.status).toBe(200);
    expect(v2.body).toEqual({
      results: [{ transaction: 'GetBasicData', records: v1Records(v1.body) }],
      wasTerminated: false,
      nrOfSuccessfullTransactions: 1,
      nrOfFailedTransactions: 0,
    });
    const record = v2.body.results[0]?.records[0] ?? {};
    expect(Object.values(record).every((value) => typeof value === 'string')).toBe(true);
    expect(record.RGDT).toMatch(/^\d{8}$/);
  });

  it('pads v1 alpha values to the field length unless righttrim=true, and never pads v2', async () => {
    const m3 = await start();
    const padded = v1Records((await m3.v1('CRS610MI', 'GetBasicData', { CUNO: 'TMPLWEB' })).body)[0];
    expect(padded?.CUNO).toBe('TMPLWEB   ');
    expect(padded?.CUNM).toHaveLength(36);
    expect(padded?.CONO).toBe('100');
    expect((await m3.record('CRS610MI', 'GetBasicData', { CUNO: 'TMPLWEB' })).CUNO).toBe('TMPLWEB');
  });

  it('applies matrix parameters: maxrecs (0 = all), returncols in order, metadata, excludempty', async () => {
    const m3 = await start();
    const all = await m3.v1('CRS610MI', 'LstByNumber', {}, ';maxrecs=0;righttrim=true');
    const customers = (await m3.state()).customers.length;
    expect(all.body.MIRecord).toHaveLength(customers);
    const two = await m3.v1('CRS610MI', 'LstByNumber', {}, ';metadata=true;maxrecs=2;returncols=MAIL,CUNO');
    expect(two.body.MIRecord).toHaveLength(2);
    expect(two.body.MIRecord?.[1]?.RowIndex).toBe(1);
    expect(two.body.MIRecord?.[0]?.NameValue.map((nv) => nv.Name)).toEqual(['MAIL', 'CUNO']);
    expect(two.body.Metadata?.Field).toEqual([
      { '@name': 'MAIL', '@type': 'A', '@length': 50, '@description': 'E-mail address' },
      { '@name': 'CUNO', '@type': 'A', '@length': 10, '@description': 'Customer number' },
    ]);
    const compact = await m3.v1('CRS610MI', 'GetBasicData', { CUNO: 'TMPLWEB' }, ';excludempty=true');
    expect(v1Records(compact.body)[0]).not.toHaveProperty('CUA2');
  });

  it('applies v2 query options: maxrecs, returncols, excludeempty, extendedresult; default maxrecs is 100', async () => {
    const m3 = await start();
    const customers = (await m3.state()).customers.length;
    expect(customers).toBeGreaterThan(3);
    expect((await m3.v2('CRS610MI', 'LstByNumber', { maxrecs: '3' })).body.results[0]?.records).toHaveLength(
      3,
    );
    expect((await m3.v2('CRS610MI', 'LstByNumber', { maxrecs: '0' })).body.results[0]?.records).toHaveLength(
      customers,
    );
    const columns = await m3.v2('CRS610MI', 'LstByNumber', {
      CUNO: '10000005',
      maxrecs: '1',
      returncols: 'CUNO,STAT',
    });
    expect(columns.body.results[0]?.records).toEqual([
      { CUNO: expect.stringMatching(/^1000000[5-9]$/), STAT: '20' },
    ]);
    const extended = await m3.v2('CRS610MI', 'GetBasicData', {
      CUNO: 'TMPLWEB',
      excludeempty: 'true',
      extendedresult: 'true',
    });
    expect(extended.body.results[0]?.parameters).toEqual({ CUNO: 'TMPLWEB' });
    expect(extended.body.results[0]?.records[0]).not.toHaveProperty('CUA2');
    const small = await start({ behaviour: { defaultMaxRecords: 2 } });
    expect((await small.v2('CRS610MI', 'LstByNumber')).body.results[0]?.records).toHaveLength(2);
  });

  it('ignores the SDK _rid cache buster and upper-cases field names', async () => {
    const m3 = await start();
    const answer = await m3.get<V2Json>('/m3api-rest/v2/execute/CRS610MI/GetBasicData?cuno=TMPLWEB&_rid=123');
    expect(answer.body.results[0]?.records[0]?.CUNO).toBe('TMPLWEB');
  });

  it('reports an unknown transaction or program as TransactionNotFound in both shapes', async () => {
    const m3 = await start();
    const v1 = await m3.v1('OIS100MI', 'AddHead', { CUNO: '10000001' }, ';righttrim=true');
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ '@type': 'TransactionNotFound', '@cfg': null });
    expect(v1.body.Message).toContain('AddHead');
    const v2 = await m3.v2('NOPE99MI', 'Get');
    expect(v2.status).toBe(400);
    expect(v2.body).toMatchObject({
      nrOfSuccessfullTransactions: 0,
      nrOfFailedTransactions: 1,
      wasTerminated: false,
    });
    expect(v2.body.results[0]).toMatchObject({
      transaction: 'Get',
      errorType: 'TransactionNotFound',
      records: [],
    });
  });

  it('reports a missing mandatory field with its name, v1 inside HTTP 200 with a padded message', async () => {
    const m3 = await start();
    const v1 = await m3.v1('CRS610MI', 'GetBasicData');
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({
      '@type': 'MandatoryInputFieldNotFound',
      '@field': 'CUNO',
      '@code': null,
    });
    expect(v1.body.Message).toMatch(/^Mandatory input field CUNO is missing {2,}$/);
    const v2 = await m3.v2('CRS610MI', 'GetBasicData', { CUNO: ' ' });
    expect(v2.body.results[0]).toMatchObject({
      errorType: 'MandatoryInputFieldNotFound',
      errorField: 'CUNO',
    });
  });

  it('refuses values that are too long, not numeric or not YYYYMMDD dates', async () => {
    const m3 = await start();
    const long = await m3.v2('CRS610MI', 'Add', { CUTM: 'TMPLWEB', CUNM: 'x', CUA1: 'y', ECAR: 'Tokyo' });
    expect(long.body.results[0]).toMatchObject({ errorType: 'InputFieldTooLong', errorField: 'ECAR' });
    const date = await m3.v2('OIS100MI', 'AddBatchHead', { CUNO: '10000001', ORDT: '2024-05-14' });
    expect(date.body.results[0]).toMatchObject({ errorType: 'ServerReturnedNOK', errorField: 'ORDT' });
    const number = await m3.v2('OIS100MI', 'GetLine', { ORNO: '0000010001', PONR: 'one' });
    expect(number.body.results[0]).toMatchObject({ errorType: 'ServerReturnedNOK', errorField: 'PONR' });
    const relaxed = await start({ behaviour: { enforceFieldLengths: false } });
    const accepted = await relaxed.v2('CRS610MI', 'Add', {
      CUTM: 'TMPLWEB',
      CUNM: 'x',
      CUA1: 'y',
      ECAR: 'Tokyo',
    });
    expect(accepted.status).toBe(200);
  });

  it('refuses another company with XAU0008, from the cono option or the CONO field', async () => {
    const m3 = await start();
    const v1 = await m3.v1('CRS610MI', 'GetBasicData', { CUNO: 'TMPLWEB' }, ';cono=0;righttrim=true');
    expect(v1.body).toEqual({
      Message: 'Not authorized for company 0',
      '@type': 'ServerReturnedNOK',
      '@code': 'XAU0008',
      '@cfg': null,
      '@field': 'CONO',
    });
    const v2 = await m3.v2('CRS610MI', 'GetBasicData', { CUNO: 'TMPLWEB', CONO: '200' });
    expect(v2.body.results[0]).toMatchObject({ errorCode: 'XAU0008', errorField: 'CONO' });
    expect((await m3.v2('CRS610MI', 'GetBasicData', { CUNO: 'TMPLWEB', cono: '100' })).status).toBe(200);
  });

  it('answers v2 errors with HTTP 200 when the tenant is set up that way', async () => {
    const m3 = await start({ behaviour: { v2ErrorStatus: 200, v1ErrorStatus: 500 } });
    const v2 = await m3.v2('CRS610MI', 'GetBasicData', { CUNO: 'NOBODY' });
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ nrOfFailedTransactions: 1 });
    expect((await m3.v1('CRS610MI', 'GetBasicData', { CUNO: 'NOBODY' })).status).toBe(500);
  });

  it('answers 404 for other paths and 405 for other verbs on execute paths', async () => {
    const m3 = await start();
    expect((await m3.get('/m3api-rest/execute/CRS610MI')).status).toBe(404);
    const posted = await fetch(`${m3.url}/m3api-rest/execute/CRS610MI/GetBasicData?CUNO=TMPLWEB`, {
      method: 'POST',
      headers: { authorization: m3.authorization },
    });
    expect(posted.status).toBe(405);
  });
});
