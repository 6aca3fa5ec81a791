import { z } from 'zod';
import { SeededRandom } from './seeded-random.ts';

/**
 * Faults a simulator injects so retries, circuit breakers and dead letters can be tested.
 * Rates are probabilities per request; admin endpoints are never faulted.
 */
export const FaultSettingsSchema = z.strictObject({
  /** Share of requests answered with `errorStatus` (a server error). */
  errorRate: z.number().min(0).max(1).default(0),
  errorStatus: z.number().int().min(500).max(599).default(503),
  /** The next N requests are answered 429 with `Retry-After: retryAfterSeconds`. */
  rateLimitBurst: z.number().int().min(0).default(0),
  retryAfterSeconds: z.number().int().min(0).default(1),
  /** Added to every response. */
  latencyMs: z.number().int().min(0).max(120_000).default(0),
  /** Share of requests that never get an answer (the connection stays open until the client gives up). */
  timeoutRate: z.number().min(0).max(1).default(0),
  /** Share of requests answered 200 with a truncated, unparseable JSON body. */
  malformedRate: z.number().min(0).max(1).default(0),
});

export type FaultSettings = z.infer<typeof FaultSettingsSchema>;

/** What to do with one request. */
export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'error'; status: number }
  | { kind: 'rateLimited'; retryAfterSeconds: number }
  | { kind: 'timeout' }
  | { kind: 'malformed' };

/** Decides, request by request, which fault (if any) to inject; deterministic for a seed. */
export class FaultInjector {
  #settings: FaultSettings = FaultSettingsSchema.parse({});
  #burstLeft = 0;
  readonly #random: SeededRandom;

  constructor(seed: number, settings: Partial<FaultSettings> = {}) {
    this.#random = new SeededRandom(seed ^ 0x5eed);
    this.configure(settings);
  }

  get settings(): FaultSettings {
    return { ...this.#settings, rateLimitBurst: this.#burstLeft };
  }

  /** Replaces the settings (unspecified fields fall back to "no fault"). Throws ZodError on bad input. */
  configure(settings: unknown): FaultSettings {
    this.#settings = FaultSettingsSchema.parse(settings);
    this.#burstLeft = this.#settings.rateLimitBurst;
    return this.settings;
  }

  get latencyMs(): number {
    return this.#settings.latencyMs;
  }

  decide(): FaultDecision {
    const settings = this.#settings;
    if (this.#burstLeft > 0) {
      this.#burstLeft--;
      return { kind: 'rateLimited', retryAfterSeconds: settings.retryAfterSeconds };
    }
    if (settings.timeoutRate > 0 && this.#random.chance(settings.timeoutRate)) return { kind: 'timeout' };
    if (settings.errorRate > 0 && this.#random.chance(settings.errorRate)) {
      return { kind: 'error', status: settings.errorStatus };
    }
    if (settings.malformedRate > 0 && this.#random.chance(settings.malformedRate))
      return { kind: 'malformed' };
    return { kind: 'none' };
  }
}
