import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import type { LookupResolver } from '../../mapping/mapping-function.ts';
import type { Clock, EngineServices, HttpTransport, Logger } from '../services.ts';

/** A clock whose sleeps return at once and are remembered, so retry tests run instantly. */
export interface FakeClock extends Clock {
  readonly sleeps: number[];
}

export function createFakeClock(start = Date.UTC(2026, 10, 22, 9, 0, 0)): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    async sleep(ms, signal) {
      if (signal?.aborted) throw new BridgeflowError('RUN_CANCELLED', 'The run was cancelled');
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** A logger that keeps what it was told. */
export interface MemoryLogger extends Logger {
  readonly entries: { level: string; message: string; fields?: Record<string, JsonValue> }[];
}

export function createMemoryLogger(): MemoryLogger {
  const entries: MemoryLogger['entries'] = [];
  const write = (level: string) => (message: string, fields?: Record<string, JsonValue>) => {
    entries.push(fields ? { level, message, fields } : { level, message });
  };
  return { entries, debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** A transport for tests that must not touch the network: every call fails loudly. */
export const noNetwork: HttpTransport = {
  async send(request) {
    throw new BridgeflowError(
      'CONNECTOR_UNAVAILABLE',
      `Test tried to reach the network: ${request.method} ${request.url}`,
      {
        retryable: false,
      },
    );
  },
};

/** Services for tests: fake clock, memory logger, secrets from a plain object, no network unless given. */
export function createTestServices(
  options: {
    http?: HttpTransport;
    secrets?: Record<string, Record<string, string>>;
    clock?: Clock;
    lookups?: LookupResolver;
  } = {},
): EngineServices & { logger: MemoryLogger } {
  const secrets = options.secrets ?? {};
  return {
    clock: options.clock ?? createFakeClock(),
    logger: createMemoryLogger(),
    http: options.http ?? noNetwork,
    secrets: { get: async (id) => secrets[id] },
    ...(options.lookups ? { lookups: options.lookups } : {}),
  };
}
