import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { webOrder } from '../../simulators/sage300/sage300-order-fixtures.ts';
import { odata } from './sage300-odata.ts';
import { SAGE300_RESOURCES } from './sage300-resources.ts';
import {
  jsonRecord,
  type Sage300TestBench,
  seededLocationKeys,
  startSage300TestBench,
} from './sage300-test-bench.ts';

const { customers, orders, locationDetails } = SAGE300_RESOURCES;

let bench: Sage300TestBench;
beforeEach(async () => {
  bench = await startSage300TestBench();
});
afterEach(async () => {
  await bench.close();
});

/** The BridgeflowError a promise rejects with. */
async function failureOf(promise: Promise<unknown>): Promise<BridgeflowError> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof BridgeflowError) return thrown;
    throw thrown;
  }
  throw new Error('expected the call to fail');
}

describe('Sage300Client: sign-on and errors', () => {
  it('fails with CONNECTOR_AUTH and Sage’s own message on a wrong password, without retrying', async () => {
    const { client } = await bench.client({ fields: { ...bench.fields, password: 'WRONG-PASSWORD' } });
    const error = await failureOf(client.list(customers, { limit: 1 }));
    expect(error.code).toBe('CONNECTOR_AUTH');
    expect(error.retryable).toBe(false);
    expect(error.details.remote).toEqual({
      status: 401,
      code: 'Unauthorized',
      message: 'The user ID or password is incorrect.',
    });
    expect(error.message).toContain('returned 401 Unauthorized: The user ID or password is incorrect.');
    expect(bench.sent).toHaveLength(1);
  });

  it('reads missing module rights (403 Forbidden) as CONNECTOR_AUTH', async () => {
    const fields = { ...bench.fields, username: 'OEUSER', password: 'OEUSER' };
    const { client } = await bench.client({ fields });
    const error = await failureOf(client.list(customers, { limit: 1 }));
    expect(error).toMatchObject({
      code: 'CONNECTOR_AUTH',
      details: { remote: { status: 403, code: 'Forbidden' } },
    });
  });

  it('maps Sage error codes: RecordNotFound is "no record", ResourceNotFound and RecordDuplicate are errors', async () => {
    const { client } = await bench.client();
    expect(await client.get(customers, 'NOSUCH')).toBeUndefined();
    const wrongResource = await failureOf(client.list({ module: 'AR', name: 'ARCustomer' }));
    expect(wrongResource).toMatchObject({
      code: 'CONNECTOR_NOT_FOUND',
      details: { remote: { code: 'ResourceNotFound', message: 'Resource AR/ARCustomer does not exist.' } },
    });
    const existing = await client.get(customers, 'C000001', ['CustomerNumber', 'GroupCode']);
    expect(existing).toEqual({ CustomerNumber: 'C000001', GroupCode: 'WEB' });
    const duplicate = await failureOf(
      client.create(customers, { CustomerNumber: 'C000001', GroupCode: 'WEB' }),
    );
    expect(duplicate).toMatchObject({
      code: 'CONNECTOR_VALIDATION',
      retryable: false,
      details: { remote: { status: 409, code: 'RecordDuplicate' } },
    });
  });

  it('does not retry a validation error: a PO number too long is sent once', async () => {
    const { client } = await bench.client();
    const error = await failureOf(
      client.create(orders, jsonRecord(webOrder({ PurchaseOrderNumber: 'P'.repeat(23) }))),
    );
    expect(error.code).toBe('CONNECTOR_VALIDATION');
    expect(error.details.remote).toMatchObject({ status: 400, code: 'InvalidPayload' });
    expect(error.details.remote?.message).toContain('PurchaseOrderNumber');
    expect(error.message).toContain(error.details.remote?.message);
    expect(bench.sent.map((request) => request.method)).toEqual(['POST']);
  });

  it('never repeats a write answered 500: Sage may have stored it', async () => {
    const { client } = await bench.client();
    bench.failNext(1, { errorRate: 1, errorStatus: 500 });
    const error = await failureOf(client.create(orders, jsonRecord(webOrder())));
    expect(error).toMatchObject({ code: 'CONNECTOR_UNAVAILABLE', retryable: true });
    expect(error.details.remote).toEqual({
      status: 500,
      code: 'InternalServerError',
      message: 'Injected fault: HTTP 500.',
    });
    expect(bench.sent).toHaveLength(1);
  });
});

describe('Sage300Client: retries of reads', () => {
  it('retries a read after injected 5xx answers and records every attempt', async () => {
    const { client, http } = await bench.client();
    bench.failNext(2, { errorRate: 1, errorStatus: 503 });
    const rows = await client.list(customers, { select: ['CustomerNumber'], limit: 1 });
    expect(rows).toEqual([{ CustomerNumber: 'C000001' }]);
    expect(http.map((exchange) => exchange.status)).toEqual([503, 503, 200]);
    expect(bench.sent).toHaveLength(3);
  });

  it('retries a read that timed out', async () => {
    const { client, http } = await bench.client({ timeoutMs: 300 });
    bench.failNext(1, { timeoutRate: 1 });
    const customer = await client.get(customers, 'C000002', ['CustomerNumber']);
    expect(customer).toEqual({ CustomerNumber: 'C000002' });
    expect(http[0]?.error).toMatchObject({ code: 'CONNECTOR_TIMEOUT', retryable: true });
    expect(http[1]?.status).toBe(200);
    expect(bench.sent).toHaveLength(2);
  });

  it('retries a read whose JSON was cut off', async () => {
    const { client } = await bench.client();
    bench.failNext(1, { malformedRate: 1 });
    expect(await client.list(customers, { limit: 2 })).toHaveLength(2);
    expect(bench.sent).toHaveLength(2);
  });
});

describe('Sage300Client: paging', () => {
  it('streams every ICLocationDetails row exactly once over 100-row pages', async () => {
    const { client } = await bench.client();
    const seen: string[] = [];
    for await (const row of client.records(locationDetails)) seen.push(`${row.ItemNumber}@${row.Location}`);
    const expected = await seededLocationKeys(bench);
    expect(expected.length).toBeGreaterThan(800);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.toSorted()).toEqual(expected.toSorted());
    expect(bench.sent).toHaveLength(Math.ceil(expected.length / 100));
    expect(bench.sent.at(-1)?.url).toMatch(/\?\$top=100&\$skip=800$/);
  });

  it('follows a server whose pages are smaller than asked for when it announces a next link', async () => {
    await bench.close();
    bench = await startSage300TestBench({ settings: { pageSize: 40, envelope: 'odata-v4' } });
    const { client } = await bench.client();
    const rows = await client.list(locationDetails, { select: ['ItemNumber', 'Location'] });
    expect(rows).toHaveLength((await seededLocationKeys(bench)).length);
  });

  it('stops at the limit and pages only as far as needed', async () => {
    const { client } = await bench.client();
    expect(await client.list(locationDetails, { limit: 150 })).toHaveLength(150);
    expect(bench.sent.map((request) => new URL(request.url).search)).toEqual([
      '?$top=100',
      '?$top=50&$skip=100',
    ]);
  });

  it('filters on values with quotes as one literal, so a value cannot change the query', async () => {
    const { client } = await bench.client();
    const created = await client.create(customers, {
      CustomerNumber: 'OBRIEN',
      GroupCode: 'WEB',
      Email: "o'brien+shop@example.com",
    });
    expect(created).toMatchObject({ dryRun: false, status: 201 });
    const byEmail = await client.list(customers, { filter: odata.eq('Email', "o'brien+shop@example.com") });
    expect(byEmail.map((row) => row.CustomerNumber)).toEqual(['OBRIEN']);
    const injected = await client.list(customers, { filter: odata.eq('Email', "x' or Email ne 'x") });
    expect(injected).toEqual([]);
  });
});

describe('Sage300Client: dry-run', () => {
  it('does not send a write; the exchange is recorded as dry-run with Authorization masked', async () => {
    const { client, http } = await bench.client({ dryRun: true });
    const result = await client.create(orders, jsonRecord(webOrder()));
    expect(result).toMatchObject({ dryRun: true, simulated: { dryRun: true, request: { method: 'POST' } } });
    expect(bench.sent).toEqual([]);
    expect(http).toHaveLength(1);
    expect(http[0]).toMatchObject({ method: 'POST', dryRun: true });
    expect(http[0]?.requestHeaders).toMatchObject({
      Authorization: 'Basic ***',
      'Content-Type': 'application/json',
    });
    expect(JSON.stringify(http)).not.toContain(Buffer.from('WEBAPI:WEBAPI').toString('base64'));
  });
});
