import { describe, expect, it } from 'vitest';
import {
  type M3TestClient,
  type M3TestRecord,
  type M3TestState,
  simulatorStarter,
} from './m3-test-client.ts';

const TODAY = Date.UTC(2026, 10, 22, 9, 0, 0);
const start = simulatorStarter(() => ({ clock: () => TODAY }));

/** A warehouse-100 balance matching the condition, from the seed. */
function balanceWhere(state: M3TestState, condition: (allocatable: number) => boolean) {
  const balance = state.balances.find(
    (candidate) => candidate.WHLO === '100' && condition(Number(candidate.AVAL)),
  );
  if (balance === undefined) throw new Error('the seed has no such balance');
  return balance;
}

function firstCustomer(state: M3TestState): string {
  return state.customers.find((customer) => customer.CUNO !== 'TMPLWEB')?.CUNO ?? '';
}

async function warehouseBalance(m3: M3TestClient, itemNumber: string) {
  return m3.record('MMS200MI', 'GetItmWhsBal', { WHLO: '100', ITNO: itemNumber });
}

/** Allocation moved `quantity` from allocatable to allocated, in MITBAL and in its locations. */
async function expectAllocated(m3: M3TestClient, itemNumber: string, before: M3TestRecord, quantity: number) {
  const after = await warehouseBalance(m3, itemNumber);
  expect(Number(after.ALQT)).toBe(Number(before.ALQT) + quantity);
  expect(Number(after.AVAL)).toBe(Number(before.AVAL) - quantity);
  expect(Number(after.AV01)).toBe(Number(before.AV01) - quantity);
  expect(after.STQT).toBe(before.STQT);
  const locations = await m3.records('MMS060MI', 'LstViaItem', { ITNO: itemNumber, WHLO: '100' });
  expect(locations.reduce((sum, location) => sum + Number(location.ALQT), 0)).toBe(Number(after.ALQT));
}

describe('OIS100MI batch orders', () => {
  it('AddBatchHead → AddBatchLine → Confirm creates the order, allocates stock and answers STAT 90 (E4)', async () => {
    const m3 = await start();
    const state = await m3.state();
    const stocked = balanceWhere(state, (allocatable) => allocatable >= 5);
    const empty = balanceWhere(state, (allocatable) => allocatable === 0);
    const customerNumber = firstCustomer(state);
    const before = await warehouseBalance(m3, stocked.ITNO ?? '');

    const head = {
      CUNO: customerNumber,
      ORTP: 'WEB',
      FACI: 'A01',
      WHLO: '100',
      ORDT: '20240514',
      RLDT: '20240516',
    };
    const [{ ORNO: temporary = '' } = {}] = await m3.records('OIS100MI', 'AddBatchHead', {
      ...head,
      CUOR: '3DC-100245',
    });
    expect(temporary).toMatch(/^\d{10}$/);
    const line = { ORNO: temporary, ITNO: stocked.ITNO ?? '', ORQT: '2', WHLO: '100', SAPR: '19.95' };
    expect(await m3.records('OIS100MI', 'AddBatchLine', line)).toEqual([{ PONR: '1', POSX: '0', ATNR: '0' }]);
    const backordered = { ORNO: temporary, ITNO: empty.ITNO ?? '', ORQT: '3', SAPR: '5' };
    expect(await m3.records('OIS100MI', 'AddBatchLine', backordered)).toEqual([
      { PONR: '2', POSX: '0', ATNR: '0' },
    ]);
    expect((await m3.record('OIS100MI', 'GetBatchHead', { ORNO: temporary })).STAT).toBe('10');

    const confirmed = await m3.record('OIS100MI', 'Confirm', { ORNO: temporary });
    expect(confirmed.STAT).toBe('90');
    expect(confirmed.ORNO).toMatch(/^0000\d{6}$/);
    expect(confirmed.ORNO).not.toBe(temporary);
    const orderNumber = confirmed.ORNO ?? '';

    await expectAllocated(m3, stocked.ITNO ?? '', before, 2);

    expect(await m3.record('OIS100MI', 'GetHead', { ORNO: orderNumber })).toMatchObject({
      ORNO: orderNumber,
      CUNO: customerNumber,
      CUOR: '3DC-100245',
      ORTP: 'WEB',
      ORDT: '20240514',
      RLDT: '20240516',
      STAT: '20',
      ORSL: '22',
      ORST: '33',
      NTAM: '54.9',
    });
    const lines = await m3.records('OIS100MI', 'LstLine', {
      ORNO: orderNumber,
      returncols: 'PONR,ITNO,ORQT,ALQT,ORST',
    });
    expect(lines).toEqual([
      { PONR: '1', ITNO: stocked.ITNO, ORQT: '2', ALQT: '2', ORST: '33' },
      { PONR: '2', ITNO: empty.ITNO, ORQT: '3', ALQT: '0', ORST: '22' },
    ]);
    expect(await m3.record('OIS100MI', 'GetLine', { ORNO: orderNumber, PONR: '1' })).toMatchObject({
      NLAM: '39.9',
    });
    const orders = await m3.records('OIS100MI', 'LstHead', { CUNO: customerNumber });
    expect(orders.map((order) => order.ORNO)).toContain(orderNumber);
    expect(await m3.record('OIS100MI', 'GetOrderNo', { ORNO: temporary })).toEqual({ ORNR: orderNumber });
    expect((await m3.record('OIS100MI', 'GetBatchHead', { ORNO: temporary })).STAT).toBe('90');
  });

  it('answers the batch flow in the v1 shape too', async () => {
    const m3 = await start();
    const customerNumber = firstCustomer(await m3.state());
    const v1 = await m3.v1('OIS100MI', 'AddBatchHead', { CUNO: customerNumber }, ';maxrecs=0;cono=100');
    expect(v1.body).toEqual({
      Program: 'OIS100MI',
      Transaction: 'AddBatchHead',
      MIRecord: [{ RowIndex: 0, NameValue: [{ Name: 'ORNO', Value: expect.stringMatching(/^\d{10}$/) }] }],
    });
  });

  it('defaults ORTP, WHLO, FACI and dates from the customer and the clock, and price from the item', async () => {
    const m3 = await start();
    const state = await m3.state();
    const stocked = balanceWhere(state, (allocatable) => allocatable >= 1);
    const [{ ORNO = '' } = {}] = await m3.records('OIS100MI', 'AddBatchHead', { CUNO: firstCustomer(state) });
    expect(await m3.record('OIS100MI', 'GetBatchHead', { ORNO })).toMatchObject({
      ORTP: 'WEB',
      WHLO: '100',
      FACI: 'A01',
      ORDT: '20261122',
      RLDT: '20261122',
    });
    await m3.records('OIS100MI', 'AddBatchLine', { ORNO, ITNO: stocked.ITNO ?? '', ORQT: '1' });
    const { ORNO: orderNumber = '' } = await m3.record('OIS100MI', 'Confirm', { ORNO });
    const line = await m3.record('OIS100MI', 'GetLine', { ORNO: orderNumber, PONR: '1' });
    expect(line.WHLO).toBe('100');
    expect(Number(line.SAPR)).toBeGreaterThan(0);
  });

  it('refuses unknown customers, order types, warehouses, items and orders with field errors', async () => {
    const m3 = await start();
    const state = await m3.state();
    const customerNumber = firstCustomer(state);
    const notIn300 = state.balances.find(
      (balance) => !state.balances.some((other) => other.ITNO === balance.ITNO && other.WHLO === '300'),
    );
    const error = async (transaction: string, input: Record<string, string>) =>
      (await m3.v2('OIS100MI', transaction, input)).body.results[0];
    expect(await error('AddBatchHead', {})).toMatchObject({
      errorType: 'MandatoryInputFieldNotFound',
      errorField: 'CUNO',
    });
    expect(await error('AddBatchHead', { CUNO: 'NOBODY' })).toMatchObject({
      errorCode: 'XIM0002',
      errorField: 'CUNO',
    });
    expect(await error('AddBatchHead', { CUNO: customerNumber, ORTP: 'ZZZ' })).toMatchObject({
      errorField: 'ORTP',
    });
    expect(await error('AddBatchHead', { CUNO: customerNumber, WHLO: '999' })).toMatchObject({
      errorField: 'WHLO',
    });
    expect(await error('AddBatchHead', { CUNO: customerNumber, FACI: 'Z99' })).toMatchObject({
      errorField: 'FACI',
    });
    const [{ ORNO = '' } = {}] = await m3.records('OIS100MI', 'AddBatchHead', { CUNO: customerNumber });
    expect(await error('AddBatchLine', { ORNO })).toMatchObject({
      errorType: 'MandatoryInputFieldNotFound',
      errorField: 'ITNO',
    });
    expect(await error('AddBatchLine', { ORNO: '999', ITNO: notIn300?.ITNO ?? '' })).toMatchObject({
      errorField: 'ORNO',
    });
    expect(await error('AddBatchLine', { ORNO, ITNO: 'NOSUCHITEM', ORQT: '1' })).toMatchObject({
      errorType: 'ServerReturnedNOK',
      errorMessage: 'Item number NOSUCHITEM does not exist',
      errorField: 'ITNO',
    });
    expect(
      await error('AddBatchLine', { ORNO, ITNO: notIn300?.ITNO ?? '', ORQT: '1', WHLO: '999' }),
    ).toMatchObject({
      errorField: 'WHLO',
    });
    expect(
      await error('AddBatchLine', { ORNO, ITNO: notIn300?.ITNO ?? '', ORQT: '1', WHLO: '300' }),
    ).toMatchObject({
      errorMessage: `Item number ${notIn300?.ITNO} does not exist in warehouse 300`,
    });
    expect(await error('AddBatchLine', { ORNO, ITNO: notIn300?.ITNO ?? '', ORQT: '0' })).toMatchObject({
      errorField: 'ORQT',
    });
    expect(await error('Confirm', { ORNO: '999' })).toMatchObject({ errorField: 'ORNO' });
    expect(await error('GetHead', { ORNO })).toMatchObject({ errorField: 'ORNO' });
    expect(await error('GetOrderNo', { ORNO })).toMatchObject({ errorField: 'ORNO' });
  });

  it('Confirm without lines leaves the batch at STAT 20 with a message, and a confirmed batch is closed', async () => {
    const m3 = await start();
    const state = await m3.state();
    const [{ ORNO = '' } = {}] = await m3.records('OIS100MI', 'AddBatchHead', { CUNO: firstCustomer(state) });
    expect(await m3.record('OIS100MI', 'Confirm', { ORNO })).toEqual({ ORNO, STAT: '20' });
    const messages = await m3.records('OIS100MI', 'LstErrMsgOrder', { ORNO });
    expect(messages).toEqual([
      { LEVL: '1', MDTA: expect.any(String), TX60: 'Order lines are missing', MSID: 'WOR0301' },
    ]);
    const stocked = balanceWhere(state, (allocatable) => allocatable >= 1);
    await m3.records('OIS100MI', 'AddBatchLine', { ORNO, ITNO: stocked.ITNO ?? '', ORQT: '1' });
    expect((await m3.record('OIS100MI', 'Confirm', { ORNO })).STAT).toBe('90');
    expect(await m3.records('OIS100MI', 'LstErrMsgOrder', { ORNO })).toEqual([]);
    const again = await m3.v2('OIS100MI', 'Confirm', { ORNO });
    expect(again.body.results[0]).toMatchObject({ errorType: 'ServerReturnedNOK', errorField: 'ORNO' });
    const late = await m3.v2('OIS100MI', 'AddBatchLine', { ORNO, ITNO: stocked.ITNO ?? '', ORQT: '1' });
    expect(late.body.nrOfFailedTransactions).toBe(1);
  });
});

describe('OIS100MI reads', () => {
  it('reads the seed orders by number and by customer, and their lines', async () => {
    const m3 = await start();
    const [seedOrder] = (await m3.state()).orders;
    const orderNumber = seedOrder?.ORNO ?? '';
    expect(orderNumber).toBe('0000010001');
    const head = await m3.record('OIS100MI', 'GetHead', { ORNO: orderNumber });
    expect(head).toMatchObject({ ORNO: orderNumber, STAT: '20', ORSL: '33', ORST: '33', DIVI: 'AAA' });
    const listed = await m3.records('OIS100MI', 'LstHead', { CUNO: head.CUNO ?? '' });
    expect(listed[0]).toMatchObject({ ORNO: orderNumber, CUOR: head.CUOR, STAT: '20' });
    const lines = await m3.records('OIS100MI', 'LstLine', { ORNO: orderNumber });
    expect(lines.length).toBe(seedOrder?.lines.length);
    const line = await m3.v2('OIS100MI', 'GetLine', { ORNO: orderNumber, PONR: '99' });
    expect(line.body.results[0]).toMatchObject({ errorField: 'PONR' });
    const customer = await m3.v2('OIS100MI', 'LstHead', { CUNO: 'NOBODY' });
    expect(customer.body.results[0]?.errorCode).toBe('XIM0002');
  });

  it('LstWarehBalance lists AV01 and AV02 per warehouse', async () => {
    const m3 = await start();
    const state = await m3.state();
    const itemNumber = state.balances[0]?.ITNO ?? '';
    const expected = state.balances
      .filter((balance) => balance.ITNO === itemNumber)
      .map((balance) => ({ WHLO: balance.WHLO, AV01: balance.AV01, AV02: balance.AV02 }));
    const records = await m3.records('OIS100MI', 'LstWarehBalance', {
      ITNO: itemNumber,
      returncols: 'WHLO,AV01,AV02',
    });
    expect(records).toEqual(expected);
    const unknown = await m3.v2('OIS100MI', 'LstWarehBalance', { ITNO: 'NOSUCHITEM' });
    expect(unknown.body.results[0]).toMatchObject({ errorField: 'ITNO' });
  });
});
