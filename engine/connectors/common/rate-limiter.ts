import type { Clock } from '../../run/services.ts';

/** What {@link RateLimiter.acquire} returns when a token was free: one settled promise for all. */
const GRANTED: Promise<void> = Promise.resolve();

/**
 * A leaky bucket on our side of an API: up to `burst` calls at once, then `perSecond`. Calls
 * wait for their turn instead of failing, so a burst of 200 order lookups completes without one
 * 429 from 3dcart (50-call burst, 2 calls/s per store; threedcart-api.md §6).
 */
export class RateLimiter {
  readonly #burst: number;
  readonly #perSecond: number;
  readonly #clock: Clock;
  #tokens: number;
  #updatedAt: number;
  /** Promise chain that hands out turns in arrival order. */
  #queue: Promise<void> = Promise.resolve();
  /** Callers queued on {@link #queue} whose turn has not settled yet. */
  #waiting = 0;

  constructor(options: { burst: number; perSecond: number }, clock: Clock) {
    this.#burst = options.burst;
    this.#perSecond = options.perSecond;
    this.#clock = clock;
    this.#tokens = options.burst;
    this.#updatedAt = clock.now();
  }

  /**
   * Takes a token now when one is free and nobody is queued for one, without a promise: the
   * common case for every call inside the burst. False means the caller must {@link acquire}.
   */
  tryAcquire(): boolean {
    if (this.#waiting > 0) return false;
    this.#refill();
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Resolves when the caller may send; rejects with RUN_CANCELLED when `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (this.tryAcquire()) return GRANTED;
    this.#waiting += 1;
    const turn = this.#queue.then(() => this.#take(signal));
    // The next caller waits for this turn whether it succeeded or was cancelled.
    const settled = (): void => {
      this.#waiting -= 1;
    };
    this.#queue = turn.then(settled, settled);
    return turn;
  }

  /** Takes a token when the server told us to slow down (429), so our pace drops too. */
  penalise(retryAfterMs: number): void {
    this.#refill();
    this.#tokens = Math.min(this.#tokens, 0) - (retryAfterMs / 1000) * this.#perSecond;
  }

  async #take(signal?: AbortSignal): Promise<void> {
    this.#refill();
    if (this.#tokens < 1) {
      const waitMs = Math.ceil(((1 - this.#tokens) / this.#perSecond) * 1000);
      await this.#clock.sleep(waitMs, signal);
      this.#refill();
    }
    this.#tokens -= 1;
  }

  #refill(): void {
    const now = this.#clock.now();
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#updatedAt) / 1000) * this.#perSecond);
    this.#updatedAt = now;
  }
}

const limiters = new Map<string, RateLimiter>();

/**
 * The limiter for one remote account (a 3dcart store by its SecureURL), shared by every node and
 * flow in this process: the API's limit is per store, not per node.
 */
export function sharedRateLimiter(
  key: string,
  options: { burst: number; perSecond: number },
  clock: Clock,
): RateLimiter {
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new RateLimiter(options, clock);
    limiters.set(key, limiter);
  }
  return limiter;
}
