import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../run/testing/test-services.ts';
import { RateLimiter } from './rate-limiter.ts';

describe('RateLimiter', () => {
  it('lets a burst through at once, then paces calls at the steady rate', async () => {
    const clock = createFakeClock();
    const limiter = new RateLimiter({ burst: 50, perSecond: 2 }, clock);
    const started = clock.now();
    for (let call = 0; call < 50; call++) await limiter.acquire();
    expect(clock.now() - started).toBe(0);
    for (let call = 0; call < 10; call++) await limiter.acquire();
    // Ten more calls at two a second take five seconds.
    expect(clock.now() - started).toBe(5_000);
  });

  it('hands out turns in arrival order to concurrent callers', async () => {
    const clock = createFakeClock();
    const limiter = new RateLimiter({ burst: 1, perSecond: 10 }, clock);
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((caller) => limiter.acquire().then(() => order.push(caller))));
    expect(order).toEqual([1, 2, 3, 4]);
    expect(clock.now() - Date.UTC(2026, 10, 22, 9, 0, 0)).toBe(300);
  });

  it('slows down after the server says 429', async () => {
    const clock = createFakeClock();
    const limiter = new RateLimiter({ burst: 50, perSecond: 2 }, clock);
    const started = clock.now();
    limiter.penalise(3_000);
    await limiter.acquire();
    expect(clock.now() - started).toBeGreaterThanOrEqual(3_000);
  });

  it('stops waiting when the run is cancelled', async () => {
    const clock = createFakeClock();
    const limiter = new RateLimiter({ burst: 0, perSecond: 1 }, clock);
    const controller = new AbortController();
    controller.abort();
    await expect(limiter.acquire(controller.signal)).rejects.toMatchObject({ code: 'RUN_CANCELLED' });
  });

  it('grants a free token at once, but never ahead of a caller already waiting', async () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 2, perSecond: 1 }, { now: () => now, sleep: async () => {} });
    expect(limiter.tryAcquire()).toBe(true);
    expect(limiter.tryAcquire()).toBe(true);
    expect(limiter.tryAcquire()).toBe(false);
    const waiting = limiter.acquire();
    now = 5_000;
    // Tokens have refilled, but the caller that queued first is served first.
    expect(limiter.tryAcquire()).toBe(false);
    await waiting;
    expect(limiter.tryAcquire()).toBe(true);
    expect(limiter.tryAcquire()).toBe(false);
  });
});
