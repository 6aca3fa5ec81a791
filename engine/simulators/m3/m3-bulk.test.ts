import { describe, expect, it } from 'vitest';
import { type M3TestClient, simulatorStarter, type V2Json } from './m3-test-client.ts';

const start = simulatorStarter();

async function bulk(m3: M3TestClient, body: unknown, query = 'format=COMPACT&maxrecs=0&cono=100') {
  const response = await fetch(`${m3.url}/m3api-rest/v2/execute?${query}`, {
    method: 'POST',
    headers: { authorization: m3.authorization, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as V2Json };
}

describe('v2 bulk execute', () => {
  it('runs the transactions in order and reports each, failures inside HTTP 200', async () => {
    const m3 = await start();
    const state = await m3.state();
    const stocked = state.balances.filter((balance) => balance.WHLO === '100' && Number(balance.AVAL) >= 2);
    const customerNumber = state.customers.find((customer) => customer.CUNO !== 'TMPLWEB')?.CUNO ?? '';
    const [{ ORNO = '' } = {}] = await m3.records('OIS100MI', 'AddBatchHead', { CUNO: customerNumber });
    const { status, body } = await bulk(m3, {
      program: 'OIS100MI',
      cono: 100,
      transactions: [
        { transaction: 'AddBatchLine', record: { ORNO, ITNO: stocked[0]?.ITNO, ORQT: 1 } },
        { transaction: 'AddBatchLine', record: { ORNO, ITNO: 'NOSUCHITEM', ORQT: '1' } },
        {
          transaction: 'AddBatchLine',
          record: { ORNO, ITNO: stocked[1]?.ITNO, ORQT: '2' },
          selectedColumns: ['PONR'],
        },
        { transaction: 'AddLine', record: { ORNO } },
      ],
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      wasTerminated: false,
      nrOfSuccessfullTransactions: 2,
      nrOfFailedTransactions: 2,
    });
    expect(body.results).toEqual([
      { transaction: 'AddBatchLine', records: [{ PONR: '1', POSX: '0', ATNR: '0' }] },
      {
        transaction: 'AddBatchLine',
        errorMessage: 'Item number NOSUCHITEM does not exist',
        errorType: 'ServerReturnedNOK',
        errorCode: expect.any(String),
        errorField: 'ITNO',
        records: [],
      },
      { transaction: 'AddBatchLine', records: [{ PONR: '2' }] },
      expect.objectContaining({ transaction: 'AddLine', errorType: 'TransactionNotFound', records: [] }),
    ]);
    expect((await m3.record('OIS100MI', 'GetBatchHead', { ORNO })).NOLN).toBe('2');
  });

  it('applies maxReturnedRecords and the company check from the body', async () => {
    const m3 = await start();
    const listed = await bulk(m3, {
      program: 'CRS610MI',
      maxReturnedRecords: 2,
      transactions: [
        { transaction: 'LstByNumber' },
        { transaction: 'GetBasicData', record: { CUNO: 'TMPLWEB' } },
      ],
    });
    expect(listed.body.results[0]?.records).toHaveLength(2);
    expect(listed.body.results[1]?.records[0]?.CUNO).toBe('TMPLWEB');
    const company = await bulk(
      m3,
      { program: 'CRS610MI', cono: 7, transactions: [{ transaction: 'LstByNumber' }] },
      '',
    );
    expect(company.body.results[0]).toMatchObject({ errorCode: 'XAU0008', errorField: 'CONO' });
  });

  it('refuses an unreadable body with 400 and wasTerminated, and needs credentials', async () => {
    const m3 = await start();
    const invalid = await bulk(m3, { transactions: [] });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ wasTerminated: true, nrOfSuccessfullTransactions: 0 });
    expect(invalid.body.terminationReason).toContain('program');
    const anonymous = await fetch(`${m3.url}/m3api-rest/v2/execute`, { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(401);
    expect(
      (await fetch(`${m3.url}/m3api-rest/v2/execute`, { headers: { authorization: m3.authorization } }))
        .status,
    ).toBe(405);
  });
});
