import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger, type MemoryLogger } from '../../engine/run/testing/test-services.ts';
import { loadAlertSettings } from '../../engine/runtime/alerts/alert-settings.ts';
import { type Runtime, startRuntime } from '../../engine/runtime/serve/runtime.ts';
import {
  type MailServer,
  startMailServer,
  startWebhookReceiver,
  type WebhookReceiver,
  waitUntil,
} from './alert-receivers.ts';
import { postOrders, type RuntimeBench, startRuntimeBench, waitForQueue } from './runtime-bench.ts';
import { createManualClock, type ManualClock } from './schedule-bench.ts';

//   Sage answers 503 → run fails → job dead (one attempt) → alert monitor sees the dead letter
//   → SMTP mail (smtp-server on 127.0.0.1) + Slack-style POST {text} (HTTP server on 127.0.0.1)

const PASSWORD = 'smtp-Pa55word!';
const HOOK_PATH = '/services/T0001/B0002/SECRET-hook-token';
const FLOW = 'order-to-sage300';
const START = '2026-11-22T09:00:00Z';

let bench: RuntimeBench;
let mail: MailServer;
let hook: WebhookReceiver;
let runtime: Runtime | undefined;
beforeAll(async () => {
  [bench, mail, hook] = await Promise.all([
    startRuntimeBench(),
    startMailServer({ username: 'alerts', password: PASSWORD }),
    startWebhookReceiver(),
  ]);
});
afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
  mail.mails.length = 0;
  hook.messages.length = 0;
  hook.status = 200;
  await setSageFaults(0);
});
afterAll(async () => {
  await Promise.all([bench.close(), mail.close(), hook.close()]);
});

async function setSageFaults(errorRate: number): Promise<void> {
  const response = await fetch(`${bench.sandbox.sage300.url}/_admin/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ errorRate, errorStatus: 503 }),
  });
  expect(response.ok).toBe(true);
}

/** Starts the runtime with alert settings read as `bridgeflow serve --alerts` reads them. */
async function start(
  settings: object,
  environment: NodeJS.ProcessEnv,
): Promise<{ logger: MemoryLogger; clock: ManualClock; url: string }> {
  const folder = await mkdtemp(join(bench.folder, 'alerts-'));
  const file = join(folder, 'alerts.json');
  await writeFile(file, JSON.stringify(settings));
  const logger = createMemoryLogger();
  const clock = createManualClock(START);
  runtime = await startRuntime({
    bundles: [bench.folder],
    dataDir: folder,
    environment: bench.environment,
    logger,
    clock,
    pollMs: 20,
    workers: 1,
    retry: { maxAttempts: 1, backoffMs: 10, maxBackoffMs: 10 },
    circuitBreaker: { failureThreshold: 1_000 },
    alerts: await loadAlertSettings(file, environment),
  });
  return { logger, clock, url: runtime.url };
}

const heldBack = (logger: MemoryLogger) =>
  logger.entries.filter((entry) => entry.message === 'alert held back by the rate limit').length;

function expectNoSecrets(logger: MemoryLogger): void {
  const logged = JSON.stringify(logger.entries);
  expect(logged).not.toContain(PASSWORD);
  expect(logged).not.toContain('SECRET-hook-token');
}

describe('runtime alerts', () => {
  it('mails and posts each dead-letter growth, at most once per 15 minutes, counting what it held back', async () => {
    const { logger, clock, url } = await start(
      {
        email: {
          host: '127.0.0.1',
          port: mail.port,
          username: 'alerts',
          from: 'bridgeflow@example.com',
          to: ['ops@example.com'],
        },
        failureRate: { enabled: false },
        checkIntervalSeconds: 1,
      },
      { BRIDGEFLOW_ALERT_SMTP_PASSWORD: PASSWORD, BRIDGEFLOW_ALERT_WEBHOOK_URL: `${hook.url}${HOOK_PATH}` },
    );
    await setSageFaults(1);
    const first = await bench.createOrder('registered-customer-order');
    await postOrders(url, [first]);
    await waitUntil('the first alert', () => mail.mails.length === 1 && hook.messages.length === 1);

    const [message] = mail.mails;
    expect(message).toMatchObject({
      from: 'bridgeflow@example.com',
      to: ['ops@example.com'],
      subject: `[Bridgeflow] ${FLOW}: 1 new dead letter (1 in all)`,
    });
    expect(message?.text).toContain(`Flow: 3dcart order to Sage 300 sales order (${FLOW})`);
    expect(message?.text).toContain('Dead letters: 1 (1 new since none)');
    expect(message?.text).toMatch(
      new RegExp(`Reasons:\\n  1 × CONNECTOR_UNAVAILABLE: .*503.* \\[keys: ${first.OrderID}\\b[^\\]]*\\]`),
    );
    expect(hook.messages[0]?.path).toBe(HOOK_PATH);
    expect(hook.messages[0]?.body).toEqual({ text: `*${message?.subject}*\n${message?.text}` });

    // Two more dead letters within the quarter hour: held back, one check each.
    for (const [index, sample] of (['guest-order', 'registered-customer-order'] as const).entries()) {
      await postOrders(url, [await bench.createOrder(sample)]);
      await waitUntil(`held-back alert ${index + 1}`, () => heldBack(logger) === index + 1);
    }
    expect(await waitForQueue(url, (queue) => queue.counts.dead === 3)).toBeDefined();
    expect([mail.mails.length, hook.messages.length]).toEqual([1, 1]);

    clock.set('2026-11-22T09:15:30Z');
    await waitUntil('the summed-up alert', () => mail.mails.length === 2 && hook.messages.length === 2);
    const summary = mail.mails[1];
    expect(summary?.subject).toBe(`[Bridgeflow] ${FLOW}: 2 new dead letters (3 in all)`);
    expect(summary?.text).toContain('Dead letters: 3 (2 new since 1)');
    expect(summary?.text).toMatch(/ 2 × CONNECTOR_UNAVAILABLE: /);
    expect(summary?.text).toContain(
      '1 more alert of this kind for this flow was held back by the rate limit (at most one message every 15 minutes); this message sums them up.',
    );
    // Each channel logs its send once the receiver has answered, which may be just after it got it.
    await waitUntil(
      'four sends logged',
      () => logger.entries.filter((entry) => entry.message === 'alert sent').length === 4,
    );
    expectNoSecrets(logger);
  });

  it('posts once when a flow crosses the failure-rate threshold, not again while it stays over', async () => {
    const { logger, url } = await start(
      {
        deadLetters: false,
        failureRate: { threshold: 0.5, minRuns: 4, windowMinutes: 5 },
        checkIntervalSeconds: 1,
      },
      { BRIDGEFLOW_ALERT_WEBHOOK_URL: `${hook.url}${HOOK_PATH}` },
    );
    const good = [
      await bench.createOrder('guest-order'),
      await bench.createOrder('registered-customer-order'),
    ];
    await postOrders(url, good);
    await waitForQueue(url, (queue) => queue.counts.succeeded === 2);
    await setSageFaults(1);
    await postOrders(url, [await bench.createOrder('guest-order'), await bench.createOrder('guest-order')]);
    await waitUntil('the failure-rate alert', () => hook.messages.length === 1);
    const text = (hook.messages[0]?.body as { text: string } | undefined)?.text ?? '';
    expect(text).toMatch(
      new RegExp(`^\\*\\[Bridgeflow\\] ${FLOW}: 50 % of runs failed in the last 5 minutes\\*`),
    );
    expect(text).toContain('Failed runs: 2 of 4 (50 %) in the last 5 minutes');
    expect(text).toContain('Threshold: 50 % of at least 4 runs');
    expect(text).toMatch(/ 2 × CONNECTOR_UNAVAILABLE: /);

    await postOrders(url, [await bench.createOrder('registered-customer-order')]);
    await waitForQueue(url, (queue) => queue.counts.dead === 3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hook.messages).toHaveLength(1);
    expect(heldBack(logger)).toBe(0);
  });

  it('posts when orders are parked as exceptions (unknown SKU), with the reason and the order', async () => {
    const { url } = await start(
      { failureRate: { enabled: false }, checkIntervalSeconds: 1 },
      { BRIDGEFLOW_ALERT_WEBHOOK_URL: `${hook.url}${HOOK_PATH}` },
    );
    const order = await bench.createOrder('unknown-sku-order');
    await postOrders(url, [order]);
    await waitUntil('the exception alert', () => hook.messages.length === 1);
    const text = String((hook.messages[0]?.body as { text?: string } | undefined)?.text);
    expect(text).toContain(`*[Bridgeflow] ${FLOW}: 1 new exception (1 in all)*`);
    expect(text).toContain('Open exceptions: 1 (1 new since none)');
    expect(text).toMatch(new RegExp(`Reasons:\\n  1 × lookupMiss: .*OF-1011.* \\[keys: ${order.OrderID}\\b`));
    expect(text).toContain(`GET /admin/exceptions?flow=${FLOW}`);
    expect((await waitForQueue(url, (queue) => queue.counts.exception === 1)).counts.dead).toBe(0);
  });

  it('logs a channel that fails, without its secrets, and goes on running jobs', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const address = closed.address();
    const deadPort = typeof address === 'object' && address !== null ? address.port : 0;
    await new Promise((resolve) => closed.close(resolve));
    hook.status = 500;
    const { logger, url } = await start(
      {
        email: {
          host: '127.0.0.1',
          port: deadPort,
          username: 'alerts',
          from: 'a@example.com',
          to: ['b@example.com'],
        },
        checkIntervalSeconds: 1,
      },
      { BRIDGEFLOW_ALERT_SMTP_PASSWORD: PASSWORD, BRIDGEFLOW_ALERT_WEBHOOK_URL: `${hook.url}${HOOK_PATH}` },
    );
    await setSageFaults(1);
    await postOrders(url, [await bench.createOrder('guest-order')]);
    const failures = () => logger.entries.filter((entry) => entry.message === 'alert not sent');
    await waitUntil('two failed sends', () => failures().length === 2);
    const reasons = failures()
      .map((entry) => `${entry.fields?.channel}: ${entry.fields?.message}`)
      .sort();
    expect(reasons[0]).toMatch(/^email: .*ECONNREFUSED/);
    expect(reasons[1]).toBe(`webhook: The webhook at ${new URL(hook.url).host} answered 500: no_service`);
    expectNoSecrets(logger);

    await setSageFaults(0);
    await postOrders(url, [await bench.createOrder('registered-customer-order')]);
    expect((await waitForQueue(url, (queue) => queue.counts.succeeded === 1)).counts.dead).toBe(1);
  });
});
