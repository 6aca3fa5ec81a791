import type { ErrorData } from '../../contract/errors.ts';
import { toErrorData } from '../../errors/bridgeflow-error.ts';
import type { NodeContext } from '../../nodes/node-type.ts';
import type { EngineServices } from '../../run/services.ts';
import { standaloneContext } from '../common/standalone-context.ts';
import { M3Client, type M3ClientOptions } from './m3-client.ts';
import { type M3Credentials, M3CredentialsSchema, parseM3Credentials } from './m3-credentials.ts';

/** Reads and parses the `m3` credential wired to `slot` and returns a client for the node. */
export async function m3ClientFor(
  context: NodeContext<unknown>,
  slot: string,
  options: M3ClientOptions = {},
): Promise<M3Client> {
  const credentials = parseM3Credentials(await context.credentials(slot));
  return new M3Client(context, credentials, options);
}

/** Outcome of {@link testConnection}. */
export type M3ConnectionTest = { ok: true; message: string } | { ok: false; error: ErrorData };

/**
 * The credential dialog's "Test connection": signs in (Basic, or a token from the ION API) and
 * lists one customer with CRS610MI/LstByNumber, a read every order integration needs anyway.
 * `services` gives the transport and clock; the call is not part of any run, so nothing is
 * recorded and nothing is retried more than once.
 */
export async function testConnection(
  credentials: M3Credentials | Readonly<Record<string, string>>,
  services: Pick<EngineServices, 'http' | 'clock' | 'logger'>,
  options: M3ClientOptions & { signal?: AbortSignal } = {},
): Promise<M3ConnectionTest> {
  const signal = options.signal ?? new AbortController().signal;
  try {
    // Parsed credentials pass the schema as they are; vault fields hold the .ionapi file as text.
    const direct = M3CredentialsSchema.safeParse(credentials);
    const parsed = direct.success ? direct.data : parseM3Credentials(toFields(credentials));
    const { context } = standaloneContext('m3', toFields(credentials), services, signal);
    const client = new M3Client(context, parsed, { maxAttempts: 2, ...options });
    const { records } = await client.execute({
      program: 'CRS610MI',
      transaction: 'LstByNumber',
      maxRecords: 1,
      returnColumns: ['CUNO'],
    });
    const how =
      parsed.mode === 'basic' ? `as ${parsed.username}` : `through ION API tenant ${parsed.ionapi.ti}`;
    const found = records.length === 0 ? 'no customers visible' : 'customers readable';
    return { ok: true, message: `Connected to Infor M3 ${how}; ${found}` };
  } catch (thrown) {
    return { ok: false, error: toErrorData(thrown) };
  }
}

function toFields(credentials: M3Credentials | Readonly<Record<string, string>>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(credentials))
    if (typeof value === 'string') fields[name] = value;
  return fields;
}
