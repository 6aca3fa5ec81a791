import type { ErrorData } from '../../contract/errors.ts';
import type { HttpExchange } from '../../contract/run-trace.ts';
import { toErrorData } from '../../errors/bridgeflow-error.ts';
import type { EngineServices } from '../../run/services.ts';
import { standaloneContext } from '../common/standalone-context.ts';
import { Sage300Client } from './sage300-client.ts';
import { parseSage300Credentials } from './sage300-credentials.ts';
import { SAGE300_RESOURCES } from './sage300-resources.ts';

/** The answer of {@link testSage300Connection}, with the calls it made (secrets masked). */
export type Sage300ConnectionResult =
  | { ok: true; message: string; http: HttpExchange[] }
  | {
      ok: false;
      /** Sage's own reason (`message.value`) when it gave one, else what went wrong on our side. */
      reason: string;
      error: ErrorData;
      http: HttpExchange[];
    };

/**
 * Signs on with a credential's fields and reads one customer number, which proves the URL, the
 * company, the user and password, and the user's Web API rights for AR (A2: rights are per module;
 * every seed flow reads or writes AR customers). Never throws for a failed test.
 */
export async function testSage300Connection(
  fields: Record<string, string>,
  services: EngineServices,
  signal: AbortSignal = new AbortController().signal,
): Promise<Sage300ConnectionResult> {
  const { context: scope, exchanges } = standaloneContext('sage300', fields, services, signal);
  try {
    const credentials = parseSage300Credentials(fields);
    const client = new Sage300Client(scope, credentials, { maxAttempts: 2 });
    await client.list(SAGE300_RESOURCES.customers, { select: ['CustomerNumber'], limit: 1 });
    return {
      ok: true,
      message: `Signed on to ${credentials.company} as ${credentials.username}`,
      http: exchanges,
    };
  } catch (thrown) {
    const error = toErrorData(thrown);
    return { ok: false, reason: error.remote?.message ?? error.message, error, http: exchanges };
  }
}
