import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import type { HttpRequestParameters } from './http-request-parameters.ts';

/** The credential slot the node reads; its fields depend on the authentication mode. */
export const CREDENTIAL_SLOT = 'httpAuth';

/** A header to add to the request. */
export interface AuthenticationHeader {
  name: string;
  value: string;
}

/**
 * The header that carries the credential: `Authorization: Basic …` (RFC 7617, from
 * `username`/`password`), `Authorization: Bearer …` (RFC 6750, from `token`), or a header of the
 * user's choosing (`name`/`value`, e.g. an `X-Api-Key`). Undefined for `none`.
 */
export function authenticationHeader(
  mode: HttpRequestParameters['authentication'],
  fields: Record<string, string>,
): AuthenticationHeader | undefined {
  switch (mode) {
    case 'none':
      return undefined;
    case 'basic': {
      const username = requiredField(fields, 'username', mode);
      // An empty password is legal in Basic auth (some APIs put a key in the username).
      const password = fields.password ?? '';
      const encoded = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
      return { name: 'Authorization', value: `Basic ${encoded}` };
    }
    case 'bearer':
      return { name: 'Authorization', value: `Bearer ${requiredField(fields, 'token', mode)}` };
    case 'header':
      return { name: requiredField(fields, 'name', mode), value: requiredField(fields, 'value', mode) };
  }
}

function requiredField(fields: Record<string, string>, field: string, mode: string): string {
  const value = fields[field];
  if (value === undefined || value === '') {
    throw new BridgeflowError(
      'CONNECTOR_AUTH',
      `The "${CREDENTIAL_SLOT}" credential has no "${field}", which ${mode} authentication needs`,
      { retryable: false },
    );
  }
  return value;
}
