import { afterEach, describe, expect, it } from 'vitest';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { M3Client } from './m3-client.ts';
import { type M3Harness, startM3Harness } from './m3-test-harness.ts';

let harness: M3Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(options: Parameters<typeof startM3Harness>[0] = {}): Promise<M3Harness> {
  harness = await startM3Harness(options);
  return harness;
}

async function failureOf(promise: Promise<unknown>): Promise<BridgeflowError> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof BridgeflowError) return thrown;
    throw thrown;
  }
  throw new Error('expected the call to fail');
}

const listOne = { program: 'CRS610MI', transaction: 'LstByNumber', maxRecords: 1 };
const MINUTE = 60_000;

describe('ION API authentication', () => {
  it('gets one token for many calls and sends it as a bearer token through the gateway path', async () => {
    const m3 = await start();
    const client = new M3Client(m3.context(), m3.ion());
    for (let call = 0; call < 5; call++) await client.execute(listOne);
    // Items running concurrently share the one grant in flight.
    await Promise.all([1, 2, 3].map(() => new M3Client(m3.context(), m3.ion()).execute(listOne)));
    expect(m3.tokenRequests()).toBe(1);
    const calls = m3.sent.filter((request) => request.method === 'GET');
    expect(calls).toHaveLength(8);
    expect(new URL(calls[0]?.url ?? '').pathname).toBe(
      '/BRIDGEFLOW_TST/M3/m3api-rest/v2/execute/CRS610MI/LstByNumber',
    );
    expect(calls[0]?.headers?.authorization).toMatch(/^Bearer \S+$/);
    expect(m3.sent[0]).toMatchObject({ method: 'POST', write: false });
    expect(m3.sent[0]?.body).toContain('grant_type=password');
  });

  it('renews the token shortly before it expires, by the engine clock', async () => {
    const m3 = await start({ tokenLifetimeSeconds: 3600 });
    const client = new M3Client(m3.context(), m3.ion());
    await client.execute(listOne);
    await m3.clock.sleep(50 * MINUTE);
    await client.execute(listOne);
    expect(m3.tokenRequests()).toBe(1);
    // One minute before the hour is up the token is renewed, before the gateway would refuse it.
    await m3.clock.sleep(9 * MINUTE + 30_000);
    await client.execute(listOne);
    expect(m3.tokenRequests()).toBe(2);
    expect(m3.sent.every((request) => request.method === 'POST' || request.headers?.authorization)).toBe(
      true,
    );
  });

  it('retries once with a fresh token when the gateway refuses the cached one with 401', async () => {
    let skewMs = 0;
    const m3 = await start({ clock: () => (harness?.clock.now() ?? 0) + skewMs });
    const client = new M3Client(m3.context(), m3.ion());
    await client.execute(listOne);
    // The gateway's clock runs three hours ahead: it finds the token expired, ours does not.
    skewMs = 3 * 60 * MINUTE;
    const { records } = await client.execute(listOne);
    expect(records).toHaveLength(1);
    expect(m3.sent.map((request) => request.method)).toEqual(['POST', 'GET', 'GET', 'POST', 'GET']);
    expect(m3.tokenRequests()).toBe(2);
  });

  it('fails with CONNECTOR_AUTH and the token endpoint message for a wrong client secret', async () => {
    const m3 = await start();
    const client = new M3Client(m3.context(), m3.ion({ cs: 'wrong-secret' }));
    const error = await failureOf(client.execute(listOne));
    expect(error).toMatchObject({ code: 'CONNECTOR_AUTH', retryable: false });
    expect(error.message).toContain('Client authentication failed');
    expect(error.details.remote).toMatchObject({ status: 401, code: 'invalid_client' });
    expect(m3.sent).toHaveLength(1);
  });

  it('fails with CONNECTOR_AUTH for a wrong service-account secret and never reuses a good token', async () => {
    const m3 = await start();
    await new M3Client(m3.context(), m3.ion()).execute(listOne);
    const error = await failureOf(new M3Client(m3.context(), m3.ion({ sask: 'wrong' })).execute(listOne));
    expect(error.code).toBe('CONNECTOR_AUTH');
    expect(error.message).toContain('Invalid service account credentials');
    expect(m3.tokenRequests()).toBe(2);
  });

  it('retries the token request after a 503, as it changes nothing', async () => {
    const m3 = await start();
    m3.faultFor(1, { errorRate: 1, errorStatus: 503 });
    await new M3Client(m3.context(), m3.ion(), { backoffMs: 1 }).execute(listOne);
    expect(m3.tokenRequests()).toBe(2);
  });

  it('masks the bearer token and the issued tokens in recorded exchanges', async () => {
    const m3 = await start();
    await new M3Client(m3.context(), m3.ion()).execute(listOne);
    const [token, call] = m3.exchanges;
    expect(call?.requestHeaders.authorization).toBe('Bearer ***');
    expect(token?.responseBody).toMatchObject({ access_token: '***', refresh_token: '***' });
  });
});

describe('Basic authentication', () => {
  it('fails with CONNECTOR_AUTH and the server message for a wrong password, without retrying', async () => {
    const m3 = await start();
    const client = new M3Client(m3.context(), m3.basic({ password: 'wrong' }));
    const error = await failureOf(client.execute(listOne));
    expect(error).toMatchObject({ code: 'CONNECTOR_AUTH', retryable: false });
    expect(error.details.remote).toEqual({ status: 401, message: 'Unauthorized' });
    expect(error.message).toContain('401 Unauthorized: Unauthorized');
    expect(m3.sent).toHaveLength(1);
  });
});
