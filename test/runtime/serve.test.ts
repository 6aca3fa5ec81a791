import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../engine/contract/flow-document.ts';
import { createMemoryLogger, type MemoryLogger } from '../../engine/run/testing/test-services.ts';
import type { InboxStats } from '../../engine/runtime/inbox/inbox.ts';
import { type Runtime, type RuntimeOptions, startRuntime } from '../../engine/runtime/serve/runtime.ts';
import {
  postOrders,
  type RuntimeBench,
  readHealth,
  startRuntimeBench,
  waitForQueue,
} from './runtime-bench.ts';

//   POST /webhooks/threedcart/orders [{order}, …] → inbox (one job per OrderID) → 202
//   workers → runFlow(order-to-sage300) → Sage 300 sales order, 3dcart order "Processing"

let bench: RuntimeBench;
beforeAll(async () => {
  bench = await startRuntimeBench();
});
afterAll(() => bench.close());

async function start(options: Partial<RuntimeOptions> = {}): Promise<Runtime & { logger: MemoryLogger }> {
  const logger = createMemoryLogger();
  const runtime = await startRuntime({
    bundles: [bench.folder],
    dataDir: await mkdtemp(join(bench.folder, 'data-')),
    environment: bench.environment,
    logger,
    pollMs: 20,
    ...options,
  });
  return { ...runtime, logger };
}

const settled = (expected: number) => (queue: InboxStats) =>
  queue.counts.succeeded + queue.counts.dead + queue.counts.failed === expected;

describe('bridgeflow serve', () => {
  it('creates one Sage order per webhook order, and none more when the webhook comes again', async () => {
    const runtime = await start();
    try {
      const orders = [
        await bench.createOrder('registered-customer-order'),
        await bench.createOrder('guest-order'),
        await bench.createOrder('registered-customer-order'),
      ];
      const ids = orders.map((order) => order.OrderID ?? null);
      expect(await postOrders(runtime.url, orders)).toEqual({
        status: 202,
        body: { accepted: 3, duplicates: 0 },
      });
      await waitForQueue(runtime.url, settled(3));
      expect((await bench.sageOrdersFor(ids)).map((order) => order.PurchaseOrderNumber).sort()).toEqual(
        ids.map((id) => `3DC-${String(id)}`).sort(),
      );

      expect(await postOrders(runtime.url, orders)).toEqual({
        status: 202,
        body: { accepted: 0, duplicates: 3 },
      });
      // The key is the OrderID with the order status: the same delivery again is skipped...
      expect(await postOrders(runtime.url, [{ OrderID: ids[0] ?? null, OrderStatusID: 1 }])).toEqual({
        status: 202,
        body: { accepted: 0, duplicates: 1 },
      });
      // ...a status change runs the flow again, which finds the order in Sage and creates nothing.
      expect(await postOrders(runtime.url, [{ OrderID: ids[0] ?? null, OrderStatusID: 2 }])).toEqual({
        status: 202,
        body: { accepted: 1, duplicates: 0 },
      });
      const queue = await waitForQueue(runtime.url, settled(4));
      expect(queue.counts).toMatchObject({ succeeded: 4, queued: 0, leased: 0, dead: 0 });
      expect(await bench.sageOrdersFor(ids)).toHaveLength(3);
    } finally {
      await runtime.close();
    }
  });

  it('answers 400 to malformed JSON and 413 to an oversized body with the reason, storing nothing', async () => {
    const runtime = await start({ workers: 0, maxBodyBytes: 2_000 });
    try {
      const url = `${runtime.url}/webhooks/threedcart/orders`;
      const post = async (body: string) => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        return { status: response.status, body: (await response.json()) as { error: JsonValue } };
      };
      expect(await post('[{"OrderID": 1001,}]')).toEqual({
        status: 400,
        body: {
          error: {
            code: 'WEBHOOK_PAYLOAD_INVALID',
            message: expect.stringMatching(/^The webhook body is not valid JSON \(line 1, column 19\)/),
          },
        },
      });
      expect(await post(JSON.stringify([{ OrderID: 1001, Notes: 'x'.repeat(5_000) }]))).toEqual({
        status: 413,
        body: {
          error: {
            code: 'INPUT_TOO_LARGE',
            message: 'The webhook body is 5029 bytes; the limit is 2000 bytes',
          },
        },
      });
      expect((await post('[{"Total": 12}]')).status).toBe(400);
      expect((await fetch(url)).status).toBe(405);
      expect((await fetch(`${runtime.url}/nowhere`, { method: 'POST' })).status).toBe(404);

      const { queue } = await readHealth(runtime.url);
      expect(queue.counts).toEqual({ queued: 0, leased: 0, succeeded: 0, failed: 0, dead: 0, exception: 0 });
      const refusals = runtime.logger.entries.filter((entry) => entry.message === 'webhook refused');
      expect(refusals.map((entry) => entry.fields?.status)).toEqual([400, 413, 400, 405, 404]);
    } finally {
      await runtime.close();
    }
  });

  it('runs the jobs a stopped runtime left queued after a restart on the same data, once each', async () => {
    const dataDir = await mkdtemp(join(bench.folder, 'restart-'));
    const intakeOnly = await start({ workers: 0, dataDir });
    const orders = [
      await bench.createOrder('guest-order'),
      await bench.createOrder('registered-customer-order'),
    ];
    const ids = orders.map((order) => order.OrderID ?? null);
    try {
      expect((await postOrders(intakeOnly.url, orders)).body).toEqual({ accepted: 2, duplicates: 0 });
      expect((await readHealth(intakeOnly.url)).queue.counts.queued).toBe(2);
    } finally {
      await intakeOnly.close();
    }
    expect(await bench.sageOrdersFor(ids)).toEqual([]);

    const restarted = await start({ dataDir });
    try {
      const queue = await waitForQueue(restarted.url, settled(2));
      expect(queue.counts).toMatchObject({ succeeded: 2, queued: 0, dead: 0 });
      expect((await postOrders(restarted.url, orders)).body).toEqual({ accepted: 0, duplicates: 2 });
      expect(await bench.sageOrdersFor(ids)).toHaveLength(2);
    } finally {
      await restarted.close();
    }
  });

  it('answers 503 while it stops, and lets the running job finish first', async () => {
    const runtime = await start({ workers: 1 });
    const setSageLatency = (latencyMs: number) =>
      fetch(`${bench.sandbox.sage300.url}/_admin/faults`, {
        method: 'PUT',
        body: JSON.stringify({ latencyMs }),
      });
    await setSageLatency(150);
    let closing: Promise<void> | undefined;
    try {
      const order = await bench.createOrder('guest-order');
      expect((await postOrders(runtime.url, [order])).body).toEqual({ accepted: 1, duplicates: 0 });
      await waitForQueue(runtime.url, (queue) => queue.counts.leased === 1);
      closing = runtime.close();
      const refused = await fetch(`${runtime.url}/health`);
      expect(refused.status).toBe(503);
      expect(await refused.json()).toMatchObject({ error: { code: 'CONNECTOR_UNAVAILABLE' } });
      await closing;
      expect(await bench.sageOrdersFor([order.OrderID ?? null])).toHaveLength(1);
    } finally {
      await setSageLatency(0);
      await (closing ?? runtime.close());
    }
  });

  it('parks an order with an unknown SKU in the exception queue, creating no Sage order', async () => {
    const runtime = await start();
    try {
      const order = await bench.createOrder('unknown-sku-order');
      expect((await postOrders(runtime.url, [order])).body).toEqual({ accepted: 1, duplicates: 0 });
      const queue = await waitForQueue(runtime.url, (counts) => counts.counts.exception === 1);
      // The mapping sends the order to its exception port (SKU not in sku-to-sage-item); the
      // template leaves that port unconnected, so the runtime parks the job for an operator.
      expect(queue.counts).toMatchObject({ succeeded: 0, dead: 0, exception: 1 });
      expect(runtime.inbox.listExceptions()).toEqual([
        expect.objectContaining({
          businessKey: `${String(order.OrderID)}/status 1`,
          reason: expect.stringContaining('OF-1011'),
        }),
      ]);
      expect(await bench.sageOrdersFor([order.OrderID ?? null])).toEqual([]);
    } finally {
      await runtime.close();
    }
  });

  it('refuses to start when a bundle was changed after export, naming the file', async () => {
    const tampered = join(bench.folder, 'tampered');
    await mkdir(tampered);
    const text = await readFile(bench.bundlePath, 'utf8');
    await writeFile(join(tampered, 'x.bundle.json'), text.replace('"3DC-"', '"WEB-"'));
    await expect(
      startRuntime({ bundles: [tampered], dataDir: join(tampered, 'data'), environment: {} }),
    ).rejects.toThrow(/x\.bundle\.json: The bundle's content does not match its manifest/);
  });
});
