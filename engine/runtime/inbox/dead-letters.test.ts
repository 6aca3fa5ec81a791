import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RetrySettings } from '../../contract/flow-document.ts';
import type { Inbox } from './inbox.ts';
import type { InboxJob } from './inbox-job.ts';
import {
  createInboxFixture,
  failure,
  type InboxFixture,
  order,
  rateLimited,
  rejected,
} from './inbox-test-helpers.ts';

const lease = { leaseMs: 30_000, limit: 1 };
const once: RetrySettings = { maxAttempts: 1, backoffMs: 1_000 };

/** Enqueues, leases and fails one job so that it ends up dead. */
function killJob(inbox: Inbox, input: ReturnType<typeof order>, error = rejected): InboxJob {
  const { job } = inbox.enqueue(input);
  inbox.lease('worker-a', lease);
  return inbox.fail(job.id, 'worker-a', error, once);
}

describe('dead letters', () => {
  let fixture: InboxFixture;
  let inbox: Inbox;
  beforeEach(async () => {
    fixture = await createInboxFixture();
    inbox = fixture.open();
  });
  afterEach(async () => {
    await fixture.cleanUp();
  });

  it('lists dead jobs newest first, optionally for one flow', async () => {
    const first = killJob(inbox, order('1001'));
    await fixture.clock.sleep(1_000);
    const second = killJob(inbox, { ...order('2001'), flowId: 'orders-to-m3' });
    inbox.enqueue(order('1002'));
    expect(inbox.listDead().map((job) => job.id)).toEqual([second.id, first.id]);
    expect(inbox.listDead({ flowId: 'orders-to-sage' }).map((job) => job.id)).toEqual([first.id]);
    expect(inbox.listDead({ limit: 1 }).map((job) => job.id)).toEqual([second.id]);
  });

  it('groups dead jobs by error code and the start of the message', async () => {
    killJob(inbox, order('1'), {
      ...rejected,
      message: 'Sage 300 refused the order: customer 1200 does not exist',
    });
    killJob(inbox, order('2'), {
      ...rejected,
      message: 'Sage 300 refused the order: customer 1300 does not exist',
    });
    await fixture.clock.sleep(500);
    killJob(inbox, order('3'), rateLimited);
    const groups = inbox.groupDeadByCause({ prefixLength: 38 });
    expect(groups).toEqual([
      {
        code: 'CONNECTOR_VALIDATION',
        messagePrefix: 'Sage 300 refused the order: customer 1',
        count: 2,
        newestAt: fixture.clock.now() - 500,
      },
      {
        code: 'CONNECTOR_RATE_LIMITED',
        messagePrefix: 'Sage 300 answered 429 Too Many Request',
        count: 1,
        newestAt: fixture.clock.now(),
      },
    ]);
  });

  it('replays a dead job with its attempts reset and an edited payload', async () => {
    const dead = killJob(inbox, order('1001', { customer: '1200' }));
    await fixture.clock.sleep(60_000);
    const replayed = inbox.replay(dead.id, { payload: { customer: 'C1200' } });
    expect(replayed).toMatchObject({ status: 'queued', attempts: 0, nextAttemptAt: fixture.clock.now() });
    expect(inbox.listDead()).toEqual([]);
    expect(inbox.enqueue(order('1001')).duplicate).toBe(true);

    const [leased] = inbox.lease('worker-b', lease);
    expect(leased).toMatchObject({ id: dead.id, attempts: 1, payload: { customer: 'C1200' } });
    expect(inbox.complete(dead.id, 'worker-b').status).toBe('succeeded');
  });

  it('replays with the original payload when none is given', () => {
    const dead = killJob(inbox, order('1001', { customer: '1200' }));
    expect(inbox.replay(dead.id).payload).toEqual({ customer: '1200' });
  });

  it('refuses to replay a job that is not dead or whose redelivery is already live', () => {
    const dead = killJob(inbox, order('1001'));
    const redelivered = inbox.enqueue(order('1001')).job;
    const refused = failure(() => inbox.replay(dead.id));
    expect(refused.code).toBe('INPUT_INVALID');
    expect(refused.message).toContain(redelivered.id);
    expect(failure(() => inbox.replay(redelivered.id)).message).toContain('it is queued, not dead');
    expect(failure(() => inbox.replay('no-such-job')).message).toContain('There is no inbox job no-such-job');
  });

  it('discards a dead job: kept as failed, no longer listed, not replayable', () => {
    const dead = killJob(inbox, order('1001'));
    expect(inbox.discard(dead.id)).toMatchObject({ status: 'failed', lastError: rejected });
    expect(inbox.listDead()).toEqual([]);
    expect(inbox.groupDeadByCause()).toEqual([]);
    expect(inbox.stats().counts).toMatchObject({ failed: 1, dead: 0 });
    expect(failure(() => inbox.replay(dead.id)).code).toBe('INPUT_INVALID');
    expect(failure(() => inbox.discard(dead.id)).code).toBe('INPUT_INVALID');
  });
});
