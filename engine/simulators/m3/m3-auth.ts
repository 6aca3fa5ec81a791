import { json, type SimulatorRequest, type SimulatorResponse } from '../common/simulator-http.ts';
import type { IonClient } from './ion-api-file.ts';
import type { IonTokens } from './ion-token-endpoint.ts';

// Who may call m3api-rest (reference B2). Directly (on-premises grid, `/m3api-rest/...`): HTTP
// Basic with an M3 user. Through the ION API gateway (`/{TENANT}/M3/m3api-rest/...`): a bearer
// token from the token endpoint. Each path takes only its own scheme. The bodies of 401 answers
// are unverified: the gateway's follows RFC 6750, the grid's is plain text.

/** An M3 user for Basic auth. */
export interface M3User {
  readonly username: string;
  readonly password: string;
}

/** Checks a request's credentials; answers the refusal, or undefined when the caller may proceed. */
export function authenticate(
  request: SimulatorRequest,
  users: ReadonlyMap<string, string>,
  client: IonClient,
  tokens: IonTokens,
): SimulatorResponse | undefined {
  const tenant = request.params.tenant;
  const authorization = request.headers.authorization ?? '';
  if (tenant === undefined) return basicRefusal(authorization, users);
  if (tenant !== client.tenant) return json(404, { error: `Unknown tenant ${tenant}` });
  if (!authorization.startsWith('Bearer ')) return bearerRefusal('invalid_request', 'Bearer token required');
  switch (tokens.check(authorization.slice(7).trim())) {
    case 'valid':
      return undefined;
    case 'expired':
      return bearerRefusal('invalid_token', 'The access token expired');
    default:
      return bearerRefusal('invalid_token', 'The access token is not valid');
  }
}

function basicRefusal(
  authorization: string,
  users: ReadonlyMap<string, string>,
): SimulatorResponse | undefined {
  if (authorization.startsWith('Basic ')) {
    const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0 && users.get(decoded.slice(0, colon)) === decoded.slice(colon + 1)) return undefined;
  }
  return {
    status: 401,
    headers: { 'www-authenticate': 'Basic realm="m3api-rest"', 'content-type': 'text/plain; charset=utf-8' },
    body: 'Unauthorized',
  };
}

function bearerRefusal(error: string, description: string): SimulatorResponse {
  return json(
    401,
    { error, error_description: description },
    { 'www-authenticate': `Bearer error="${error}", error_description="${description}"` },
  );
}
