import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../engine/run/testing/test-services.ts';
import type { CircuitSnapshot } from '../../engine/runtime/circuit/circuit-breaker.ts';
import { startRuntime } from '../../engine/runtime/serve/runtime.ts';
import {
  postOrders,
  type RuntimeBench,
  readHealth,
  startRuntimeBench,
  waitForQueue,
} from './runtime-bench.ts';

//   Sage answers 503 → runs fail CONNECTOR_UNAVAILABLE → sage300-erp breaker opens
//   → jobs stay queued, unattempted → Sage is back, cool-down passes → trial succeeds → all complete

let bench: RuntimeBench;
beforeAll(async () => {
  bench = await startRuntimeBench();
});
afterAll(() => bench.close());

async function setSageFaults(errorRate: number): Promise<void> {
  const response = await fetch(`${bench.sandbox.sage300.url}/_admin/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ errorRate, errorStatus: 503 }),
  });
  expect(response.ok).toBe(true);
}

async function sageBreaker(url: string): Promise<CircuitSnapshot | undefined> {
  const health = (await readHealth(url)) as unknown as { connections: CircuitSnapshot[] };
  return health.connections.find((connection) => connection.credentialId === 'sage300-erp');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('connection circuit breaker', () => {
  it('stops attempting jobs while Sage is down, keeps them queued, and runs them all once it is back', async () => {
    const logger = createMemoryLogger();
    const runtime = await startRuntime({
      bundles: [bench.folder],
      dataDir: await mkdtemp(join(bench.folder, 'data-')),
      environment: bench.environment,
      logger,
      pollMs: 20,
      workers: 2,
      // Retries come fast, so only the breaker can stop the attempts from piling up.
      retry: { maxAttempts: 1_000, backoffMs: 10, maxBackoffMs: 20 },
      circuitBreaker: { failureThreshold: 3, coolDownMs: 1_500, maxCoolDownMs: 1_500 },
    });
    try {
      await setSageFaults(1);
      const orders = [
        await bench.createOrder('registered-customer-order'),
        await bench.createOrder('guest-order'),
        await bench.createOrder('registered-customer-order'),
      ];
      expect((await postOrders(runtime.url, orders)).status).toBe(202);
      const deadline = Date.now() + 15_000;
      while ((await sageBreaker(runtime.url))?.state !== 'open') {
        if (Date.now() > deadline) throw new Error('The Sage breaker never opened');
        await sleep(20);
      }
      // Runs already under way when it opened may still finish (slowly on a busy machine): wait
      // until none holds a lease; after that, nothing is attempted while the breaker is open.
      await waitForQueue(runtime.url, (stats) => stats.counts.leased === 0);
      const attempted = runtime.runs.list().length;
      await sleep(700);
      expect(runtime.runs.list()).toHaveLength(attempted);
      expect((await readHealth(runtime.url)).queue.counts).toMatchObject({
        queued: 3,
        dead: 0,
        succeeded: 0,
      });

      await setSageFaults(0);
      const queue = await waitForQueue(runtime.url, (stats) => stats.counts.succeeded === 3);
      expect(queue.counts).toMatchObject({ queued: 0, leased: 0, dead: 0 });
      expect(await sageBreaker(runtime.url)).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
      const changes = logger.entries.filter((entry) => entry.message === 'circuit breaker changed');
      expect(changes.map((entry) => entry.fields?.to)).toEqual(['open', 'half-open', 'closed']);
    } finally {
      await runtime.close();
    }
  }, 30_000);
});
