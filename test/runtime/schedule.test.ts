import { afterEach, describe, expect, it } from 'vitest';
import {
  createManualClock,
  type ScheduleBench,
  settle,
  startScheduleBench,
  waitUntil,
} from './schedule-bench.ts';

//   tick (core.scheduleTrigger, every minute) ─▶ (out)
//   scheduler → inbox job per due minute, business key tick@<time>

const tick = {
  id: 'tick',
  name: 'Every minute',
  type: 'core.scheduleTrigger',
  typeVersion: 1,
  position: { x: 0, y: 0 },
  parameters: { cron: '* * * * *', timezone: '' },
};

let bench: ScheduleBench;
afterEach(() => bench.close());

const keys = () => bench.jobs().map((job) => job.businessKey);

describe('scheduled triggers in bridgeflow serve', () => {
  it('enqueues one job per due time, never twice across restarts, and one for ticks missed while down', async () => {
    bench = await startScheduleBench([tick], createManualClock('2026-11-22T09:00:30Z'));
    const first = await bench.start({ workers: 0 });
    await settle();
    expect(keys()).toEqual([]);

    bench.clock.set('2026-11-22T09:01:10Z');
    await waitUntil(() => keys().length === 1);
    bench.clock.set('2026-11-22T09:01:50Z');
    await settle();
    bench.clock.set('2026-11-22T09:02:00Z');
    await waitUntil(() => keys().length === 2);
    expect(bench.jobs()).toEqual([
      {
        businessKey: 'tick@2026-11-22T09:01:00.000Z',
        payload: { scheduledAt: '2026-11-22T09:01:00.000Z' },
        status: 'queued',
      },
      {
        businessKey: 'tick@2026-11-22T09:02:00.000Z',
        payload: { scheduledAt: '2026-11-22T09:02:00.000Z' },
        status: 'queued',
      },
    ]);

    await first.close();
    const again = await bench.start({ workers: 0 });
    await settle();
    expect(keys()).toHaveLength(2);
    await again.close();

    // Down from 09:02 to 09:07:30: five ticks missed, one run for the latest.
    bench.clock.set('2026-11-22T09:07:30Z');
    await bench.start({ workers: 0 });
    await waitUntil(() => keys().length === 3);
    await settle();
    expect(keys().slice(2)).toEqual(['tick@2026-11-22T09:07:00.000Z']);
  });

  it('runs a tick once when two runtimes share the database', async () => {
    bench = await startScheduleBench([tick], createManualClock('2026-11-22T09:00:30Z'));
    await Promise.all([bench.start({ workers: 1 }), bench.start({ workers: 1 })]);
    await settle();
    bench.clock.set('2026-11-22T09:01:00Z');
    await waitUntil(() => bench.jobs().some((job) => job.status === 'succeeded'));
    await settle();
    expect(bench.jobs()).toEqual([
      expect.objectContaining({ businessKey: 'tick@2026-11-22T09:01:00.000Z', status: 'succeeded' }),
    ]);
  });
});
