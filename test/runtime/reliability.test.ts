import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../engine/contract/flow-document.ts';
import { createMemoryLogger, type MemoryLogger } from '../../engine/run/testing/test-services.ts';
import type { InboxStats } from '../../engine/runtime/inbox/inbox.ts';
import { type Runtime, type RuntimeOptions, startRuntime } from '../../engine/runtime/serve/runtime.ts';
import type { JsonRecord } from '../flows/sage300-template-bench.ts';
import { deliverWebhooks, deliverWebhooksFromThread, type OrderLoad, startOrderLoad } from './order-load.ts';
import { readHealth, waitForQueue } from './runtime-bench.ts';

// The "done when", against the 3dcart and Sage 300 simulators (their own thread) over
// real HTTP, with the order-to-sage300 template exported as a bundle:
//
//   sender (16 at a time, retries until 2xx) ─POST /webhooks/threedcart/orders→ runtime
//     → inbox (SQLite) → workers → 3dcart GET order → Sage: find order, find customer, create order
//     → 3dcart PUT status

const root = resolve(import.meta.dirname, '../..');
const ORDERS = 1_000;
const READ_TOKEN = 'read-only-token';
const OPERATOR_TOKEN = 'operator-token';
const FLOW = 'order-to-sage300';

let load: OrderLoad;
beforeAll(async () => {
  load = await startOrderLoad();
}, 30_000);
afterAll(() => load.close());

async function start(options: Partial<RuntimeOptions> = {}): Promise<Runtime & { logger: MemoryLogger }> {
  const logger = createMemoryLogger();
  const runtime = await startRuntime({
    bundles: [load.bundleFolder],
    dataDir: await mkdtemp(join(load.folder, 'data-')),
    environment: load.environment,
    logger,
    workers: 8,
    pollMs: 10,
    // Job-level retries a test can wait for; the policy, not the runtime, decides how patient to be.
    retry: { maxAttempts: 20, backoffMs: 100, maxBackoffMs: 2_000 },
    adminToken: READ_TOKEN,
    operatorToken: OPERATOR_TOKEN,
    ...options,
  });
  return { ...runtime, logger };
}

const settled =
  (succeeded: number) =>
  ({ counts }: InboxStats): boolean =>
    counts.succeeded === succeeded && counts.queued === 0 && counts.leased === 0;

const finished =
  (orders: number) =>
  ({ counts }: InboxStats): boolean =>
    counts.succeeded + counts.dead + counts.exception === orders &&
    counts.queued === 0 &&
    counts.leased === 0;

const once1000 = (orders: readonly JsonRecord[]) => orders.map(() => 1);

function admin(url: string, path: string, token: string, init: RequestInit = {}) {
  return fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${token}` } });
}

describe('runtime reliability (done when)', () => {
  it('(1) takes 1,000 orders, each webhook delivered twice, into exactly 1,000 Sage orders', async () => {
    const orders = await load.createOrders(ORDERS, 'registered-customer-order');
    const runtime = await start();
    try {
      // Every order twice: the second copies come in reverse, some while the first is still running.
      const bodies = [...orders, ...orders.toReversed()].map((order) => [order]);
      const deliveries = await deliverWebhooksFromThread(runtime.url, bodies, 16);
      const answers = deliveries.map((delivery) => delivery.body as { accepted: number; duplicates: number });
      expect(answers.reduce((sum, answer) => sum + answer.accepted, 0)).toBe(ORDERS);
      expect(answers.reduce((sum, answer) => sum + answer.duplicates, 0)).toBe(ORDERS);
      const queue = await waitForQueue(runtime.url, settled(ORDERS), 60_000);
      expect(queue.counts).toMatchObject({ dead: 0, exception: 0 });
      expect(await load.sageOrderCounts(orders)).toEqual(once1000(orders));
    } finally {
      await runtime.close();
    }
  }, 90_000);

  it('(2) delivers all 1,000 while Sage answers 20 % 5xx and bursts of 429, none dead-lettered', async () => {
    const orders = await load.createOrders(ORDERS, 'registered-customer-order');
    // A short cool-down: a streak of five 5xx trips the breaker now and then, and the test should
    // not sit out the production default of 30 s each time.
    // More workers: most of a faulted run is waiting (Retry-After, the connector's backoff), not work.
    const runtime = await start({ workers: 16, circuitBreaker: { coolDownMs: 500, maxCoolDownMs: 1_000 } });
    const faults = { errorRate: 0.2, errorStatus: 503, rateLimitBurst: 20, retryAfterSeconds: 1 };
    // Each PUT starts a new burst of 429s (the next 20 requests); the 5xx go on all the time. The
    // bursts come while the queue is busy, like a real rate limit: re-armed every 4 s until the
    // end, they starved the last order (alone, it asks too rarely to use up a burst before the next
    // one) until its 20 attempts ran out.
    await load.setSageFaults(faults);
    const bursts = setInterval(() => {
      void readHealth(runtime.url)
        .then(({ queue }) => {
          if (queue.counts.queued + queue.counts.leased >= 50) return load.setSageFaults(faults);
          clearInterval(bursts);
          return undefined;
        })
        .catch(() => undefined);
    }, 4_000);
    try {
      const bodies = [...orders, ...orders.toReversed()].map((order) => [order]);
      await deliverWebhooksFromThread(runtime.url, bodies, 16);
      // Settled means every order finished one way or another, so a dead letter fails with its reason
      // at once instead of as a timeout.
      const queue = await waitForQueue(runtime.url, finished(ORDERS), 75_000);
      const dead = await admin(runtime.url, '/admin/dead-letters', READ_TOKEN);
      expect(await dead.json()).toEqual({ deadLetters: [] });
      expect(queue.counts).toMatchObject({ succeeded: ORDERS, dead: 0, exception: 0 });
      expect(await load.sageOrderCounts(orders)).toEqual(once1000(orders));
      // The faults were real: jobs were retried.
      const metrics = await (await fetch(`${runtime.url}/metrics`)).text();
      expect(
        Number(/bridgeflow_job_retries_total\{flow="order-to-sage300"\} (\d+)/.exec(metrics)?.[1]),
      ).toBeGreaterThan(0);
    } finally {
      clearInterval(bursts);
      await load.setSageFaults({});
      await runtime.close();
    }
  }, 120_000);

  it('(3) loses and duplicates nothing when bridgeflow serve is killed -9 mid-burst and restarted', async () => {
    const orders = await load.createOrders(ORDERS, 'registered-customer-order');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const data = join(load.folder, 'crash-data');
    let child = serve(port, data);
    try {
      await listening(child);
      let accepted = 0;
      let killed: Promise<unknown> | undefined;
      const sending = deliverWebhooks(
        () => url,
        orders.map((order) => [order]),
        {
          concurrency: 16,
          deadline: Date.now() + 90_000,
          onAccepted: () => {
            accepted += 1;
            if (accepted === 400) {
              killed = once(child, 'exit');
              child.kill('SIGKILL');
            }
          },
        },
      );
      await expect.poll(() => killed, { timeout: 30_000 }).toBeDefined();
      await killed;
      child = serve(port, data);
      await listening(child);
      const deliveries = await sending;
      // Some deliveries got no answer from the killed process and were sent again.
      expect(deliveries.some((delivery) => delivery.attempts > 1)).toBe(true);
      await waitForQueue(url, settled(ORDERS), 60_000);
      expect(await load.sageOrderCounts(orders)).toEqual(once1000(orders));
    } finally {
      child.kill('SIGINT');
    }
  }, 120_000);

  it('(4) parks unknown-SKU orders as exceptions; after the table is fixed, replays them into Sage', async () => {
    const unknown = await load.createOrders(20, 'unknown-sku-order');
    const known = await load.createOrders(20, 'guest-order');
    const dataDir = await mkdtemp(join(load.folder, 'exceptions-'));
    let runtime = await start({ dataDir });
    try {
      await deliverWebhooks(
        () => runtime.url,
        [...unknown, ...known].map((order) => [order]),
        {
          concurrency: 8,
        },
      );
      await waitForQueue(runtime.url, ({ counts }) => counts.exception === 20 && counts.succeeded === 20);
      const listed = await admin(runtime.url, `/admin/exceptions?flow=${FLOW}&reason=lookupMiss`, READ_TOKEN);
      const { exceptions } = (await listed.json()) as { exceptions: { id: string; reason: string }[] };
      expect(exceptions).toHaveLength(20);
      expect(exceptions[0]?.reason).toMatch(/OF-1011/);
      const first = await admin(runtime.url, `/admin/exceptions/${exceptions[0]?.id}`, READ_TOKEN);
      expect(await first.json()).toMatchObject({
        exception: {
          flowId: FLOW,
          status: 'open',
          job: { status: 'exception', payload: { OrderID: expect.any(Number) } },
        },
        run: { status: 'succeeded', trace: { nodes: expect.any(Array) } },
      });
      const metrics = await (await fetch(`${runtime.url}/metrics`)).text();
      expect(metrics).toContain(`bridgeflow_exceptions{flow="${FLOW}"} 20`);
      const refused = await admin(runtime.url, `/admin/exceptions/${exceptions[0]?.id}/replay`, READ_TOKEN, {
        method: 'POST',
      });
      expect(refused.status).toBe(403);
      expect(await load.sageOrderCounts(unknown)).toEqual(unknown.map(() => 0));

      // The fix: the designer adds OF-1011 to the SKU table and exports again; the runtime restarts
      // on the same data with the new bundle (its lookup tables replace the old ones).
      await runtime.close();
      runtime = await start({ dataDir, bundles: [load.fixedBundleFolder] });
      for (const exception of exceptions) {
        const replayed = await admin(
          runtime.url,
          `/admin/exceptions/${exception.id}/replay`,
          OPERATOR_TOKEN,
          {
            method: 'POST',
          },
        );
        expect(replayed.status).toBe(200);
      }
      await waitForQueue(runtime.url, settled(40));
      expect(await load.sageOrderCounts([...unknown, ...known])).toEqual(Array(40).fill(1));
      const after = await admin(runtime.url, '/admin/exceptions', READ_TOKEN);
      expect(await after.json()).toEqual({ exceptions: [] });
      expect(await (await fetch(`${runtime.url}/metrics`)).text()).toContain(
        `bridgeflow_exceptions{flow="${FLOW}"} 0`,
      );
    } finally {
      await runtime.close();
    }
  }, 60_000);

  it('(5) refuses malformed and oversized webhooks with the reason, and logs each refusal', async () => {
    const runtime = await start({ workers: 0, maxBodyBytes: 4_000 });
    try {
      const post = async (body: string) => {
        const response = await fetch(`${runtime.url}/webhooks/threedcart/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        return { status: response.status, body: (await response.json()) as JsonValue };
      };
      const refusals = [
        await post('[{"OrderID": 1001'),
        await post(JSON.stringify([{ OrderID: 1001, Comments: 'x'.repeat(5_000) }])),
        await post('[{"InvoiceNumber": 10452}]'),
        await post('[]'),
      ];
      expect(refusals).toEqual([
        {
          status: 400,
          body: {
            error: { code: 'WEBHOOK_PAYLOAD_INVALID', message: expect.stringMatching(/not valid JSON/) },
          },
        },
        {
          status: 413,
          body: {
            error: { code: 'INPUT_TOO_LARGE', message: expect.stringMatching(/the limit is 4000 bytes/) },
          },
        },
        {
          status: 400,
          body: {
            error: { code: 'WEBHOOK_PAYLOAD_INVALID', message: expect.stringMatching(/without an OrderID/) },
          },
        },
        {
          status: 400,
          body: {
            error: { code: 'WEBHOOK_PAYLOAD_INVALID', message: 'The 3dcart webhook body holds no order' },
          },
        },
      ]);
      const logged = runtime.logger.entries.filter((entry) => entry.message === 'webhook refused');
      expect(logged.map((entry) => entry.fields)).toEqual(
        refusals.map((refusal) =>
          expect.objectContaining({
            status: refusal.status,
            flowId: FLOW,
            message: (refusal.body as { error: { message: string } }).error.message,
          }),
        ),
      );
      const { counts } = (await (await admin(runtime.url, '/admin/queue', READ_TOKEN)).json()) as InboxStats;
      expect(counts.queued).toBe(0);
    } finally {
      await runtime.close();
    }
  });
});

const cli = join(root, 'engine/cli.ts');

function serve(port: number, data: string): ChildProcessByStdio<null, Readable, Readable> {
  const child = spawn(
    process.execPath,
    [
      cli,
      'serve',
      load.bundleFolder,
      '--data',
      data,
      '--port',
      String(port),
      '--workers',
      '8',
      '--lease-seconds',
      '2',
    ],
    { cwd: root, env: { ...process.env, ...load.environment }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // The JSON log goes to stderr; read it so the pipe never fills and blocks the runtime.
  child.stderr.resume();
  return child;
}

/** Resolves once the child prints its listening line. */
function listening(child: ChildProcessByStdio<null, Readable, Readable>): Promise<void> {
  return new Promise((resolve, reject) => {
    let printed = '';
    child.stdout.on('data', (chunk) => {
      printed += String(chunk);
      if (printed.includes('listening on')) resolve();
    });
    child.once('exit', () => reject(new Error(`bridgeflow serve exited without listening: ${printed}`)));
  });
}

/** A port nothing listens on now, so both runtime processes can take the same one in turn. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}
