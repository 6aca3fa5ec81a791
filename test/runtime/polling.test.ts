import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { credentialVariable } from '../../engine/runtime/bundle.ts';
import { type Sandbox, sandboxCredentials, startSandbox } from '../../engine/simulators/sandbox.ts';
import {
  createManualClock,
  type ScheduleBench,
  settle,
  startScheduleBench,
  waitUntil,
} from './schedule-bench.ts';

//   poll (sage300.pollChanges, AR/ARCustomers) ─▶ (out: main, watermark)
//   scheduler → inbox job {since} every minute; a successful run stores the watermark item

const poll = {
  id: 'poll',
  name: 'Changed customers',
  type: 'sage300.pollChanges',
  typeVersion: 1,
  position: { x: 0, y: 0 },
  parameters: { resource: 'AR/ARCustomers', select: ['CustomerNumber'], initialSince: '2020-01-01' },
  credentials: { erp: 'sage300-erp' },
};

let sandbox: Sandbox;
let bench: ScheduleBench;
beforeAll(async () => {
  sandbox = await startSandbox({ portBase: 0 });
});
afterAll(() => sandbox.close());
afterEach(() => bench.close());

function environment(password?: string): NodeJS.ProcessEnv {
  const sage = sandboxCredentials(sandbox)['sage300-erp'];
  return {
    [credentialVariable('sage300-erp')]: JSON.stringify({ ...sage, ...(password ? { password } : {}) }),
  };
}

const statuses = () => bench.jobs().map((job) => job.status);

describe('polling triggers in bridgeflow serve', () => {
  it('stores the watermark of a successful poll, hands it to the next as since, and keeps it when a poll fails', async () => {
    bench = await startScheduleBench([poll], createManualClock('2026-11-22T09:00:30Z'));
    const healthy = await bench.start({ workers: 1, pollIntervalMs: 60_000, environment: environment() });
    await settle();
    bench.clock.set('2026-11-22T09:01:00Z');
    await waitUntil(() => statuses().join() === 'succeeded');
    const [first] = bench.watermarks();
    expect(bench.jobs()[0]?.payload).toEqual({ since: '2020-01-01' });
    expect(first).toMatchObject({ nodeId: 'poll', watermark: { since: '2020-01-01' } });
    const { watermark } = (first?.watermark ?? {}) as { watermark: string };
    expect(Date.parse(watermark)).toBeGreaterThan(Date.parse('2020-01-01'));

    bench.clock.set('2026-11-22T09:02:00Z');
    await waitUntil(() => statuses().join() === 'succeeded,succeeded');
    expect(bench.jobs()[1]).toMatchObject({
      businessKey: 'poll@2026-11-22T09:02:00.000Z',
      payload: { since: watermark },
    });
    const stored = bench.watermarks();
    expect(stored).toEqual([
      {
        nodeId: 'poll',
        watermark: expect.objectContaining({ watermark, since: watermark }),
        updatedAt: Date.parse('2026-11-22T09:02:00Z'),
      },
    ]);
    await healthy.close();

    await bench.start({ workers: 1, pollIntervalMs: 60_000, environment: environment('wrong-password') });
    bench.clock.set('2026-11-22T09:03:00Z');
    await waitUntil(() => statuses().length === 3 && statuses()[2] === 'dead');
    expect(bench.jobs()[2]?.payload).toEqual(expect.objectContaining({ since: watermark }));
    expect(bench.watermarks()).toEqual(stored);
  });
});
