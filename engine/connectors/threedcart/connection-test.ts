import type { ErrorData, Result } from '../../contract/errors.ts';
import { toErrorData } from '../../errors/bridgeflow-error.ts';
import { createSecretMasker } from '../../run/http/secret-masking.ts';
import type { EngineServices } from '../../run/services.ts';
import { standaloneContext } from '../common/standalone-context.ts';
import { ThreeDCartClient } from './threedcart-client.ts';
import { parseThreeDCartCredentials } from './threedcart-credentials.ts';

/** What a successful connection test found. */
export interface ThreeDCartConnection {
  apiUrl: string;
  secureUrl: string;
  /** How many order statuses the store has (a read every app scope allows). */
  orderStatusCount: number;
}

/** Options of {@link testConnection}. */
export interface ConnectionTestOptions {
  signal?: AbortSignal;
  /** Default 15 s: a user is waiting on the answer. */
  timeoutMs?: number;
}

/**
 * Checks a `threedcart` credential with one cheap read (`GET /OrderStatus`, §2), outside any run:
 * `{ok: true}` with what was found, or `{ok: false, error}` where `error.remote.message` is the
 * store's own reason (for a wrong key or token: "PrivateKey/Token/SecureURL combination is
 * invalid, …", reference/threedcart-api.md §7). Secrets are masked in every message.
 */
export async function testConnection(
  fields: Record<string, string>,
  services: Pick<EngineServices, 'http' | 'clock' | 'logger'>,
  options: ConnectionTestOptions = {},
): Promise<Result<ThreeDCartConnection>> {
  // Only the secret fields: the API and store URLs stay readable in messages.
  const secrets = [fields.privateKey, fields.token, fields.accessToken].filter(
    (value): value is string => value !== undefined && value.length >= 4,
  );
  try {
    const credentials = parseThreeDCartCredentials(fields);
    const { context } = standaloneContext(
      'threedcart',
      fields,
      services,
      options.signal ?? new AbortController().signal,
    );
    const client = new ThreeDCartClient(context, credentials, {
      maxAttempts: 1,
      timeoutMs: options.timeoutMs ?? 15_000,
    });
    const statuses = await client.read('OrderStatus', { limit: 500 });
    const { apiUrl, secureUrl } = credentials;
    return { ok: true, value: { apiUrl, secureUrl, orderStatusCount: statuses.length } };
  } catch (thrown) {
    return { ok: false, error: maskedError(toErrorData(thrown), secrets) };
  }
}

function maskedError(error: ErrorData, secrets: readonly string[]): ErrorData {
  const mask = createSecretMasker(secrets).text;
  const masked: ErrorData = { ...error, message: mask(error.message) };
  if (error.remote?.message !== undefined)
    masked.remote = { ...error.remote, message: mask(error.remote.message) };
  return masked;
}
