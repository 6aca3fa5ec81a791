import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS } from '../../simulators/threedcart/threedcart-settings.ts';
import { exchangesOf, outputOf, startBench, type ThreeDCartBench } from './threedcart-test-bench.ts';

// How every 3dcart node talks to the store, shown through the nodes against the simulator:
// authentication, rate limiting, retries and the reading of 3dcart's errors.

let bench: ThreeDCartBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

const UNAUTHORIZED =
  'PrivateKey/Token/SecureURL combination is invalid, or the application scope does not have the correct read/write privileges';
const retryThrice = { settings: { retry: { maxAttempts: 3, backoffMs: 10 } } } as const;

describe('3dcart authentication', () => {
  // start ─▶ node
  it('fails a wrong token with CONNECTOR_AUTH and the store’s own message, without retrying', async () => {
    bench = await startBench({ credentials: { token: 'wrong-token-0000' } });
    const trace = await bench.runNode('threedcart.getOrders', {}, [{ OrderID: 20001 }], retryThrice);
    expect(trace.error).toMatchObject({
      code: 'CONNECTOR_AUTH',
      retryable: false,
      nodeId: 'node',
      itemIndex: 0,
      remote: { status: 401, code: 'Error', message: UNAUTHORIZED },
    });
    expect(trace.error?.message).toContain(`returned 401 Unauthorized: ${UNAUTHORIZED}`);
    expect(bench.sent).toHaveLength(1);
    expect(JSON.stringify(trace)).not.toContain('wrong-token-0000');
  });

  // start ─▶ node
  it('calls with an OAuth bearer token instead of the merchant token', async () => {
    // An empty field counts as unset: this credential has no Token, only the access token.
    bench = await startBench({ credentials: { token: '', accessToken: DEFAULT_CREDENTIALS.accessToken } });
    const trace = await bench.runNode('threedcart.getOrders', {}, [{ OrderID: 20001 }]);
    expect(trace.status).toBe('succeeded');
    expect(exchangesOf(trace)[0]?.requestHeaders).toMatchObject({ Authorization: 'Bearer ***' });
    expect(exchangesOf(trace)[0]?.requestHeaders).not.toHaveProperty('Token');
  });

  it('names what a credential lacks, never its values', async () => {
    bench = await startBench({ credentials: { token: '', privateKey: '' } });
    const trace = await bench.runNode('threedcart.getOrders', {}, [{ OrderID: 20001 }]);
    expect(trace.error).toMatchObject({ code: 'CONNECTOR_AUTH', retryable: false });
    expect(trace.error?.message).toBe(
      'The 3dcart credential is incomplete: privateKey: The application’s PrivateKey is required',
    );
    expect(bench.sent).toHaveLength(0);
  });
});

describe('3dcart rate limit (50 at once, then 2 a second, per store)', () => {
  // start ─▶ node (10 items at a time)
  it('lets 200 rapid calls through without one 429 reaching the flow', async () => {
    // The simulator's real leaky bucket (50, 2/s) and our limiter (3dcart's documented numbers,
    // the defaults) share one fake clock: the waits are real waits in that clock, taking no time.
    bench = await startBench();
    const started = bench.clock.now();
    const items = Array.from({ length: 200 }, (_, index) => ({ OrderID: 20001 + (index % 50) }));
    const trace = await bench.runNode('threedcart.getOrders', {}, items, { settings: { concurrency: 10 } });
    expect(trace.status).toBe('succeeded');
    expect(outputOf(trace)).toHaveLength(200);
    const statuses = exchangesOf(trace).map((exchange) => exchange.status);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(bench.sent).toHaveLength(200);
    // 50 at once, then 150 at 2 a second: at least 75 s of (fake) waiting.
    expect(bench.clock.now() - started).toBeGreaterThanOrEqual(75_000);
    // And the store's bucket really is full: one more call straight to it now is refused.
    const { secureUrl = '', privateKey = '', token = '' } = bench.credentials;
    const direct = await fetch(`${bench.running.apiUrl}/Orders/20001`, {
      headers: { SecureURL: secureUrl, PrivateKey: privateKey, Token: token },
    });
    expect(direct.status).toBe(429);
  });

  // start ─▶ node
  it('waits as long as Retry-After says when the store answers 429 anyway', async () => {
    bench = await startBench();
    bench.scriptFaults([{ rateLimitBurst: 1, retryAfterSeconds: 4 }]);
    const trace = await bench.runNode('threedcart.getOrders', {}, [{ OrderID: 20001 }]);
    expect(trace.status).toBe('succeeded');
    expect(exchangesOf(trace).map((exchange) => exchange.status)).toEqual([429, 200]);
    expect(Math.max(...bench.clock.sleeps)).toBeGreaterThanOrEqual(4_000);
  });
});

describe('3dcart retries and errors', () => {
  // start ─▶ node
  it('retries a read after 5xx answers and succeeds', async () => {
    bench = await startBench();
    bench.scriptFaults([
      { errorRate: 1, errorStatus: 503 },
      { errorRate: 1, errorStatus: 500 },
    ]);
    const trace = await bench.runNode('threedcart.getOrders', {}, [{ OrderID: 20001 }]);
    expect(trace.status).toBe('succeeded');
    expect(exchangesOf(trace).map((exchange) => exchange.status)).toEqual([503, 500, 200]);
    expect(bench.clock.sleeps.length).toBeGreaterThanOrEqual(2);
  });

  // start ─▶ node
  it('retries a read that timed out', async () => {
    bench = await startBench();
    bench.scriptFaults([{ timeoutRate: 1 }]);
    const trace = await bench.runNode('threedcart.getOrders', { timeoutMs: 200 }, [{ OrderID: 20001 }]);
    expect(trace.status).toBe('succeeded');
    const [timedOut, answered] = exchangesOf(trace);
    expect(timedOut?.error).toMatchObject({ code: 'CONNECTOR_TIMEOUT', retryable: true });
    expect(answered?.status).toBe(200);
  });

  // start ─▶ node
  it('gives up after three attempts with a retryable CONNECTOR_UNAVAILABLE carrying 3dcart’s message', async () => {
    bench = await startBench();
    bench.scriptFaults([{ errorRate: 1 }, { errorRate: 1 }, { errorRate: 1 }]);
    const trace = await bench.runNode('threedcart.getOrders', {}, [{ OrderID: 20001 }]);
    expect(trace.error).toMatchObject({
      code: 'CONNECTOR_UNAVAILABLE',
      retryable: true,
      remote: { status: 503, code: 'Error', message: 'An error has occurred.' },
    });
    expect(bench.sent).toHaveLength(3);
  });

  // start ─▶ node
  it('reads a truncated 200 answer as a retryable remote error', async () => {
    bench = await startBench();
    bench.scriptFaults([{ malformedRate: 1 }]);
    const trace = await bench.runNode('threedcart.getOrders', {}, [{ OrderID: 20001 }]);
    expect(trace.status).toBe('succeeded');
    expect(exchangesOf(trace)).toHaveLength(2);
  });

  // start ─▶ node
  it('never retries a validation error, even with a retry policy, and keeps the store’s message', async () => {
    bench = await startBench();
    const before = bench.running.simulator.state().customers.length;
    const taken = bench.running.simulator.state().customers[0]?.Email ?? '';
    const trace = await bench.runNode(
      'threedcart.saveCustomer',
      { mode: 'create' },
      [{ Email: taken }],
      retryThrice,
    );
    expect(trace.error).toMatchObject({
      code: 'CONNECTOR_VALIDATION',
      retryable: false,
      remote: { status: 400, code: 'Error', message: `A customer with the email ${taken} already exists` },
    });
    expect(bench.sent).toHaveLength(1);
    expect(bench.running.simulator.state().customers).toHaveLength(before);
    expect(trace.nodes[1]?.errors[0]).toMatchObject({ attempts: 1, handling: 'stoppedRun' });
  });

  // start ─▶ node
  it('does not repeat a write after a 500 (it may have been done), but does after a 503 (refused)', async () => {
    bench = await startBench();
    bench.scriptFaults([{ errorRate: 1, errorStatus: 500 }]);
    const failed = await bench.runNode('threedcart.updateOrderStatus', {}, [{ OrderID: 20002 }]);
    expect(failed.error).toMatchObject({ code: 'CONNECTOR_UNAVAILABLE', remote: { status: 500 } });
    expect(bench.sent).toHaveLength(1);
    bench.scriptFaults([{ errorRate: 1, errorStatus: 503 }]);
    const retried = await bench.runNode('threedcart.updateOrderStatus', {}, [{ OrderID: 20002 }]);
    expect(retried.status).toBe('succeeded');
    expect(exchangesOf(retried).map((exchange) => exchange.status)).toEqual([503, 200]);
  });
});
