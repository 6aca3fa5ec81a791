import type { z } from 'zod';
import type { CredentialTypeSchema } from '../contract/flow-api-credentials.ts';
import { BridgeflowError, toErrorData } from '../errors/bridgeflow-error.ts';
import { WEBHOOK_SECRET_FIELD } from '../nodes/webhook-trigger/webhook-trigger.node.ts';
import { CREDENTIAL_TYPES } from './connection-tests.ts';
import { importIonApiFile, M3CredentialsSchema } from './m3/m3-credentials.ts';
import { Sage300CredentialsSchema } from './sage300/sage300-credentials.ts';
import {
  THREEDCART_DEFAULT_API_URL,
  ThreeDCartCredentialsSchema,
} from './threedcart/threedcart-credentials.ts';

/** A credential type's form, as the designer's credential dialog shows it. */
export type CredentialForm = z.infer<typeof CredentialTypeSchema>;

/**
 * The credential types the designer stores: the connectors' (each has a connection test) and the
 * webhook triggers' shared secret.
 */
export const CREDENTIAL_FORM_TYPES = [...CREDENTIAL_TYPES, 'webhookSecret'] as const;
export type CredentialFormType = (typeof CREDENTIAL_FORM_TYPES)[number];

/** Shortest webhook secret accepted: whoever guesses it can start runs. */
export const MIN_WEBHOOK_SECRET_LENGTH = 16;

/** The fields of each credential type (the connectors' credential schemas, as forms). */
export const CREDENTIAL_FORMS: Record<CredentialFormType, CredentialForm> = {
  sage300: {
    type: 'sage300',
    title: 'Sage 300',
    testable: true,
    fields: [
      {
        name: 'baseUrl',
        label: 'Base URL',
        kind: 'text',
        secret: false,
        required: true,
        placeholder: 'http://server/Sage300WebApi',
        help: 'The Web API application path; the version path v1.0/-/ is added.',
      },
      {
        name: 'company',
        label: 'Company',
        kind: 'text',
        secret: false,
        required: true,
        placeholder: 'SAMINC',
        help: 'The company (org ID) every call is made for.',
      },
      { name: 'username', label: 'User ID', kind: 'text', secret: false, required: true },
      { name: 'password', label: 'Password', kind: 'secret', secret: true, required: false },
    ],
  },
  m3: {
    type: 'm3',
    title: 'Infor M3',
    testable: true,
    fields: [
      {
        name: 'mode',
        label: 'Sign-in',
        kind: 'select',
        secret: false,
        required: true,
        options: ['basic', 'ionapi'],
        defaultValue: 'basic',
        help: 'basic: user and password on the grid (on-premises); ionapi: an ION API .ionapi file (cloud).',
      },
      {
        name: 'baseUrl',
        label: 'Grid URL',
        kind: 'text',
        secret: false,
        required: true,
        placeholder: 'https://m3.example.com:21108',
        when: { field: 'mode', equals: ['basic'] },
      },
      {
        name: 'username',
        label: 'User',
        kind: 'text',
        secret: false,
        required: true,
        when: { field: 'mode', equals: ['basic'] },
      },
      {
        name: 'password',
        label: 'Password',
        kind: 'secret',
        secret: true,
        required: true,
        when: { field: 'mode', equals: ['basic'] },
      },
      {
        name: 'ionapi',
        label: '.ionapi file',
        kind: 'multiline',
        secret: true,
        required: true,
        placeholder: 'Paste the JSON of the .ionapi file downloaded from ION API',
        when: { field: 'mode', equals: ['ionapi'] },
      },
      {
        name: 'company',
        label: 'Company (CONO)',
        kind: 'text',
        secret: false,
        required: false,
        placeholder: '100',
      },
      { name: 'division', label: 'Division (DIVI)', kind: 'text', secret: false, required: false },
    ],
  },
  threedcart: {
    type: 'threedcart',
    title: '3dcart (Shift4Shop)',
    testable: true,
    fields: [
      {
        name: 'secureUrl',
        label: 'Secure URL',
        kind: 'text',
        secret: false,
        required: true,
        placeholder: 'https://mystore.3dcartstores.com',
        help: "The store's secure URL, with or without https://.",
      },
      { name: 'privateKey', label: 'Private key', kind: 'secret', secret: true, required: true },
      {
        name: 'token',
        label: 'Token',
        kind: 'secret',
        secret: true,
        required: false,
        help: 'Store Manager → Modules → REST API. A token or an OAuth access token is required.',
      },
      { name: 'accessToken', label: 'OAuth access token', kind: 'secret', secret: true, required: false },
      {
        name: 'apiUrl',
        label: 'API URL',
        kind: 'text',
        secret: false,
        required: false,
        defaultValue: THREEDCART_DEFAULT_API_URL,
        help: 'Change only for a sandbox.',
      },
      {
        name: 'requestsPerSecond',
        label: 'Requests per second',
        kind: 'text',
        secret: false,
        required: false,
        help: "Only for a store with an allowance other than 3dcart's 2 per second after a burst of 50.",
      },
      { name: 'requestBurst', label: 'Request burst', kind: 'text', secret: false, required: false },
    ],
  },
  webhookSecret: {
    type: 'webhookSecret',
    title: 'Webhook secret',
    testable: false,
    fields: [
      {
        name: WEBHOOK_SECRET_FIELD,
        label: 'Secret',
        kind: 'secret',
        secret: true,
        required: true,
        help: `What a webhook trigger checks: the shared secret the sender puts in a header or in the URL (…/orders?token=…), or the key of its HMAC signature. At least ${MIN_WEBHOOK_SECRET_LENGTH} characters.`,
      },
    ],
  },
};

/** `type` as a credential type; INPUT_INVALID (path `type`) naming the known ones otherwise. */
export function credentialTypeOf(type: string): CredentialFormType {
  const known = knownFormType(type);
  if (known !== undefined) return known;
  throw new BridgeflowError(
    'INPUT_INVALID',
    `Unknown credential type "${type}"; use one of ${CREDENTIAL_FORM_TYPES.join(', ')}`,
    { path: 'type' },
  );
}

/** The form of a stored credential's type; undefined for a type the designer has no form for. */
export function credentialFormOf(type: string): CredentialForm | undefined {
  const known = knownFormType(type);
  return known === undefined ? undefined : CREDENTIAL_FORMS[known];
}

function knownFormType(type: string): CredentialFormType | undefined {
  return CREDENTIAL_FORM_TYPES.find((each) => each === type);
}

/**
 * The fields to store for a credential of `type`: only the form's fields, only those its
 * `when` conditions show, empty ones left out; refused with INPUT_INVALID and the path
 * `fields.<name>` of the first field that is wrong, saying why (never echoing a value).
 */
export function checkedCredentialFields(
  type: CredentialFormType,
  fields: Record<string, string>,
): Record<string, string> {
  const form = CREDENTIAL_FORMS[type];
  checkFieldNames(type, Object.keys(fields));
  // Empty means absent; a field with a default takes it, so a form left as shown stores what it shows.
  const given: Record<string, string> = {};
  for (const field of form.fields) {
    const value = fields[field.name];
    if (value !== undefined && value.trim() !== '') given[field.name] = field.secret ? value : value.trim();
    else if (field.defaultValue !== undefined) given[field.name] = field.defaultValue;
  }
  const kept: Record<string, string> = {};
  for (const field of form.fields) {
    const shown = field.when === undefined || field.when.equals.includes(given[field.when.field] ?? '');
    if (!shown) continue;
    const value = given[field.name];
    if (value !== undefined) kept[field.name] = value;
    else if (field.required) throw fieldError(field.name, `${field.label} is required`);
  }
  checkWithConnector(type, kept);
  return kept;
}

/**
 * Refuses a field name `type` does not have (a typo would be stored and never read), with the
 * path `fields.<name>` and the names it has.
 */
export function checkFieldNames(type: CredentialFormType, names: readonly string[]): void {
  const form = CREDENTIAL_FORMS[type];
  const known = form.fields.map((field) => field.name);
  const unknown = names.find((name) => !known.includes(name));
  if (unknown !== undefined) {
    throw fieldError(
      unknown,
      `${form.title} credentials have no field "${unknown}"; their fields are ${known.join(', ')}`,
    );
  }
}

/** The connector's own reading of the fields, so what is saved is what its nodes can use. */
function checkWithConnector(type: CredentialFormType, fields: Record<string, string>): void {
  const form = CREDENTIAL_FORMS[type];
  if (type === 'webhookSecret') {
    const secret = fields[WEBHOOK_SECRET_FIELD] ?? '';
    if (secret.length < MIN_WEBHOOK_SECRET_LENGTH) {
      throw fieldError(
        WEBHOOK_SECRET_FIELD,
        `Secret must be at least ${MIN_WEBHOOK_SECRET_LENGTH} characters: whoever guesses it can start runs`,
      );
    }
    return;
  }
  let candidate: Record<string, unknown> = fields;
  if (type === 'm3' && fields.mode === 'ionapi' && fields.ionapi !== undefined) {
    try {
      candidate = { ...fields, ionapi: importIonApiFile(fields.ionapi) };
    } catch (thrown) {
      throw fieldError('ionapi', toErrorData(thrown).message);
    }
  }
  const schema =
    type === 'sage300'
      ? Sage300CredentialsSchema
      : type === 'm3'
        ? M3CredentialsSchema
        : ThreeDCartCredentialsSchema;
  const parsed = schema.safeParse(candidate);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? form.fields[0]?.name ?? 'fields');
  const label = form.fields.find((field) => field.name === name)?.label ?? name;
  const message = issue?.message ?? 'is not valid';
  // Schema messages either continue the field's label ("must be …") or stand on their own.
  throw fieldError(
    name,
    /^(must|is|cannot|has)\b/.test(message) ? `${label} ${message}` : `${label}: ${message}`,
  );
}

function fieldError(name: string, message: string): BridgeflowError {
  return new BridgeflowError('INPUT_INVALID', message, { path: `fields.${name}`, retryable: false });
}
