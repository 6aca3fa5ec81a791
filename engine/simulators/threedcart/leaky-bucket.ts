/**
 * The 3dcart rate limit: a leaky bucket of `burst` requests that drains `perSecond` requests a second
 * (reference/threedcart-api.md §6: 50 and 2). A request that would overflow the bucket is refused and
 * does not fill it. The clock is injected so tests move time instead of waiting.
 */
export class LeakyBucket {
  readonly #burst: number;
  readonly #perSecond: number;
  readonly #clock: () => number;
  #level = 0;
  #updatedAt: number;

  constructor(burst: number, perSecond: number, clock: () => number) {
    this.#burst = burst;
    this.#perSecond = perSecond;
    this.#clock = clock;
    this.#updatedAt = clock();
  }

  /** Takes one request; answers the seconds to wait when the bucket is full, else 0. */
  take(): number {
    this.#drain();
    if (this.#level + 1 > this.#burst) {
      return Math.max(1, Math.ceil((this.#level + 1 - this.#burst) / this.#perSecond));
    }
    this.#level += 1;
    return 0;
  }

  reset(): void {
    this.#level = 0;
    this.#updatedAt = this.#clock();
  }

  #drain(): void {
    const now = this.#clock();
    const elapsedSeconds = Math.max(0, now - this.#updatedAt) / 1_000;
    this.#level = Math.max(0, this.#level - elapsedSeconds * this.#perSecond);
    this.#updatedAt = now;
  }
}
