import { randomBytes } from 'node:crypto';
import { json, type SimulatorHandler, type SimulatorResponse } from '../common/simulator-http.ts';
import type { IonClient } from './ion-api-file.ts';

// The ION API (Infor SSO) OAuth 2.0 token endpoint, reference B2: backend services use the
// resource-owner password grant, POST `{pu}{ot}` form-encoded with grant_type=password,
// username=<saak>, password=<sask>, client_id=<ci>, client_secret=<cs>; refresh with
// grant_type=refresh_token and the client id/secret as Basic auth; revoke at `{pu}{or}?token=`.
// Access tokens are "currently valid for 2 hours". Error bodies follow RFC 6749 §5.2; Infor's
// exact error texts are unverified.

export type TokenCheck = 'valid' | 'expired' | 'unknown';

/** Issued tokens, timed by the injected clock. */
export class IonTokens {
  readonly #clock: () => number;
  readonly #lifetimeSeconds: number;
  readonly #accessTokens = new Map<string, number>();
  readonly #refreshTokens = new Set<string>();

  constructor(clock: () => number, lifetimeSeconds: number) {
    this.#clock = clock;
    this.#lifetimeSeconds = lifetimeSeconds;
  }

  /** A new access token (and the refresh token to renew it). */
  issue(refreshToken = randomBytes(24).toString('base64url')): Record<string, unknown> {
    const accessToken = randomBytes(32).toString('base64url');
    this.#accessTokens.set(accessToken, this.#clock() + this.#lifetimeSeconds * 1000);
    this.#refreshTokens.add(refreshToken);
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: this.#lifetimeSeconds,
      refresh_token: refreshToken,
    };
  }

  check(accessToken: string): TokenCheck {
    const expiresAt = this.#accessTokens.get(accessToken);
    if (expiresAt === undefined) return 'unknown';
    return this.#clock() < expiresAt ? 'valid' : 'expired';
  }

  hasRefreshToken(token: string): boolean {
    return this.#refreshTokens.has(token);
  }

  revoke(token: string): void {
    this.#accessTokens.delete(token);
    this.#refreshTokens.delete(token);
  }
}

function oauthError(status: number, error: string, description: string): SimulatorResponse {
  return json(status, { error, error_description: description }, { 'cache-control': 'no-store' });
}

/** client_id/client_secret from the form or from a Basic header (RFC 6749 §2.3.1 allows both). */
function clientCredentials(form: URLSearchParams, authorization: string | undefined): [string, string] {
  if (authorization?.startsWith('Basic ')) {
    const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return [formDecode(decoded.slice(0, colon)), formDecode(decoded.slice(colon + 1))];
  }
  return [form.get('client_id') ?? '', form.get('client_secret') ?? ''];
}

/** Basic credentials of a client are form-url-encoded first (RFC 6749 §2.3.1). */
function formDecode(text: string): string {
  return new URLSearchParams(`v=${text}`).get('v') ?? '';
}

/** POST `/{TENANT}/as/token.oauth2`. */
export function tokenHandler(client: IonClient, tokens: IonTokens): SimulatorHandler {
  return (request) => {
    if (request.params.tenant !== client.tenant) return oauthError(404, 'invalid_request', 'Unknown tenant');
    const form = new URLSearchParams(request.body.toString('utf8'));
    const [clientId, clientSecret] = clientCredentials(form, request.headers.authorization);
    if (clientId !== client.clientId || clientSecret !== client.clientSecret) {
      return oauthError(401, 'invalid_client', 'Client authentication failed');
    }
    switch (form.get('grant_type')) {
      case 'password':
        if (form.get('username') !== client.accessKey || form.get('password') !== client.secretKey) {
          return oauthError(400, 'invalid_grant', 'Invalid service account credentials');
        }
        return json(200, tokens.issue(), { 'cache-control': 'no-store' });
      case 'refresh_token': {
        const refreshToken = form.get('refresh_token') ?? '';
        if (!tokens.hasRefreshToken(refreshToken)) {
          return oauthError(400, 'invalid_grant', 'Unknown or revoked refresh token');
        }
        return json(200, tokens.issue(refreshToken), { 'cache-control': 'no-store' });
      }
      case null:
        return oauthError(400, 'invalid_request', 'grant_type is missing');
      default:
        return oauthError(400, 'unsupported_grant_type', 'Only password and refresh_token grants');
    }
  };
}

/** POST `/{TENANT}/as/revoke_token.oauth2?token=...` (or `token` in the form); always 200 (RFC 7009). */
export function revokeHandler(client: IonClient, tokens: IonTokens): SimulatorHandler {
  return (request) => {
    if (request.params.tenant !== client.tenant) return oauthError(404, 'invalid_request', 'Unknown tenant');
    const form = new URLSearchParams(request.body.toString('utf8'));
    tokens.revoke(request.query.get('token') ?? form.get('token') ?? '');
    return { status: 200 };
  };
}
