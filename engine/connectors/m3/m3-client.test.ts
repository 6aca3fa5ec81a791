import { afterEach, describe, expect, it } from 'vitest';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { M3Client, type M3ClientOptions } from './m3-client.ts';
import { m3Records } from './m3-paging.ts';
import { type M3Harness, startM3Harness } from './m3-test-harness.ts';
import { isWriteTransaction } from './m3-write-rule.ts';

let harness: M3Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function basicClient(
  options: M3ClientOptions = {},
  simulator: Parameters<typeof startM3Harness>[0] = {},
): Promise<{ m3: M3Harness; client: M3Client }> {
  const m3 = await startM3Harness(simulator);
  harness = m3;
  return { m3, client: new M3Client(m3.context(), m3.basic(), { backoffMs: 1, ...options }) };
}

/** What a promise rejected with, for assertions on typed errors. */
async function failureOf(promise: Promise<unknown>): Promise<BridgeflowError> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof BridgeflowError) return thrown;
    throw thrown;
  }
  throw new Error('expected the call to fail');
}

const customers = { program: 'CRS610MI', transaction: 'LstByNumber' };

describe('M3Client: reading answers', () => {
  it('reads v2 records and sends options lower-case in the query string', async () => {
    const { m3, client } = await basicClient();
    const { records } = await client.execute({
      ...customers,
      maxRecords: 3,
      returnColumns: ['CUNO', 'CUNM'],
    });
    expect(records).toHaveLength(3);
    expect(Object.keys(records[0] ?? {})).toEqual(['CUNO', 'CUNM']);
    const url = new URL(m3.sent[0]?.url ?? '', 'http://x');
    expect(url.pathname).toBe('/m3api-rest/v2/execute/CRS610MI/LstByNumber');
    expect(m3.sent[0]?.query).toMatchObject({ maxrecs: '3', returncols: 'CUNO,CUNM', cono: '100' });
  });

  it('reads v1 MIRecord/NameValue answers into the same plain, trimmed records', async () => {
    const { m3, client } = await basicClient({ version: 'v1' });
    const v2 = new M3Client(m3.context(), m3.basic());
    const [first] = (await v2.execute({ ...customers, maxRecords: 1 })).records;
    const input = { CUNO: first?.CUNO };
    const fromV1 = await client.execute({ program: 'CRS610MI', transaction: 'GetBasicData', input });
    const fromV2 = await v2.execute({ program: 'CRS610MI', transaction: 'GetBasicData', input });
    expect(m3.sent.at(-2)?.url).toContain('/m3api-rest/execute/CRS610MI/GetBasicData;cono=100');
    expect(fromV1.records).toEqual(fromV2.records);
    expect(fromV1.records[0]?.CUNM).toBe(fromV1.records[0]?.CUNM?.trim());
  });

  it('pages a list by its start key and gets what one maxrecs=0 call gets', async () => {
    const { m3, client } = await basicClient();
    const all = (await client.execute({ ...customers, maxRecords: 0 })).records;
    expect(all.length).toBeGreaterThan(20);
    const before = m3.sent.length;
    const paged = [];
    for await (const record of m3Records(client, customers, { pageSize: 7, startKey: { CUNO: 'CUNO' } })) {
      paged.push(record);
    }
    expect(paged.map((record) => record.CUNO)).toEqual(all.map((record) => record.CUNO));
    // Each page after the first asks for one more: its first record is the last one already seen.
    expect(m3.sent.length - before).toBe(Math.floor(all.length / 7) + 1);
    expect(m3.sent.at(-1)?.query).toMatchObject({ maxrecs: '8' });
  });
});

describe('M3Client: errors', () => {
  it('detects a v1 refusal inside HTTP 200 and keeps M3 code, field and message', async () => {
    const { m3, client } = await basicClient({ version: 'v1' });
    const error = await failureOf(
      client.execute({ program: 'CRS610MI', transaction: 'GetBasicData', input: { CUNO: 'NOSUCH' } }),
    );
    expect(error.code).toBe('CONNECTOR_VALIDATION');
    expect(error.details.remote).toEqual({
      status: 200,
      code: 'XIM0002',
      field: 'CUNO',
      message: 'Customer number NOSUCH is invalid',
    });
    expect(error.message).toBe(
      'Infor M3 CRS610MI/GetBasicData refused the call: Customer number NOSUCH is invalid (field CUNO, XIM0002)',
    );
    expect(m3.sent).toHaveLength(1);
  });

  it('detects a v2 refusal inside HTTP 200 (results[].errorMessage)', async () => {
    const { client } = await basicClient({}, { behaviour: { v2ErrorStatus: 200 } });
    const error = await failureOf(
      client.execute({ program: 'OIS100MI', transaction: 'GetHead', input: { ORNO: '999' } }),
    );
    expect(error.code).toBe('CONNECTOR_VALIDATION');
    expect(error.details.remote).toMatchObject({ status: 200, code: 'WOR0103', field: 'ORNO' });
  });

  it('does not retry a missing mandatory field: CONNECTOR_VALIDATION naming it, one request', async () => {
    const { m3, client } = await basicClient();
    const input = { CUTM: 'TMPLWEB', CUA1: '12 Main St' };
    const error = await failureOf(client.execute({ program: 'CRS610MI', transaction: 'Add', input }));
    expect(error).toMatchObject({ code: 'CONNECTOR_VALIDATION', retryable: false });
    expect(error.details.remote).toMatchObject({
      status: 400,
      field: 'CUNM',
      code: 'MandatoryInputFieldNotFound',
    });
    expect(m3.sent).toHaveLength(1);
  });

  it('reports an unknown transaction as CONNECTOR_NOT_FOUND', async () => {
    const { client } = await basicClient();
    const error = await failureOf(client.execute({ program: 'OIS100MI', transaction: 'AddHead' }));
    expect(error.code).toBe('CONNECTOR_NOT_FOUND');
  });

  it('refuses names that cannot be MI names before sending anything', async () => {
    const { m3, client } = await basicClient();
    const error = await failureOf(client.execute({ program: 'crs610mi/../x', transaction: 'Get' }));
    expect(error.code).toBe('INPUT_INVALID');
    expect(m3.sent).toHaveLength(0);
  });
});

describe('M3Client: retries', () => {
  it('retries a read after injected 5xx answers', async () => {
    const { m3, client } = await basicClient();
    m3.faultFor(2, { errorRate: 1, errorStatus: 503 });
    const { records } = await client.execute({ ...customers, maxRecords: 2 });
    expect(records).toHaveLength(2);
    expect(m3.sent).toHaveLength(3);
    expect(m3.clock.sleeps).toHaveLength(2);
  });

  it('retries a read that timed out', async () => {
    const { m3, client } = await basicClient({ timeoutMs: 300 });
    m3.faultFor(1, { timeoutRate: 1 });
    const { records } = await client.execute({ ...customers, maxRecords: 1 });
    expect(records).toHaveLength(1);
    expect(m3.sent).toHaveLength(2);
  });

  it('retries a read whose 200 answer is not an MI response', async () => {
    const { m3, client } = await basicClient();
    m3.faultFor(1, { malformedRate: 1 });
    expect((await client.execute({ ...customers, maxRecords: 1 })).records).toHaveLength(1);
    expect(m3.sent).toHaveLength(2);
  });

  it('does not repeat a write after a 500: M3 may have done it', async () => {
    const { m3, client } = await basicClient();
    m3.faultFor(1, { errorRate: 1, errorStatus: 500 });
    const input = { CUTM: 'TMPLWEB', CUNM: 'Jane Doe', CUA1: '12 Main St' };
    const error = await failureOf(client.execute({ program: 'CRS610MI', transaction: 'Add', input }));
    expect(error).toMatchObject({ code: 'CONNECTOR_UNAVAILABLE', retryable: true });
    expect(m3.sent).toHaveLength(1);
  });
});

describe('M3Client: dry-run', () => {
  it('records an Add without sending it, with the credential masked, and still sends reads', async () => {
    const m3 = await startM3Harness();
    harness = m3;
    const credentials = m3.basic();
    const password = credentials.mode === 'basic' ? credentials.password : '';
    const client = new M3Client(m3.context({ dryRun: true, secrets: [password] }), credentials);
    const input = { CUTM: 'TMPLWEB', CUNO: 'DRY0001', CUNM: 'Dry Run', CUA1: '1 Test St' };
    const added = await client.execute({ program: 'CRS610MI', transaction: 'Add', input });
    expect(added).toMatchObject({ dryRun: true, records: [] });
    expect(m3.sent).toHaveLength(0);
    const [exchange] = m3.exchanges;
    expect(exchange).toMatchObject({ method: 'GET', dryRun: true });
    expect(exchange?.url).toContain('/CRS610MI/Add?cono=100&CUTM=TMPLWEB&CUNO=DRY0001');
    expect(exchange?.requestHeaders.authorization).toBe('Basic ***');
    expect(JSON.stringify(m3.exchanges)).not.toContain(password);
    const read = client.execute({
      program: 'CRS610MI',
      transaction: 'GetBasicData',
      input: { CUNO: 'DRY0001' },
    });
    expect((await failureOf(read)).details.remote?.code).toBe('XIM0002');
    expect(m3.sent).toHaveLength(1);
  });
});

describe('isWriteTransaction', () => {
  it('reads Get/Lst/List/Sel/Select/Search transactions and treats everything else as a write', () => {
    const reads = [
      'GetBasicData',
      'LstByNumber',
      'List',
      'SelMtrlTrans',
      'Select',
      'SearchCustomer',
      'LstErrMsgOrder',
    ];
    const writes = [
      'Add',
      'AddBatchHead',
      'ChgBasicData',
      'DelLine',
      'UpdPriceInfo',
      'Confirm',
      'CpyOrder',
      'Getaway',
    ];
    expect(reads.filter(isWriteTransaction)).toEqual([]);
    expect(writes.filter((name) => !isWriteTransaction(name))).toEqual([]);
  });
});
