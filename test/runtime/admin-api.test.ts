import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../engine/contract/flow-document.ts';
import { createMemoryLogger } from '../../engine/run/testing/test-services.ts';
import type { InboxStats } from '../../engine/runtime/inbox/inbox.ts';
import { type Runtime, type RuntimeOptions, startRuntime } from '../../engine/runtime/serve/runtime.ts';
import { sandboxCredentials } from '../../engine/simulators/sandbox.ts';
import { postOrders, type RuntimeBench, startRuntimeBench, waitForQueue } from './runtime-bench.ts';

//   POST /webhooks/threedcart/orders → workers → runs table
//   GET /admin/runs, /admin/runs/{id}, /admin/dead-letters[/causes], POST …/{jobId}/replay|discard
//   GET /metrics (Prometheus text)

const READ_TOKEN = 'read-only-secret';
const OPERATOR_TOKEN = 'operator-secret';

let bench: RuntimeBench;
beforeAll(async () => {
  bench = await startRuntimeBench();
});
afterAll(() => bench.close());

async function start(options: Partial<RuntimeOptions> = {}): Promise<Runtime> {
  return startRuntime({
    bundles: [bench.folder],
    dataDir: await mkdtemp(join(bench.folder, 'admin-')),
    environment: bench.environment,
    logger: createMemoryLogger(),
    pollMs: 20,
    adminToken: READ_TOKEN,
    operatorToken: OPERATOR_TOKEN,
    // A retryable failure is retried once, quickly, so no test waits for the real backoff.
    retry: { maxAttempts: 2, backoffMs: 10, maxBackoffMs: 10 },
    ...options,
  });
}

interface RunJson {
  id: string;
  flowId: string;
  businessKey: string | null;
  startedAt: number;
  finishedAt: number;
  error: { message: string } | null;
}

interface JobJson {
  id: string;
  status: string;
  lastError: { message: string } | null;
  payload: { OrderID?: JsonValue };
}

/** The admin API's answers, every field optional in practice: each endpoint fills some of them. */
interface AdminBody {
  runs: RunJson[];
  id: string;
  trace: { runId: string; nodes: unknown[] };
  flows: unknown[];
  counts: Record<string, number>;
  deadLetters: JobJson[];
  causes: unknown[];
  job: JobJson;
  error: { message: string };
}

interface Answer {
  status: number;
  body: AdminBody;
}

async function admin(url: string, token: string | undefined, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, {
    ...init,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as AdminBody };
}

const settled = (expected: number) => (queue: InboxStats) =>
  queue.counts.succeeded + queue.counts.dead + queue.counts.failed === expected;

/** Puts a Sage customer on hold (order entry then refuses its orders) or takes it off hold. */
async function setOnHold(customerNumber: string, onHold: boolean): Promise<void> {
  const sage = sandboxCredentials(bench.sandbox)['sage300-erp'];
  const basic = Buffer.from(`${sage?.username}:${sage?.password}`).toString('base64');
  const path = `/Sage300WebApi/v1.0/-/SAMINC/AR/ARCustomers('${customerNumber}')`;
  const response = await fetch(`${bench.sandbox.sage300.url}${path}`, {
    method: 'PATCH',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' },
    body: JSON.stringify({ OnHold: onHold ? 'Yes' : 'No' }),
  });
  expect(response.ok).toBe(true);
}

describe('runtime admin API', () => {
  it('records every run and answers queries by status, flow, key and time, and a run with its trace', async () => {
    const runtime = await start();
    try {
      const orders = [
        await bench.createOrder('registered-customer-order'),
        await bench.createOrder('guest-order'),
      ];
      expect((await postOrders(runtime.url, orders)).body).toEqual({ accepted: 2, duplicates: 0 });
      await waitForQueue(runtime.url, settled(2));

      const all = await admin(`${runtime.url}/admin/runs`, READ_TOKEN);
      expect(all.status).toBe(200);
      expect(all.body.runs).toHaveLength(2);
      const [newest, older] = all.body.runs;
      expect(newest?.startedAt).toBeGreaterThanOrEqual(older?.startedAt ?? Number.POSITIVE_INFINITY);
      const flowId = all.body.runs[0]?.flowId;
      for (const run of all.body.runs) {
        expect(run).toMatchObject({ status: 'succeeded', attempt: 1, error: null, itemErrorCount: 0 });
        expect(run.finishedAt).toBeGreaterThanOrEqual(run.startedAt);
      }

      // The 3dcart trigger keys a delivery by OrderID and order status.
      const key = `${String(orders[1]?.OrderID)}/status 1`;
      const byKey = await admin(
        `${runtime.url}/admin/runs?key=${encodeURIComponent(key)}&flow=${flowId}&limit=5`,
        READ_TOKEN,
      );
      expect(byKey.body.runs.map((run) => run.businessKey)).toEqual([key]);
      expect((await admin(`${runtime.url}/admin/runs?status=failed`, READ_TOKEN)).body.runs).toEqual([]);
      const future = new Date(Date.now() + 60_000).toISOString();
      expect((await admin(`${runtime.url}/admin/runs?since=${future}`, READ_TOKEN)).body.runs).toEqual([]);
      expect((await admin(`${runtime.url}/admin/runs?status=lost`, READ_TOKEN)).status).toBe(400);

      const detail = await admin(`${runtime.url}/admin/runs/${byKey.body.runs[0]?.id}`, READ_TOKEN);
      expect(detail.status).toBe(200);
      expect(detail.body.trace).toMatchObject({ runId: detail.body.id, flowId, status: 'succeeded' });
      expect(detail.body.trace.nodes.length).toBeGreaterThan(3);
      expect((await admin(`${runtime.url}/admin/runs/nope`, READ_TOKEN)).status).toBe(404);
    } finally {
      await runtime.close();
    }
  });

  it('lists the loaded flows and the queue, and exports Prometheus metrics', async () => {
    const runtime = await start();
    try {
      await postOrders(runtime.url, [await bench.createOrder('guest-order')]);
      await waitForQueue(runtime.url, settled(1));
      const flowId = (await admin(`${runtime.url}/admin/runs`, READ_TOKEN)).body.runs[0]?.flowId;
      const flows = await admin(`${runtime.url}/admin/flows`, READ_TOKEN);
      expect(flows.body.flows).toEqual([
        expect.objectContaining({
          flowId,
          manifestHash: expect.any(String),
          routes: [expect.objectContaining({ method: 'POST', path: '/webhooks/threedcart/orders' })],
        }),
      ]);
      const queue = await admin(`${runtime.url}/admin/queue`, READ_TOKEN);
      expect(queue.body.counts).toMatchObject({ succeeded: 1, dead: 0 });

      const metrics = await fetch(`${runtime.url}/metrics`);
      expect(metrics.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      const lines = (await metrics.text()).trimEnd().split('\n');
      const sample = /^[a-z_]+(\{([a-z]+="([^"\\]|\\.)*",?)*\})? -?[0-9.e+-]+$|^[a-z_]+(\{.*\})? \+Inf$/;
      for (const line of lines) {
        if (!line.startsWith('# ')) expect(line).toMatch(sample);
      }
      expect(lines).toContain('# TYPE bridgeflow_runs_total counter');
      expect(lines).toContain('# TYPE bridgeflow_run_duration_seconds histogram');
      expect(lines).toContain(`bridgeflow_runs_total{flow="${flowId}",status="succeeded"} 1`);
      expect(lines).toContain(`bridgeflow_run_duration_seconds_bucket{flow="${flowId}",le="+Inf"} 1`);
      expect(lines).toContain(`bridgeflow_run_duration_seconds_count{flow="${flowId}"} 1`);
      expect(lines).toContain('bridgeflow_queue_depth{status="succeeded"} 1');
      expect(lines).toContain(`bridgeflow_dead_letters{flow="${flowId}"} 0`);
    } finally {
      await runtime.close();
    }
  });

  it('requires a token (401), the operator token to act (403), and is off without tokens (404)', async () => {
    const runtime = await start({ workers: 0 });
    try {
      expect((await admin(`${runtime.url}/admin/runs`, undefined)).status).toBe(401);
      expect((await admin(`${runtime.url}/admin/runs`, 'guess')).status).toBe(401);
      expect((await admin(`${runtime.url}/admin/queue`, READ_TOKEN)).status).toBe(200);
      expect((await admin(`${runtime.url}/admin/queue`, OPERATOR_TOKEN)).status).toBe(200);
      const replay = `${runtime.url}/admin/dead-letters/some-job/replay`;
      expect((await admin(replay, READ_TOKEN, { method: 'POST' })).status).toBe(403);
      expect((await admin(replay, undefined, { method: 'POST' })).status).toBe(401);
      expect((await admin(replay, OPERATOR_TOKEN, { method: 'POST' })).body.error.message).toMatch(
        /no inbox job some-job/,
      );
    } finally {
      await runtime.close();
    }
    const closed = await start({ workers: 0, adminToken: undefined, operatorToken: undefined });
    try {
      expect((await admin(`${closed.url}/admin/runs`, READ_TOKEN)).status).toBe(404);
      expect((await fetch(`${closed.url}/metrics`)).status).toBe(200);
    } finally {
      await closed.close();
    }
  });

  it('dead-letters an order Sage refuses, groups it by cause, and replays it once the cause is fixed', async () => {
    const runtime = await start();
    let customerNumber: string | undefined;
    try {
      const first = await bench.createOrder('registered-customer-order');
      await postOrders(runtime.url, [first]);
      await waitForQueue(runtime.url, settled(1));
      const [sageOrder] = await bench.sageOrdersFor([first.OrderID ?? null]);
      customerNumber = String(sageOrder?.CustomerNumber);
      await setOnHold(customerNumber, true);

      const refused = [await bench.createOrder('registered-customer-order')];
      refused.push(await bench.createOrder('registered-customer-order'));
      await postOrders(runtime.url, refused);
      await waitForQueue(runtime.url, (queue) => queue.counts.dead === 2);
      const dead = await admin(`${runtime.url}/admin/dead-letters`, READ_TOKEN);
      expect(dead.body.deadLetters).toHaveLength(2);
      expect(dead.body.deadLetters[0]?.lastError?.message).toMatch(/on hold/);
      const causes = await admin(`${runtime.url}/admin/dead-letters/causes`, READ_TOKEN);
      expect(causes.body.causes).toEqual([
        expect.objectContaining({ count: 2, messagePrefix: expect.stringMatching(/./) }),
      ]);
      const failedRuns = await admin(`${runtime.url}/admin/runs?status=failed`, READ_TOKEN);
      expect(failedRuns.body.runs.length).toBeGreaterThanOrEqual(2);
      expect(failedRuns.body.runs[0]?.error?.message).toMatch(/on hold/);

      const [toReplay, toDiscard] = dead.body.deadLetters.map((job) => job.id);
      await setOnHold(customerNumber, false);
      const replayUrl = `${runtime.url}/admin/dead-letters/${toReplay}/replay`;
      expect((await admin(replayUrl, READ_TOKEN, { method: 'POST' })).status).toBe(403);
      const replayed = await admin(replayUrl, OPERATOR_TOKEN, { method: 'POST' });
      expect(replayed).toMatchObject({ status: 200, body: { job: { id: toReplay, status: 'queued' } } });
      const discardUrl = `${runtime.url}/admin/dead-letters/${toDiscard}/discard`;
      const discarded = await admin(discardUrl, OPERATOR_TOKEN, { method: 'POST' });
      expect(discarded).toMatchObject({ status: 200, body: { job: { id: toDiscard, status: 'failed' } } });

      await waitForQueue(runtime.url, (queue) => queue.counts.succeeded === 2 && queue.counts.dead === 0);
      const replayedJob = dead.body.deadLetters.find((job) => job.id === toReplay);
      const replayedOrderId = replayedJob?.payload.OrderID ?? null;
      expect(await bench.sageOrdersFor([replayedOrderId])).toHaveLength(1);
      expect((await admin(`${runtime.url}/admin/dead-letters/causes`, READ_TOKEN)).body.causes).toEqual([]);
      const again = await admin(replayUrl, OPERATOR_TOKEN, { method: 'POST' });
      expect(again.status).toBe(400);
    } finally {
      if (customerNumber !== undefined) await setOnHold(customerNumber, false);
      await runtime.close();
    }
  });
});
