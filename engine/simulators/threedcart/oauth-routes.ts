import { json, type SimulatorRequest, type SimulatorRoute } from '../common/simulator-http.ts';
import type { ThreeDCartSettings } from './threedcart-settings.ts';

/**
 * The OAuth 2 authorization-code flow (reference/threedcart-api.md §1): the browser opens
 * `/oauth/authorize`, the store redirects back with a code (the sandbox approves at once, there is
 * no merchant to ask), and the app swaps the code at `/oauth/token` for the access token
 * (`{access_token, user_id, token_type}`, OFFICIAL-SDK). UNVERIFIED: error bodies, token lifetime
 * and refresh are undocumented; the token never expires here.
 */
export function oauthRoutes(settings: ThreeDCartSettings): SimulatorRoute[] {
  const codes = new Set<string>();
  let nextCode = 1;
  return [
    {
      method: 'GET',
      pattern: /^\/oauth\/authorize\/?$/i,
      handler: (request) => {
        const clientId = request.query.get('client_id');
        const redirectUri = request.query.get('redirect_uri');
        const target = URL.canParse(redirectUri ?? '') ? new URL(redirectUri ?? '') : undefined;
        if (clientId !== settings.publicKey || target === undefined) {
          return json(400, {
            error: 'invalid_request',
            error_description: 'Unknown client_id or bad redirect_uri',
          });
        }
        const code = `sandbox-code-${nextCode++}`;
        codes.add(code);
        target.searchParams.set('code', code);
        const state = request.query.get('state');
        if (state !== null) target.searchParams.set('state', state);
        return { status: 302, headers: { location: target.toString() } };
      },
    },
    {
      method: 'POST',
      pattern: /^\/oauth\/token\/?$/i,
      handler: (request) => {
        const form = formParameters(request);
        const [basicId, basicSecret] = basicCredentials(request);
        const clientId = form.get('client_id') ?? basicId;
        const clientSecret = form.get('client_secret') ?? basicSecret;
        if (clientId !== settings.publicKey || clientSecret !== settings.privateKey) {
          return json(401, { error: 'invalid_client' });
        }
        const code = form.get('code') ?? '';
        if (form.get('grant_type') !== 'authorization_code' || !codes.delete(code)) {
          return json(400, { error: 'invalid_grant' });
        }
        return json(200, {
          access_token: settings.accessToken,
          user_id: settings.storeUrl,
          token_type: 'bearer',
        });
      },
    },
  ];
}

/** Form fields by lower-cased name: the docs write `Code`, the SDK `code`. */
function formParameters(request: SimulatorRequest): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(request.body.toString('utf8'))) {
    fields.set(name.toLowerCase(), value);
  }
  return fields;
}

function basicCredentials(request: SimulatorRequest): [string | undefined, string | undefined] {
  const encoded = /^Basic\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (encoded === undefined) return [undefined, undefined];
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? [decoded, undefined] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}
