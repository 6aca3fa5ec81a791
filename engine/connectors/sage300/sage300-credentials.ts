import { z } from 'zod';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { parsedOnce } from '../common/parsed-credentials.ts';

/** Credential type key of a Sage 300 Web API account, as node types declare it. */
export const SAGE300_CREDENTIAL_TYPE = 'sage300';

/** Web API version path segment and the fixed tenant slot: `v1.0/-/` (erp-apis.md A1, S-DEV §2.1). */
export const SAGE300_VERSION_PATH = 'v1.0/-';

/**
 * A Sage 300 Web API account. `baseUrl` is the application path without the version
 * (`http://server/Sage300WebApi`); `company` is the org ID (`SAMINC`). With Sage security off the
 * password is empty (A2, S-DEV §2.2).
 */
export const Sage300CredentialsSchema = z.object({
  baseUrl: z
    .string()
    .trim()
    .refine(isHttpUrl, 'must be an absolute http(s) URL such as http://server/Sage300WebApi')
    .refine((value) => !/\/v\d+(\.\d+)?(\/|$)/i.test(URL.parse(value)?.pathname ?? ''), {
      message: 'must stop at the application path (…/Sage300WebApi); the version path v1.0/-/ is added',
    })
    // Trailing slashes would double up when the version path is appended.
    .transform((value) => value.replace(/\/+$/, '')),
  company: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]+$/, 'must be the org ID, letters and digits only (SAMINC)'),
  // RFC 7617: the user ID of Basic credentials cannot contain a colon.
  username: z
    .string()
    .trim()
    .min(1, 'is required')
    .refine((value) => !value.includes(':'), 'cannot contain ":"'),
  password: z.string().default(''),
});

/** A parsed Sage 300 credential. */
export type Sage300Credentials = z.output<typeof Sage300CredentialsSchema>;

function isHttpUrl(value: string): boolean {
  const parsed = URL.parse(value);
  return parsed !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:');
}

/**
 * Reads a credential's fields as the vault returns them. Throws CONNECTOR_AUTH naming every field
 * that is wrong (never its value: it may be the password).
 */
export const parseSage300Credentials = parsedOnce(readSage300Credentials);

function readSage300Credentials(fields: Record<string, string>): Sage300Credentials {
  const parsed = Sage300CredentialsSchema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || 'credential'} ${issue.message}`,
  );
  throw new BridgeflowError(
    'CONNECTOR_AUTH',
    `The Sage 300 credential is not usable: ${problems.join('; ')}`,
    { retryable: false },
  );
}

/** `Basic base64(USER:PASSWORD)` (A2, S-DEV §2.2). */
export function basicAuthorization(credentials: Sage300Credentials): string {
  const token = Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64');
  return `Basic ${token}`;
}

/** `{baseUrl}/v1.0/-/{company}`: the root every resource path hangs from (A1). */
export function companyUrl(credentials: Sage300Credentials): string {
  return `${credentials.baseUrl}/${SAGE300_VERSION_PATH}/${encodeURIComponent(credentials.company)}`;
}
