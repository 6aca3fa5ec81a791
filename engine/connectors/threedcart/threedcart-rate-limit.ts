import type { NodeContext } from '../../nodes/node-type.ts';
import type { Clock } from '../../run/services.ts';
import { type RateLimiter, sharedRateLimiter } from '../common/rate-limiter.ts';
import { storeKey } from './threedcart-credentials.ts';

/** 3dcart's leaky bucket: 50 requests, draining 2 a second, per store (reference/threedcart-api.md §6). */
export const THREEDCART_RATE_LIMIT = { burst: 50, perSecond: 2 } as const;

/**
 * The clock a store's shared limiter runs on. The limiter outlives any one run, so its clock must not
 * hold one run's context: a cancelled run's signal would then cancel every later wait. Instead each
 * wait goes through the context whose signal the waiting caller passed (its own run's clock and
 * cancellation), and the time is read from the context that used the store last: every context of a
 * process reads the same clock (the system's; in tests, the one a test injected for that store).
 */
class StoreClock implements Clock {
  readonly #waiting = new WeakMap<AbortSignal, NodeContext<unknown>>();
  #latest: NodeContext<unknown>;

  constructor(context: NodeContext<unknown>) {
    this.#latest = context;
  }

  /** Called before each request, so waits and time come from the caller's run. */
  use(context: NodeContext<unknown>): void {
    this.#latest = context;
    this.#waiting.set(context.signal, context);
  }

  now(): number {
    return this.#latest.now();
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    const context = (signal && this.#waiting.get(signal)) ?? this.#latest;
    return context.sleep(ms);
  }
}

const clocks = new Map<string, StoreClock>();

/**
 * The rate limiter of the store behind `secureUrl`, shared by every node and run in this process
 * (3dcart counts per store, not per caller). Registers `context` so the limiter waits on its clock.
 * `allowance` replaces 3dcart's documented numbers for a store whose credential sets its own.
 */
export function storeRateLimiter(
  secureUrl: string,
  context: NodeContext<unknown>,
  allowance: { burst?: number | undefined; perSecond?: number | undefined } = {},
): RateLimiter {
  const limit = {
    burst: allowance.burst ?? THREEDCART_RATE_LIMIT.burst,
    perSecond: allowance.perSecond ?? THREEDCART_RATE_LIMIT.perSecond,
  };
  const custom =
    limit.burst !== THREEDCART_RATE_LIMIT.burst || limit.perSecond !== THREEDCART_RATE_LIMIT.perSecond;
  const key = `threedcart:${storeKey(secureUrl)}${custom ? `@${limit.burst}/${limit.perSecond}` : ''}`;
  let clock = clocks.get(key);
  if (!clock) {
    clock = new StoreClock(context);
    clocks.set(key, clock);
  }
  clock.use(context);
  return sharedRateLimiter(key, limit, clock);
}
