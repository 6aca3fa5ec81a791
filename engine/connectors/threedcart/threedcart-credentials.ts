import { z } from 'zod';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { parsedOnce } from '../common/parsed-credentials.ts';

/** The credential type 3dcart nodes ask for in their `store` slot. */
export const THREEDCART_CREDENTIAL_TYPE = 'threedcart';

/**
 * The production API root (reference/threedcart-api.md §1: `https://apirest.3dcart.com/3dCartWebAPI/{version}`;
 * v2 is what current production connectors use, with the same payloads as v1).
 */
export const THREEDCART_DEFAULT_API_URL = 'https://apirest.3dcart.com/3dCartWebAPI/v2';

/** A required text field; missing and empty read the same message. */
const required = (message: string) => z.string({ error: message }).trim().min(1, message);
const optional = z.string().trim().optional();

/**
 * Fields of a `threedcart` credential. Private-key auth sends SecureURL + PrivateKey + Token on every
 * call; OAuth sends `Authorization: Bearer {accessToken}` with SecureURL + PrivateKey (§1), so one of
 * `token` and `accessToken` is required. `apiUrl` is configurable so a sandbox (the simulator) works.
 */
export const ThreeDCartCredentialsSchema = z
  .object({
    apiUrl: z
      .url({ protocol: /^https?$/ })
      .default(THREEDCART_DEFAULT_API_URL)
      .transform((url) => url.replace(/\/+$/, '')),
    /** The merchant's secure store URL, with or without scheme (§1: both forms work). */
    secureUrl: required('The store’s SecureURL is required'),
    /** The application's private key from the 3dcart developer portal. */
    privateKey: required('The application’s PrivateKey is required'),
    /** The merchant's token (Store Manager → Modules → REST API). */
    token: optional,
    /** An OAuth access token, used instead of (or besides) the token. */
    accessToken: optional,
    /**
     * The store's API allowance when it is not 3dcart's documented leaky bucket (§6: 50 requests,
     * draining 2 a second): an allowance Shift4Shop granted, or the sandbox simulator run without
     * its bucket for load tests. Left empty, the documented numbers hold.
     */
    requestsPerSecond: z.coerce.number().positive().optional(),
    requestBurst: z.coerce.number().int().positive().optional(),
  })
  .refine((fields) => Boolean(fields.token) || Boolean(fields.accessToken), {
    message: 'Either a Token or an OAuth access token is required',
    path: ['token'],
  });

/** A parsed `threedcart` credential. */
export type ThreeDCartCredentials = z.output<typeof ThreeDCartCredentialsSchema>;

/**
 * Reads a credential's fields as the vault returns them (all strings; empty means unset).
 * Throws CONNECTOR_AUTH naming the missing or invalid fields, never their values.
 */
export const parseThreeDCartCredentials = parsedOnce(readThreeDCartCredentials);

function readThreeDCartCredentials(fields: Record<string, string>): ThreeDCartCredentials {
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value.trim() !== ''));
  const parsed = ThreeDCartCredentialsSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || 'credential'}: ${issue.message}`,
  );
  throw new BridgeflowError('CONNECTOR_AUTH', `The 3dcart credential is incomplete: ${problems.join('; ')}`, {
    retryable: false,
  });
}

/**
 * The store as 3dcart identifies it: no scheme, no `www.`, no trailing slash, lower case. SkuVault
 * sends SecureURL in this form and it works (§1), so spellings that differ only so are one store,
 * and share one rate limit.
 */
export function storeKey(secureUrl: string): string {
  return secureUrl
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}

/** The headers every call carries (§1). Names as the docs spell them; 3dcart ignores their case. */
export function authenticationHeaders(credentials: ThreeDCartCredentials): Record<string, string> {
  const headers: Record<string, string> = {
    SecureURL: credentials.secureUrl,
    PrivateKey: credentials.privateKey,
  };
  if (credentials.token) headers.Token = credentials.token;
  // The official SDK sends Token and Bearer together; either is accepted (§1 step 3).
  if (credentials.accessToken) headers.Authorization = `Bearer ${credentials.accessToken}`;
  return headers;
}
