import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../store/database.ts';
import { STORE_MIGRATIONS } from '../../store/store-migrations.ts';
import type { ExceptionItem } from './exception-items.ts';
import type { Inbox } from './inbox.ts';
import { createInboxFixture, failure, type InboxFixture, order, rejected } from './inbox-test-helpers.ts';

const LEASE = { leaseMs: 60_000, limit: 1 };
const RETRY = { maxAttempts: 3, backoffMs: 1_000, maxBackoffMs: 10_000 };

const unknownSku: ExceptionItem = {
  nodeId: 'map-order',
  nodeName: 'Map to Sage sales order',
  port: 'exception',
  item: { reasons: [], input: { OrderID: 1001 } },
  reasons: [
    {
      code: 'lookupMiss',
      message: "No row for 'OF-1011' in lookup table 'sku-to-sage-item'",
      target: 'OrderDetails[0].Item',
      nodeId: 'map-order',
    },
    { code: 'required', message: 'Item is required', target: 'OrderDetails[0].Item', nodeId: 'map-order' },
  ],
};

let fixture: InboxFixture;
let inbox: Inbox;
beforeEach(async () => {
  fixture = await createInboxFixture();
  inbox = fixture.open();
});
afterEach(() => fixture.cleanUp());

/** Takes `orderId` in, leases it and parks it as a run that left the unknown SKU on `exception`. */
function parkOrder(orderId: string) {
  inbox.enqueue(order(orderId, { OrderID: Number(orderId) }));
  const [job] = inbox.lease('worker-1', LEASE);
  if (!job) throw new Error('nothing to lease');
  return inbox.park(job.id, 'worker-1', { runId: `run-${orderId}`, items: [unknownSku] });
}

describe('exception queue', () => {
  it('parks a job with its reasons and skips redeliveries while it waits for an operator', () => {
    const parked = parkOrder('1001');
    expect(parked).toMatchObject({
      flowId: 'orders-to-sage',
      flowHash: 'hash-1',
      businessKey: '1001',
      runId: 'run-1001',
      status: 'open',
      reason: "No row for 'OF-1011' in lookup table 'sku-to-sage-item' (and 1 more)",
      items: [unknownSku],
      resolvedAt: null,
    });
    expect(inbox.getJob(parked.jobId)?.status).toBe('exception');
    expect(inbox.enqueue(order('1001')).duplicate).toBe(true);
    expect(inbox.stats().counts).toMatchObject({ exception: 1, queued: 0, leased: 0 });
    expect(inbox.openExceptionsByFlow()).toEqual([{ flowId: 'orders-to-sage', count: 1 }]);
  });

  it('lists open exceptions filtered by flow, reason code or words, and time', () => {
    const first = parkOrder('1001');
    void fixture.clock.sleep(5_000);
    const second = parkOrder('1002');
    const ids = (query: Parameters<Inbox['listExceptions']>[0]) =>
      inbox.listExceptions(query).map((exception) => exception.id);
    expect(ids({})).toEqual([second.id, first.id]);
    expect(ids({ flowId: 'orders-to-sage', reason: 'lookupMiss' })).toEqual([second.id, first.id]);
    expect(ids({ reason: 'sku-to-SAGE-item' })).toHaveLength(2);
    expect(ids({ reason: 'customer on hold' })).toEqual([]);
    expect(ids({ flowId: 'stock-sync' })).toEqual([]);
    expect(ids({ since: second.createdAt })).toEqual([second.id]);
    expect(ids({ until: second.createdAt })).toEqual([first.id]);
    expect(ids({ status: 'replayed' })).toEqual([]);
  });

  it('replays with an edited payload through the queue, once, and refuses a second replay', () => {
    const parked = parkOrder('1001');
    const edited = inbox.editExceptionPayload(parked.id, { OrderID: 1001, fixed: true });
    expect(edited.job.payload).toEqual({ OrderID: 1001, fixed: true });
    const job = inbox.replayException(parked.id);
    expect(job).toMatchObject({ id: parked.jobId, status: 'queued', attempts: 0 });
    expect(inbox.getException(parked.id)).toMatchObject({
      status: 'replayed',
      resolvedAt: expect.any(Number),
    });
    expect(inbox.listExceptions()).toEqual([]);
    expect(inbox.enqueue(order('1001')).duplicate).toBe(true);
    const [again] = inbox.lease('worker-2', LEASE);
    expect(again).toMatchObject({ id: parked.jobId, payload: { OrderID: 1001, fixed: true } });
    expect(failure(() => inbox.replayException(parked.id)).message).toBe(
      `Cannot replay exception ${parked.id}: it was already replayed`,
    );
  });

  it('discards: the job is kept as failed and a later delivery of the order is taken in again', () => {
    const parked = parkOrder('1001');
    expect(inbox.discardException(parked.id)).toMatchObject({ status: 'discarded' });
    expect(inbox.getJob(parked.jobId)?.status).toBe('failed');
    expect(inbox.openExceptionsByFlow()).toEqual([]);
    expect(inbox.enqueue(order('1001')).duplicate).toBe(false);
    expect(failure(() => inbox.editExceptionPayload(parked.id, {})).code).toBe('INPUT_INVALID');
    expect(failure(() => inbox.discardException('nope')).message).toBe('There is no exception nope');
  });

  it('parks only with the lease, and keeps the queue across a restart', () => {
    inbox.enqueue(order('1001'));
    const [job] = inbox.lease('worker-1', LEASE);
    if (!job) throw new Error('nothing to lease');
    expect(failure(() => inbox.park(job.id, 'worker-2', { runId: 'r', items: [unknownSku] })).code).toBe(
      'STORE_FAILED',
    );
    const parked = inbox.park(job.id, 'worker-1', { runId: 'r', items: [unknownSku] });
    fixture.closeConnections();
    expect(fixture.open().getException(parked.id)).toMatchObject({ status: 'open', job: { id: job.id } });
  });
});

describe('leases and dead letters', () => {
  it('renews a lease so nobody else takes a long-running job, and refuses a lost one', () => {
    inbox.enqueue(order('1001'));
    const [job] = inbox.lease('worker-1', { leaseMs: 1_000, limit: 1 });
    if (!job) throw new Error('nothing to lease');
    void fixture.clock.sleep(900);
    inbox.renew(job.id, 'worker-1', 1_000);
    void fixture.clock.sleep(900);
    expect(inbox.lease('worker-2', LEASE)).toEqual([]);
    void fixture.clock.sleep(200);
    expect(inbox.lease('worker-2', LEASE).map((taken) => taken.id)).toEqual([job.id]);
    expect(failure(() => inbox.renew(job.id, 'worker-1', 1_000)).code).toBe('STORE_FAILED');
  });

  it('lets an operator read and edit a dead letter before replaying it', () => {
    inbox.enqueue(order('1001', { OrderID: 1001 }));
    const [job] = inbox.lease('worker-1', LEASE);
    if (!job) throw new Error('nothing to lease');
    inbox.fail(job.id, 'worker-1', rejected, RETRY);
    expect(inbox.getJob(job.id)).toMatchObject({ status: 'dead', lastError: rejected });
    expect(inbox.editDeadPayload(job.id, { OrderID: 1001, CustomerNumber: '1100' })).toMatchObject({
      status: 'dead',
      payload: { OrderID: 1001, CustomerNumber: '1100' },
    });
    expect(inbox.replay(job.id)).toMatchObject({ status: 'queued', payload: { CustomerNumber: '1100' } });
    expect(failure(() => inbox.editDeadPayload(job.id, {})).message).toBe(
      `Cannot edit inbox job ${job.id}: it is queued, not dead`,
    );
    expect(inbox.getJob('nope')).toBeUndefined();
  });
});

describe('migration 0005', () => {
  it('keeps the jobs of a database written before the exception queue existed', async () => {
    const older = await createInboxFixture();
    try {
      const before = openDatabase(older.path, {
        migrations: STORE_MIGRATIONS.filter((step) => step.version < 5),
      });
      before
        .prepare(`INSERT INTO inbox_jobs (id, flow_id, flow_hash, trigger_node_id, business_key, payload, status,
          attempts, next_attempt_at, created_at, updated_at)
          VALUES ('job-1', 'orders-to-sage', 'hash-1', 'webhook', '1001', '{"OrderID":1001}', 'queued', 0, 1, 1, 1)`)
        .run();
      before.close();
      const upgraded = older.open();
      expect(upgraded.getJob('job-1')).toMatchObject({
        status: 'queued',
        businessKey: '1001',
        payload: { OrderID: 1001 },
      });
      expect(upgraded.enqueue(order('1001')).duplicate).toBe(true);
      const [job] = upgraded.lease('worker-1', LEASE);
      expect(upgraded.park(job?.id ?? '', 'worker-1', { runId: 'r', items: [unknownSku] }).status).toBe(
        'open',
      );
    } finally {
      await older.cleanUp();
    }
  });
});
