import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RetrySettings } from '../../contract/flow-document.ts';
import {
  createInboxFixture,
  failure,
  type InboxFixture,
  order,
  rateLimited,
  rejected,
} from './inbox-test-helpers.ts';

const lease = { leaseMs: 30_000, limit: 10 };
const retry: RetrySettings = { maxAttempts: 4, backoffMs: 1_000 };

describe('inbox', () => {
  let fixture: InboxFixture;
  beforeEach(async () => {
    fixture = await createInboxFixture();
  });
  afterEach(async () => {
    await fixture.cleanUp();
  });

  it('takes a job in, leases it to a worker and records its success', () => {
    const inbox = fixture.open();
    const { job, duplicate } = inbox.enqueue(order('1001', { OrderID: 1001, total: 99.5 }));
    expect(duplicate).toBe(false);
    expect(job).toMatchObject({ status: 'queued', attempts: 0, businessKey: '1001', trigger: 'webhook' });
    expect(inbox.stats()).toEqual({
      counts: { queued: 1, leased: 0, succeeded: 0, failed: 0, dead: 0, exception: 0 },
      oldestQueuedAgeMs: 0,
    });

    const [leased, ...others] = inbox.lease('worker-a', lease);
    expect(others).toEqual([]);
    expect(leased).toMatchObject({
      id: job.id,
      status: 'leased',
      attempts: 1,
      leaseOwner: 'worker-a',
      leaseUntil: fixture.clock.now() + 30_000,
      payload: { OrderID: 1001, total: 99.5 },
    });
    expect(inbox.lease('worker-b', lease)).toEqual([]);

    expect(inbox.complete(job.id, 'worker-a')).toMatchObject({ status: 'succeeded', leaseOwner: null });
    expect(inbox.stats().counts).toMatchObject({ queued: 0, leased: 0, succeeded: 1 });
  });

  it('reports how long the oldest queued job has waited', async () => {
    const inbox = fixture.open();
    inbox.enqueue(order('1001'));
    await fixture.clock.sleep(5_000);
    inbox.enqueue(order('1002'));
    expect(inbox.stats().oldestQueuedAgeMs).toBe(5_000);
  });

  it('skips a redelivered webhook while the first delivery is queued, running or done', () => {
    const inbox = fixture.open();
    const first = inbox.enqueue(order('1001')).job;
    expect(inbox.enqueue(order('1001'))).toEqual({ job: first, duplicate: true });
    inbox.lease('worker-a', lease);
    expect(inbox.enqueue(order('1001')).duplicate).toBe(true);
    inbox.complete(first.id, 'worker-a');
    const afterSuccess = inbox.enqueue(order('1001'));
    expect(afterSuccess.duplicate).toBe(true);
    expect(afterSuccess.job).toMatchObject({ id: first.id, status: 'succeeded' });
    expect(inbox.stats().counts.succeeded + inbox.stats().counts.queued).toBe(1);
  });

  it('does not deduplicate deliveries without a business key, or across flows', () => {
    const inbox = fixture.open();
    expect(inbox.enqueue(order(null)).duplicate).toBe(false);
    expect(inbox.enqueue(order(null)).duplicate).toBe(false);
    inbox.enqueue(order('1001'));
    expect(inbox.enqueue({ ...order('1001'), flowId: 'orders-to-m3' }).duplicate).toBe(false);
    expect(inbox.stats().counts.queued).toBe(4);
  });

  it('takes a redelivery in again once the earlier job is a dead letter', () => {
    const inbox = fixture.open();
    const first = inbox.enqueue(order('1001')).job;
    inbox.lease('worker-a', lease);
    inbox.fail(first.id, 'worker-a', rejected, retry);
    const again = inbox.enqueue(order('1001'));
    expect(again.duplicate).toBe(false);
    expect(again.job.id).not.toBe(first.id);
  });

  it('re-leases a job whose worker let the lease run out, and refuses the old worker', async () => {
    const inbox = fixture.open();
    const { job } = inbox.enqueue(order('1001'));
    inbox.lease('worker-a', lease);
    await fixture.clock.sleep(29_999);
    expect(inbox.lease('worker-b', lease)).toEqual([]);
    await fixture.clock.sleep(1);
    const [taken] = inbox.lease('worker-b', lease);
    expect(taken).toMatchObject({ id: job.id, leaseOwner: 'worker-b', attempts: 2 });

    const refused = failure(() => inbox.complete(job.id, 'worker-a'));
    expect(refused.code).toBe('STORE_FAILED');
    expect(refused.message).toContain('worker-a no longer holds its lease');
    expect(refused.message).toContain('leased by worker-b');
    expect(failure(() => inbox.fail(job.id, 'worker-a', rateLimited, retry)).code).toBe('STORE_FAILED');
    expect(inbox.complete(job.id, 'worker-b').status).toBe('succeeded');
    expect(failure(() => inbox.complete(job.id, 'worker-b')).message).toContain('the job is succeeded');
  });

  it('lets a worker finish a job whose lease ran out when nobody else took it', async () => {
    const inbox = fixture.open();
    const { job } = inbox.enqueue(order('1001'));
    inbox.lease('worker-a', lease);
    await fixture.clock.sleep(60_000);
    expect(inbox.complete(job.id, 'worker-a').status).toBe('succeeded');
  });

  it('retries with growing backoff, honours Retry-After, and gives up after maxAttempts', async () => {
    const inbox = fixture.open();
    const { job } = inbox.enqueue(order('1001'));
    const start = fixture.clock.now();
    const waits: number[] = [];
    for (const error of [rateLimited, rateLimited, { ...rateLimited, retryAfterMs: 30_000 }]) {
      inbox.lease('worker-a', lease);
      const queued = inbox.fail(job.id, 'worker-a', error, retry);
      expect(queued).toMatchObject({ status: 'queued', lastError: error, leaseOwner: null });
      const wait = queued.nextAttemptAt - fixture.clock.now();
      waits.push(wait);
      await fixture.clock.sleep(wait - 1);
      expect(inbox.lease('worker-a', lease)).toEqual([]);
      await fixture.clock.sleep(1);
    }
    expect(waits).toEqual([1_000, 2_000, 30_000]);

    const [last] = inbox.lease('worker-a', lease);
    expect(last?.attempts).toBe(4);
    const dead = inbox.fail(job.id, 'worker-a', rateLimited, retry);
    expect(dead).toMatchObject({ status: 'dead', attempts: 4, lastError: rateLimited });
    expect(fixture.clock.now() - start).toBe(33_000);
    await fixture.clock.sleep(3_600_000);
    expect(inbox.lease('worker-a', lease)).toEqual([]);
  });

  it('makes a job a dead letter at once when the error is not retryable', () => {
    const inbox = fixture.open();
    const { job } = inbox.enqueue(order('1001'));
    inbox.lease('worker-a', lease);
    expect(inbox.fail(job.id, 'worker-a', rejected, retry)).toMatchObject({
      status: 'dead',
      attempts: 1,
      lastError: rejected,
    });
    expect(inbox.stats().counts).toMatchObject({ queued: 0, leased: 0, dead: 1 });
  });

  it('hands out due jobs oldest first, at most `limit` at a time', async () => {
    const inbox = fixture.open();
    const ids: string[] = [];
    for (const orderId of ['1', '2', '3']) {
      ids.push(inbox.enqueue(order(orderId)).job.id);
      await fixture.clock.sleep(10);
    }
    expect(inbox.lease('worker-a', { leaseMs: 1_000, limit: 2 }).map((job) => job.id)).toEqual(
      ids.slice(0, 2),
    );
    expect(inbox.lease('worker-a', { leaseMs: 1_000, limit: 2 }).map((job) => job.id)).toEqual(ids.slice(2));
    expect(failure(() => inbox.lease('worker-a', { leaseMs: 0, limit: 1 })).code).toBe('INPUT_INVALID');
  });

  it('keeps queued, leased and dead jobs across a restart', () => {
    const before = fixture.open();
    const queued = before.enqueue(order('1001', { OrderID: 1001 })).job;
    const leased = before.enqueue(order('1002')).job;
    before.lease('worker-a', { leaseMs: 30_000, limit: 2 });
    before.complete(queued.id, 'worker-a');
    before.fail(leased.id, 'worker-a', rejected, retry);
    before.enqueue(order('1003'));
    fixture.closeConnections();

    const after = fixture.open();
    expect(after.stats().counts).toEqual({
      queued: 1,
      leased: 0,
      succeeded: 1,
      failed: 0,
      dead: 1,
      exception: 0,
    });
    expect(after.enqueue(order('1001')).duplicate).toBe(true);
    expect(after.listDead()).toMatchObject([{ id: leased.id, lastError: rejected }]);
    expect(after.lease('worker-b', lease)).toMatchObject([{ businessKey: '1003', attempts: 1 }]);
  });
});
