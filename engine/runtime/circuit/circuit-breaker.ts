import type { ErrorCode } from '../../contract/errors.ts';
import type { Clock, Logger } from '../../run/services.ts';

/** How a breaker trips and how long it stays open. */
export interface CircuitBreakerSettings {
  /** Consecutive connector-down failures that open the breaker. Default 5. */
  failureThreshold: number;
  /** First cool-down; it doubles each time a half-open trial fails. Default 30 s. */
  coolDownMs: number;
  /** Longest cool-down. Default 5 minutes. */
  maxCoolDownMs: number;
}

export const DEFAULT_CIRCUIT_BREAKER: CircuitBreakerSettings = {
  failureThreshold: 5,
  coolDownMs: 30_000,
  maxCoolDownMs: 300_000,
};

/**
 * Only "the system is not there" counts. Rate limiting and validation errors show the system is up,
 * and pausing a connection for them would hold back jobs that would succeed.
 */
const DOWN_CODES: ReadonlySet<ErrorCode> = new Set(['CONNECTOR_UNAVAILABLE', 'CONNECTOR_TIMEOUT']);

export function isConnectionDown(code: ErrorCode): boolean {
  return DOWN_CODES.has(code);
}

export type CircuitState = 'closed' | 'open' | 'half-open';

/** One breaker as `/health` shows it. */
export interface CircuitSnapshot {
  credentialId: string;
  state: CircuitState;
  consecutiveFailures: number;
  /** When an open breaker lets a trial job through (epoch ms); null unless open. */
  retryAt: number | null;
}

interface Breaker {
  state: 'closed' | 'open';
  consecutiveFailures: number;
  /** Times it opened since it last closed; sets the cool-down's doubling. */
  openings: number;
  openUntil: number;
  /** A half-open breaker's one job is running. */
  trialRunning: boolean;
}

/** Circuit breakers by credential id; every method is synchronous, so workers cannot interleave. */
export interface CircuitBreakers {
  /** Whether a job using these credentials may be leased now (no open breaker, no trial running). */
  allows(credentialIds: readonly string[]): boolean;
  /** A job using these credentials was leased: a half-open breaker's trial starts. */
  admitted(credentialIds: readonly string[]): void;
  /**
   * The job admitted last was never leased after all (the transaction that leased it failed): a
   * half-open breaker's trial did not run, so another job may be the trial.
   */
  withdrawn(credentialIds: readonly string[]): void;
  succeeded(credentialIds: readonly string[]): void;
  /** Connector-down failure of `failedIds`; the other credentials of the run only end their trial. */
  failed(credentialIds: readonly string[], failedIds: readonly string[]): void;
  snapshot(): CircuitSnapshot[];
}

export function createCircuitBreakers(
  clock: Clock,
  logger: Logger,
  settings: CircuitBreakerSettings = DEFAULT_CIRCUIT_BREAKER,
): CircuitBreakers {
  return new CircuitBreakerSet(clock, logger, settings);
}

class CircuitBreakerSet implements CircuitBreakers {
  readonly #breakers = new Map<string, Breaker>();
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #settings: CircuitBreakerSettings;

  constructor(clock: Clock, logger: Logger, settings: CircuitBreakerSettings) {
    this.#clock = clock;
    this.#logger = logger;
    this.#settings = settings;
  }

  allows(ids: readonly string[]): boolean {
    return ids.every((id) => {
      const breaker = this.#breakers.get(id);
      if (!breaker) return true;
      const state = this.#stateOf(breaker);
      return state === 'closed' || (state === 'half-open' && !breaker.trialRunning);
    });
  }

  admitted(ids: readonly string[]): void {
    for (const id of ids) {
      const breaker = this.#breakers.get(id);
      if (!breaker || this.#stateOf(breaker) !== 'half-open' || breaker.trialRunning) continue;
      breaker.trialRunning = true;
      // Half-open begins with the clock, not an event; log it when its one trial job goes out.
      this.#logger.warn('circuit breaker changed', {
        credentialId: id,
        from: 'open',
        to: 'half-open',
        retryAt: null,
      });
    }
  }

  withdrawn(ids: readonly string[]): void {
    for (const id of ids) {
      const breaker = this.#breakers.get(id);
      if (breaker && this.#stateOf(breaker) === 'half-open') breaker.trialRunning = false;
    }
  }

  succeeded(ids: readonly string[]): void {
    for (const id of ids) {
      const breaker = this.#breakers.get(id);
      if (!breaker) continue;
      const from = this.#stateOf(breaker);
      Object.assign(breaker, { state: 'closed', consecutiveFailures: 0, openings: 0, trialRunning: false });
      this.#logChange(id, breaker, from);
    }
  }

  failed(ids: readonly string[], failedIds: readonly string[]): void {
    for (const id of ids) {
      const breaker = this.#breakerOf(id);
      if (!failedIds.includes(id)) {
        // The run broke elsewhere, so it says nothing about this connection: let another trial go.
        breaker.trialRunning = false;
        continue;
      }
      const state = this.#stateOf(breaker);
      breaker.consecutiveFailures += 1;
      const tripped = state === 'closed' && breaker.consecutiveFailures >= this.#settings.failureThreshold;
      if (state === 'half-open' || tripped) this.#open(id, breaker);
    }
  }

  snapshot(): CircuitSnapshot[] {
    return [...this.#breakers].map(([credentialId, breaker]) => {
      const state = this.#stateOf(breaker);
      const retryAt = state === 'open' ? breaker.openUntil : null;
      return { credentialId, state, consecutiveFailures: breaker.consecutiveFailures, retryAt };
    });
  }

  #breakerOf(id: string): Breaker {
    let breaker = this.#breakers.get(id);
    if (!breaker) {
      breaker = { state: 'closed', consecutiveFailures: 0, openings: 0, openUntil: 0, trialRunning: false };
      this.#breakers.set(id, breaker);
    }
    return breaker;
  }

  /** Half-open is not stored: an open breaker becomes half-open when its cool-down has passed. */
  #stateOf(breaker: Breaker): CircuitState {
    return breaker.state === 'open' && this.#clock.now() >= breaker.openUntil ? 'half-open' : breaker.state;
  }

  #open(id: string, breaker: Breaker): void {
    const from = this.#stateOf(breaker);
    const { coolDownMs, maxCoolDownMs } = this.#settings;
    // Each failed trial doubles the wait, so a long outage is probed every few minutes, not every 30 s.
    const coolDown = Math.min(coolDownMs * 2 ** breaker.openings, maxCoolDownMs);
    Object.assign(breaker, { state: 'open', openUntil: this.#clock.now() + coolDown, trialRunning: false });
    breaker.openings += 1;
    this.#logChange(id, breaker, from);
  }

  #logChange(id: string, breaker: Breaker, from: CircuitState): void {
    const to = this.#stateOf(breaker);
    if (to === from) return;
    const retryAt = to === 'open' ? breaker.openUntil : null;
    this.#logger.warn('circuit breaker changed', { credentialId: id, from, to, retryAt });
  }
}
