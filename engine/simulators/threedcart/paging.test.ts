import { afterEach, describe, expect, it } from 'vitest';
import { OFFSET_MESSAGE } from './threedcart-responses.ts';
import { type Row, startTestSimulator, type ThreeDCartTestClient } from './threedcart-test-client.ts';

let client: ThreeDCartTestClient | undefined;
afterEach(async () => {
  await client?.running.close();
  client = undefined;
});

async function start(options = {}) {
  client = await startTestSimulator(options);
  return client;
}

const ids = (rows: Row[]) => rows.map((row) => row.OrderID);

describe('3dcart paging (§5, §10 quirks 1–3)', () => {
  it('returns 10 records by default, OrderID ascending', async () => {
    const api = await start();
    const page = await api.get<Row[]>('Orders');
    expect(page.status).toBe(200);
    expect(ids(page.body)).toEqual(Array.from({ length: 10 }, (_, index) => 20_001 + index));
  });

  it('reads offset as the 1-based index of the first record, and offset=0 as 1', async () => {
    const api = await start();
    expect(ids((await api.get<Row[]>('Orders?limit=5&offset=11')).body)).toEqual([
      20011, 20012, 20013, 20014, 20015,
    ]);
    expect(ids((await api.get<Row[]>('Orders?limit=3&offset=0')).body)).toEqual([20001, 20002, 20003]);
    // Record-based pages: 20 + 20 + 10 for 50 orders.
    const sizes = [];
    for (let offset = 1; offset <= 50; offset += 20) {
      sizes.push((await api.get<Row[]>(`Orders?limit=20&offset=${offset}`)).body.length);
    }
    expect(sizes).toEqual([20, 20, 10]);
  });

  it('answers an offset past the end with 400 and the documented message', async () => {
    const api = await start();
    expect((await api.get<Row[]>('Orders?offset=50')).body).toHaveLength(1);
    const past = await api.get('Orders?offset=51&limit=10');
    expect(past).toMatchObject({
      status: 400,
      body: [{ Key: 'Error', Value: '', Status: '400', Message: OFFSET_MESSAGE }],
    });
  });

  it('answers no matching rows with 404, and countonly with an object', async () => {
    const api = await start();
    expect(await api.get('Orders?billingemail=nobody@example.com')).toMatchObject({
      status: 404,
      body: [{ Key: 'Error', Status: '404', Message: 'No orders found' }],
    });
    expect(await api.get('Orders?countonly=1')).toMatchObject({ status: 200, body: { TotalCount: 50 } });
    expect((await api.get('Customers?countonly=true')).body).toEqual({ TotalCount: 100 });
    expect((await api.get('Orders?countonly=1&billingemail=nobody@example.com')).body).toEqual({
      TotalCount: 0,
    });
  });

  it('clamps limit to the resource maximum (Products 200, others 500) by default', async () => {
    const api = await start();
    expect((await api.get<Row[]>('Products?limit=250')).body).toHaveLength(200);
    expect((await api.get<Row[]>('Customers?limit=1000')).body).toHaveLength(100);
    expect((await api.get<Row[]>('Orders?limit=300')).body).toHaveLength(50);
  });

  it('refuses limits above the maximum when configured to', async () => {
    const api = await start({ limitAboveMaximum: 'error' });
    expect((await api.get('Products?limit=201')).status).toBe(400);
    expect((await api.get('Orders?limit=301')).status).toBe(400);
    expect((await api.get('Orders?limit=300')).status).toBe(200);
  });

  it('refuses limit and offset values that are not whole numbers', async () => {
    const api = await start();
    expect((await api.get('Orders?limit=ten')).status).toBe(400);
    expect((await api.get('Orders?offset=-1')).status).toBe(400);
  });

  it('applies $orderby and $select to the returned page only (§1 OData)', async () => {
    const api = await start();
    const page = await api.get<Row[]>('Orders?limit=3&$orderby=OrderID desc&$select=OrderID,orderamount');
    expect(ids(page.body)).toEqual([20003, 20002, 20001]);
    expect(Object.keys(page.body[0] ?? {})).toEqual(['OrderID', 'OrderAmount']);
  });

  it('takes query parameter names in any case', async () => {
    const api = await start();
    expect(ids((await api.get<Row[]>('Orders?LIMIT=2&Offset=3')).body)).toEqual([20003, 20004]);
  });
});
