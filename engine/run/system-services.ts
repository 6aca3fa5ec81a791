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
 * Credentials from environment variables, for the CLI; the runtime puts them on top of its encrypted
 * credentials file (engine/runtime/credentials). Either the whole credential as JSON, with field names exactly as the credential type
 * spells them:
 *   BRIDGEFLOW_CREDENTIAL_SAGE_PROD='{"baseUrl":"http://sage/Sage300WebApi","company":"SAMINC",...}'
 * or one variable per field, the field name in SNAKE_CASE (read as camelCase):
 *   BRIDGEFLOW_CREDENTIAL_SAGE_PROD_BASE_URL=http://sage/Sage300WebApi
 *   BRIDGEFLOW_CREDENTIAL_SAGE_PROD_PASSWORD=…
 * Per-field variables override fields of the JSON form. The variables are read when the store is made.
 */
export function createEnvironmentSecretStore(environment: NodeJS.ProcessEnv = process.env): SecretStore {
  // Read once: a process' environment does not change from outside, and going through every
  // variable of process.env on each credential read cost about 0.1 ms per connector node run.
  const variables = Object.entries(environment).filter(
    (entry): entry is [string, string] => entry[0].startsWith(CREDENTIAL_PREFIX) && entry[1] !== undefined,
  );
  return {
    async get(credentialId) {
      const name = `${CREDENTIAL_PREFIX}${credentialId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
      const whole = variables.find(([variable]) => variable === name)?.[1];
      const fields: Record<string, string> = { ...jsonFields(whole, name) };
      const prefix = `${name}_`;
      for (const [variable, value] of variables) {
        if (variable.startsWith(prefix)) fields[camelCase(variable.slice(prefix.length))] = value;
      }
      return Object.keys(fields).length > 0 ? fields : undefined;
    },
  };
}

const CREDENTIAL_PREFIX = 'BRIDGEFLOW_CREDENTIAL_';

function jsonFields(text: string | undefined, variable: string): Record<string, string> {
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BridgeflowError(
      'CONNECTOR_AUTH',
      `${variable} is not valid JSON; write the credential as {"field": "value", ...}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BridgeflowError('CONNECTOR_AUTH', `${variable} must be a JSON object of credential fields`);
  }
  const fields: Record<string, string> = {};
  for (const [field, value] of Object.entries(parsed)) {
    // Nested objects (an .ionapi file) are kept as JSON text, as the vault stores them.
    fields[field] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return fields;
}

/** `BASE_URL` → `baseUrl`, `PASSWORD` → `password`. */
function camelCase(snake: string): string {
  return snake.toLowerCase().replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** Real services with the given HTTP transport. */
export function createSystemServices(
  http: HttpTransport,
  logger: Logger = createJsonLogger(),
): EngineServices {
  return { clock: systemClock, logger, http, secrets: createEnvironmentSecretStore() };
}
