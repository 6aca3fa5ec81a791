import type { JsonValue } from '../contract/flow-document.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import type { Clock, EngineServices, HttpTransport, Logger, SecretStore } from './services.ts';

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(cancelled());
        return;
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(cancelled());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};

function cancelled(): BridgeflowError {
  return new BridgeflowError('RUN_CANCELLED', 'The run was cancelled');
}

/** Logs one JSON line per entry to stderr, so stdout stays free for command output. */
export function createJsonLogger(minimum: 'debug' | 'info' | 'warn' | 'error' = 'info'): Logger {
  const levels = ['debug', 'info', 'warn', 'error'] as const;
  const threshold = levels.indexOf(minimum);
  const write =
    (level: (typeof levels)[number]) =>
    (message: string, fields?: Record<string, JsonValue>): void => {
      if (levels.indexOf(level) < threshold) return;
      process.stderr.write(
        `${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`,
      );
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** A logger that drops everything (benchmarks, quiet CLI runs). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Credentials from environment variables: credential id `sage-prod` with field `password` is
 * read from `BRIDGEFLOW_CREDENTIAL_SAGE_PROD_PASSWORD`. The encrypted vault comes with the store.
 */
export function createEnvironmentSecretStore(environment: NodeJS.ProcessEnv = process.env): SecretStore {
  return {
    async get(credentialId) {
      const prefix = `BRIDGEFLOW_CREDENTIAL_${credentialId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_`;
      const fields: Record<string, string> = {};
      for (const [name, value] of Object.entries(environment)) {
        if (name.startsWith(prefix) && value !== undefined) {
          fields[name.slice(prefix.length).toLowerCase()] = value;
        }
      }
      return Object.keys(fields).length > 0 ? fields : undefined;
    },
  };
}

/** Real services with the given HTTP transport. */
export function createSystemServices(
  http: HttpTransport,
  logger: Logger = createJsonLogger(),
): EngineServices {
  return { clock: systemClock, logger, http, secrets: createEnvironmentSecretStore() };
}
