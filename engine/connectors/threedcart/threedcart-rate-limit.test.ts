import { describe, expect, it } from 'vitest';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import type { NodeContext } from '../../nodes/node-type.ts';
import { storeRateLimiter, THREEDCART_RATE_LIMIT } from './threedcart-rate-limit.ts';

/** The parts of a node context the limiter's clock uses, on a shared hand-moved clock. */
function contextOn(time: { now: number }, signal: AbortSignal, sleeps: number[]): NodeContext<unknown> {
  const partial: Pick<NodeContext<unknown>, 'signal' | 'now' | 'sleep'> = {
    signal,
    now: () => time.now,
    sleep: async (ms) => {
      if (signal.aborted) throw new BridgeflowError('RUN_CANCELLED', 'The run was cancelled');
      sleeps.push(ms);
      time.now += ms;
    },
  };
  return partial as NodeContext<unknown>;
}

describe('storeRateLimiter', () => {
  it('is one limiter per store, with 3dcart’s numbers, whatever the URL’s spelling', () => {
    const time = { now: 0 };
    const context = contextOn(time, new AbortController().signal, []);
    const first = storeRateLimiter('https://www.Same-Store.3dcartstores.com/', context);
    expect(storeRateLimiter('same-store.3dcartstores.com', context)).toBe(first);
    expect(storeRateLimiter('other-store.3dcartstores.com', context)).not.toBe(first);
    expect(THREEDCART_RATE_LIMIT).toEqual({ burst: 50, perSecond: 2 });
  });

  it('keeps working for later runs after the run that created it was cancelled', async () => {
    const time = { now: 0 };
    const cancelled = new AbortController();
    const firstRun = contextOn(time, cancelled.signal, []);
    const limiter = storeRateLimiter('cancel-test.3dcartstores.com', firstRun);
    for (let call = 0; call < THREEDCART_RATE_LIMIT.burst; call++) await limiter.acquire(firstRun.signal);
    cancelled.abort();

    const sleeps: number[] = [];
    const laterRun = contextOn(time, new AbortController().signal, sleeps);
    const sameLimiter = storeRateLimiter('cancel-test.3dcartstores.com', laterRun);
    await sameLimiter.acquire(laterRun.signal);
    await sameLimiter.acquire(laterRun.signal);
    // The bucket was empty: each call waited half a second on the later run's clock.
    expect(sleeps).toEqual([500, 500]);
    await expect(sameLimiter.acquire(cancelled.signal)).rejects.toMatchObject({ code: 'RUN_CANCELLED' });
  });
});

describe('storeRateLimiter with an allowance from the credential', () => {
  it('paces a store at its own numbers, apart from the documented limiter', async () => {
    const time = { now: 0 };
    const sleeps: number[] = [];
    const context = contextOn(time, new AbortController().signal, sleeps);
    const documented = storeRateLimiter('allowance.3dcartstores.com', context);
    const granted = storeRateLimiter('allowance.3dcartstores.com', context, { burst: 5, perSecond: 100 });
    expect(granted).not.toBe(documented);
    for (let call = 0; call < 6; call++) await granted.acquire();
    expect(sleeps).toEqual([10]);
  });
});
