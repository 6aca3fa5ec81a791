import type { Clock } from '../../run/services.ts';

/**
 * Where idle workers wait for work: until the poll interval passes, the runtime stops, or the
 * inbox says a job came in (`wakeOne`). Waking on intake lets a worker start a webhook's job at
 * once while the poll interval stays long, so an idle runtime does not run a lease transaction
 * per worker every few milliseconds (those transactions cost the busy ones their time).
 */
export class IdleWorkers {
  readonly #waiting = new Set<AbortController>();
  readonly #clock: Clock;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Resolves after `ms`, when `stopping` aborts, or when woken; never rejects. */
  async wait(ms: number, stopping: AbortSignal): Promise<void> {
    if (stopping.aborted) return;
    const wake = new AbortController();
    const stop = (): void => wake.abort();
    stopping.addEventListener('abort', stop, { once: true });
    this.#waiting.add(wake);
    try {
      await this.#clock.sleep(ms, wake.signal);
    } catch {
      // Woken or stopping: either way the worker looks at the inbox (or its stop signal) now.
    } finally {
      this.#waiting.delete(wake);
      stopping.removeEventListener('abort', stop);
    }
  }

  /** Wakes the longest-waiting idle worker, if any. */
  wakeOne(): void {
    const [first] = this.#waiting;
    if (!first) return;
    this.#waiting.delete(first);
    first.abort();
  }
}
