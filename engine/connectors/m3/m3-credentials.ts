import { z } from 'zod';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { parsedOnce } from '../common/parsed-credentials.ts';

// The `m3` credential (reference/erp-apis.md B2). Two ways in:
// - `basic`: an M3 user with HTTP Basic straight to the grid's `/m3api-rest/` (on-premises).
// - `ionapi`: the ION API gateway (cloud) with an OAuth 2.0 token from the resource-owner password
//   grant, everything the grant needs read from the `.ionapi` file Infor hands out.
// The vault stores a credential as string fields only, so in `ionapi` mode the file is kept as its
// JSON text in the field `ionapi` (see m3CredentialFields).

/** Credential type the M3 nodes ask for in their `erp` slot. */
export const M3_CREDENTIAL_TYPE = 'm3';

/**
 * `.ionapi` fields the connector cannot work without, with what each is. `pu`/`ot` and the key pair
 * `saak`/`sask` are confirmed by the Infor SDK (M-ION); the rest come from a public example file
 * (reference B2, open question 14).
 */
const REQUIRED_ION_FIELDS = {
  ti: 'tenant',
  ci: 'client id',
  cs: 'client secret',
  iu: 'ION API base URL',
  pu: 'SSO base URL',
  ot: 'token endpoint',
  saak: 'service-account access key',
  sask: 'service-account secret key',
} as const;

const nonEmpty = z.string().trim().min(1);

/** Contents of a `.ionapi` file; fields the connector does not use are optional and kept. */
export const IonApiFileSchema = z.looseObject({
  ti: nonEmpty,
  ci: nonEmpty,
  cs: nonEmpty,
  iu: z.url({ protocol: /^https?$/ }),
  pu: z.url({ protocol: /^https?$/ }),
  ot: nonEmpty,
  saak: nonEmpty,
  sask: nonEmpty,
  cn: z.string().optional(),
  dt: z.string().optional(),
  oa: z.string().optional(),
  or: z.string().optional(),
  ev: z.string().optional(),
  v: z.string().optional(),
});

/** A validated `.ionapi` file. */
export type IonApiFile = z.output<typeof IonApiFileSchema>;

/** M3 company (CONO, N3) and division (DIVI, A3) sent with every call when set (reference B1, B4). */
const companyFields = {
  company: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, 'CONO is a number of up to 3 digits')
    .optional(),
  division: z.string().trim().max(3, 'DIVI has at most 3 characters').optional(),
};

const BasicCredentialsSchema = z.object({
  mode: z.literal('basic'),
  /** The grid's address, e.g. `https://m3.example.com:21108`; a trailing `/m3api-rest` is dropped. */
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, '').replace(/\/m3api-rest$/i, '')),
  username: nonEmpty,
  password: z.string().min(1),
  ...companyFields,
});

const IonCredentialsSchema = z.object({
  mode: z.literal('ionapi'),
  ionapi: IonApiFileSchema,
  ...companyFields,
});

/** Parsed `m3` credentials. */
export const M3CredentialsSchema = z.discriminatedUnion('mode', [
  BasicCredentialsSchema,
  IonCredentialsSchema,
]);

/** How the connector reaches M3. */
export type M3Credentials = z.output<typeof M3CredentialsSchema>;
export type M3BasicCredentials = z.output<typeof BasicCredentialsSchema>;
export type M3IonCredentials = z.output<typeof IonCredentialsSchema>;

/**
 * Reads the `m3` credential's vault fields; CONNECTOR_AUTH naming the field when one is missing or
 * malformed, since nothing can be called without it.
 */
export const parseM3Credentials = parsedOnce(readM3Credentials);

function readM3Credentials(fields: Readonly<Record<string, string>>): M3Credentials {
  const { ionapi, ...rest } = fields;
  let candidate: Record<string, unknown> = rest;
  if (fields.mode === 'ionapi') {
    if (ionapi === undefined || ionapi.trim() === '') throw credentialError('ionapi', 'is missing');
    candidate = { ...rest, ionapi: importIonApiFile(ionapi, 'CONNECTOR_AUTH') };
  }
  const parsed = M3CredentialsSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'mode';
  const problem = field === 'mode' ? 'must be "basic" or "ionapi"' : (issue?.message ?? 'is invalid');
  throw credentialError(field, problem);
}

/** The credential as the vault stores it: string fields, the `.ionapi` file as JSON text. */
export function m3CredentialFields(credentials: M3Credentials): Record<string, string> {
  const fields: Record<string, string> = { mode: credentials.mode };
  if (credentials.mode === 'basic') {
    fields.baseUrl = credentials.baseUrl;
    fields.username = credentials.username;
    fields.password = credentials.password;
  } else {
    fields.ionapi = JSON.stringify(credentials.ionapi);
  }
  if (credentials.company !== undefined) fields.company = credentials.company;
  if (credentials.division !== undefined) fields.division = credentials.division;
  return fields;
}

/**
 * Validates the text of a `.ionapi` file (the credential dialog's "import"). INPUT_INVALID (or the
 * given code) naming the first missing or empty field, e.g. `"sask" (service-account secret key)`.
 */
export function importIonApiFile(
  text: string,
  code: 'INPUT_INVALID' | 'CONNECTOR_AUTH' = 'INPUT_INVALID',
): IonApiFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BridgeflowError(code, 'The .ionapi file is not JSON; export it again from ION API', {
      retryable: false,
    });
  }
  const parsed = IonApiFileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  if (field === '') {
    throw new BridgeflowError(code, 'The .ionapi file must hold a JSON object', { retryable: false });
  }
  const missing = typeof json === 'object' && json !== null && !(field in json);
  const what = isRequiredIonField(field) ? ` (${REQUIRED_ION_FIELDS[field]})` : '';
  const problem = missing ? 'is missing' : `is invalid: ${issue?.message ?? ''}`;
  // A backend integration authenticates as a service account (reference B2); without the key pair
  // the file was made for an interactive client.
  const hint = field === 'saak' || field === 'sask' ? '; the file must include a service account' : '';
  throw new BridgeflowError(code, `The .ionapi field "${field}"${what} ${problem}${hint}`, {
    retryable: false,
    path: field,
  });
}

function isRequiredIonField(field: string): field is keyof typeof REQUIRED_ION_FIELDS {
  return Object.hasOwn(REQUIRED_ION_FIELDS, field);
}

function credentialError(field: string, problem: string): BridgeflowError {
  return new BridgeflowError('CONNECTOR_AUTH', `The M3 credential's "${field}" ${problem}`, {
    retryable: false,
    path: field,
  });
}
