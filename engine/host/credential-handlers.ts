import type { z } from 'zod';
import { isCredentialType, testCredential } from '../connectors/connection-tests.ts';
import {
  CREDENTIAL_FORM_TYPES,
  CREDENTIAL_FORMS,
  checkedCredentialFields,
  credentialFormOf,
  credentialTypeOf,
} from '../connectors/credential-forms.ts';
import type { StoredCredentialSchema } from '../contract/flow-api-credentials.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import { createAxiosTransport } from '../run/http/axios-transport.ts';
import { silentLogger, systemClock } from '../run/system-services.ts';
import type { CredentialEntry } from '../runtime/credentials/credentials-file.ts';
import type { HostContext } from './host-context.ts';
import type { AreaHandlers, HandlerInput } from './host-handlers.ts';

type StoredCredential = z.infer<typeof StoredCredentialSchema>;
type CredentialMethod = 'listCredentials' | 'saveCredential' | 'deleteCredential' | 'testCredential';

/** A connection test gives up after this long, retries included: the dialog waits for it. */
const TEST_TIMEOUT_MS = 20_000;

/** The credential dialog's methods (CREDENTIAL_METHODS): list, save, delete, test. */
export function createCredentialHandlers(context: HostContext): AreaHandlers<CredentialMethod> {
  const store = context.credentials;
  // Its own sockets: a connection test must not wait behind a test run's calls.
  const http = createAxiosTransport({ timeoutMs: TEST_TIMEOUT_MS / 2 });
  context.onDispose(() => http.close());

  /** The draft's fields with the secrets it keeps filled in from the stored credential. */
  const draftFields = async (input: HandlerInput<'testCredential'>): Promise<Record<string, string>> => {
    if (input.keep.length === 0) return input.fields;
    const stored = input.id === undefined ? undefined : await store.get(input.id);
    if (!stored || stored.type !== input.type) {
      throw new BridgeflowError(
        'INPUT_INVALID',
        `There is no stored ${input.type} credential "${input.id ?? ''}" to keep ${input.keep.join(', ')} from; type them again`,
        { path: 'keep' },
      );
    }
    const kept = Object.fromEntries(
      input.keep.flatMap((name) => (stored.fields[name] === undefined ? [] : [[name, stored.fields[name]]])),
    );
    return { ...kept, ...withoutEmpty(input.fields) };
  };

  return {
    async listCredentials() {
      const entries = await store.list();
      return {
        store: store.info(),
        types: CREDENTIAL_FORM_TYPES.map((type) => CREDENTIAL_FORMS[type]),
        credentials: [...entries]
          .sort(([left], [right]) => left.localeCompare(right))
          .map(([id, entry]) => describe(id, entry)),
      };
    },
    async saveCredential(input) {
      const info = store.info();
      if (!info.writable) {
        throw new BridgeflowError(
          'CREDENTIALS_KEY_INVALID',
          info.reason ?? 'Credentials cannot be saved here',
        );
      }
      const fields = checkedCredentialFields(credentialTypeOf(input.type), await draftFields(input));
      return describe(input.id, await store.put(input.id, input.type, fields));
    },
    async deleteCredential({ id }) {
      if (!(await store.remove(id))) {
        throw new BridgeflowError('INPUT_INVALID', `There is no credential "${id}"`, { path: 'id' });
      }
      return {};
    },
    async testCredential(input) {
      const started = performance.now();
      const type = credentialTypeOf(input.type);
      if (!isCredentialType(type)) {
        throw new BridgeflowError(
          'INPUT_INVALID',
          `A ${CREDENTIAL_FORMS[type].title.toLowerCase()} connects to nothing, so there is no connection to test`,
          { path: 'type' },
        );
      }
      const fields = checkedCredentialFields(type, await draftFields(input));
      const services = {
        clock: systemClock,
        logger: silentLogger,
        http,
        secrets: { get: async () => undefined },
      };
      const result = await testCredential(type, fields, services, AbortSignal.timeout(TEST_TIMEOUT_MS));
      return { ...result, durationMs: Math.round(performance.now() - started) };
    },
  };
}

/** A stored credential without its secrets. */
function describe(id: string, entry: CredentialEntry): StoredCredential {
  const form = credentialFormOf(entry.type);
  const secret = new Set(form?.fields.filter((field) => field.secret).map((field) => field.name));
  const values: Record<string, string> = {};
  const secretsSet: string[] = [];
  for (const [name, value] of Object.entries(entry.fields)) {
    // A field the form does not know (an entry made with `bridgeflow credentials set`) is not shown.
    if (secret.has(name)) secretsSet.push(name);
    else if (form?.fields.some((field) => field.name === name)) values[name] = value;
  }
  return { id, type: entry.type, updatedAt: entry.updatedAt, values, secretsSet };
}

function withoutEmpty(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ''));
}
