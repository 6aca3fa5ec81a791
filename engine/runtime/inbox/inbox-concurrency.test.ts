import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInboxFixture, type InboxFixture, order } from './inbox-test-helpers.ts';

const CHILD_LEASE_MS = 60_000;

/**
 * A worker process that leases one job and then hangs, so the test can kill it mid-job. It takes
 * "now" from the parent's fake clock, so both agree on when the lease runs out.
 */
function childWorkerScript(): string {
  const databaseModule = new URL('../../store/database.ts', import.meta.url).href;
  const inboxModule = new URL('./inbox.ts', import.meta.url).href;
  return `
    import { openDatabase } from ${JSON.stringify(databaseModule)};
    import { createInbox } from ${JSON.stringify(inboxModule)};
    const [path, now] = process.argv.slice(2);
    const clock = { now: () => Number(now), sleep: async () => {} };
    const inbox = createInbox(openDatabase(path), { clock });
    const [job] = inbox.lease('child-worker', { leaseMs: ${CHILD_LEASE_MS}, limit: 1 });
    process.stdout.write('leased ' + job.id + '\\n');
    setInterval(() => {}, 1000);
  `;
}

describe('inbox across connections and processes', () => {
  let fixture: InboxFixture;
  beforeEach(async () => {
    fixture = await createInboxFixture();
  });
  afterEach(async () => {
    await fixture.cleanUp();
  });

  it('never gives the same job to two leasers on separate connections', () => {
    const producer = fixture.open();
    const expected = new Set<string>();
    for (let index = 0; index < 200; index += 1) expected.add(producer.enqueue(order(String(index))).job.id);

    const leasers = [fixture.open(), fixture.open()];
    const taken: string[] = [];
    for (let turn = 0; ; turn += 1) {
      const leaser = leasers[turn % 2];
      if (leaser === undefined) throw new Error('unreachable');
      const jobs = leaser.lease(`worker-${turn % 2}`, { leaseMs: 30_000, limit: 7 });
      if (jobs.length === 0) break;
      for (const job of jobs) {
        taken.push(job.id);
        leaser.complete(job.id, `worker-${turn % 2}`);
      }
    }
    expect(taken).toHaveLength(200);
    expect(new Set(taken)).toEqual(expected);
    expect(producer.stats().counts.succeeded).toBe(200);
  });

  it('leases the job of a worker process killed mid-job again once its lease runs out', async () => {
    const inbox = fixture.open();
    const { job } = inbox.enqueue(order('1001', { OrderID: 1001 }));
    const script = join(fixture.folder, 'child-worker.mjs');
    await writeFile(script, childWorkerScript());

    const child = spawn(process.execPath, [script, fixture.path, String(fixture.clock.now())], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = once(child, 'exit');
    const [firstOutput] = await once(child.stdout, 'data');
    expect(String(firstOutput).trim()).toBe(`leased ${job.id}`);
    child.kill('SIGKILL');
    const [, signal] = await exited;
    expect(signal).toBe('SIGKILL');

    expect(inbox.lease('parent', { leaseMs: 30_000, limit: 1 })).toEqual([]);
    await fixture.clock.sleep(CHILD_LEASE_MS);
    const [retaken] = inbox.lease('parent', { leaseMs: 30_000, limit: 1 });
    expect(retaken).toMatchObject({
      id: job.id,
      attempts: 2,
      leaseOwner: 'parent',
      payload: { OrderID: 1001 },
    });
    expect(inbox.complete(job.id, 'parent').status).toBe('succeeded');
  });
});
