import { createHash } from 'node:crypto';
import { z } from 'zod';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import type { NodeContext } from '../../nodes/node-type.ts';
import { errorFromResponse } from '../../run/http/http-errors.ts';
import type { HttpRequest, HttpResponse } from '../../run/services.ts';
import { type ConnectorHttpOptions, connectorRequest } from '../common/connector-http.ts';
import type { IonApiFile } from './m3-credentials.ts';

// ION API OAuth 2.0 for backend services (reference/erp-apis.md B2, M-ION README "Backend
// Applications"): POST `{pu}{ot}` form-encoded with grant_type=password, username=<saak>,
// password=<sask>, client_id=<ci>, client_secret=<cs>. Tokens are "currently valid for 2 hours".
//
// Tokens are cached for the process, per token endpoint, tenant, client and service account (with
// a hash of the secrets, so a wrong or changed secret never borrows a good one's token), and
// renewed shortly before they expire. Renewal is a new password grant rather than the refresh
// grant: the service account's key pair is always at hand, and one path is one less to fail.

/** How the token endpoint is called; the retry settings are the connector's. */
export type TokenHttpOptions = Omit<ConnectorHttpOptions, 'errorOf' | 'system'>;

interface CachedToken {
  readonly accessToken: string;
  /** Engine-clock milliseconds after which the token is not used any more. */
  readonly renewAt: number;
}

/** Renew this long before expiry, or a tenth of the lifetime when that is shorter. */
const RENEWAL_MARGIN_MS = 60_000;

const tokens = new Map<string, CachedToken>();
/** Token requests in flight, so items running concurrently share one grant. */
const pending = new Map<string, Promise<CachedToken>>();

const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  // RFC 6749 §5.1 recommends expires_in; without it assume ION's documented 2 hours.
  expires_in: z.coerce.number().positive().default(7200),
});

/** Forgets every cached token (tests; a credential edited in the vault). */
export function clearIonTokenCache(): void {
  tokens.clear();
  pending.clear();
}

/** The token endpoint's URL: `pu` + `ot`. */
export function tokenUrl(file: IonApiFile): string {
  return `${file.pu.replace(/\/+$/, '')}/${file.ot.replace(/^\/+/, '')}`;
}

function cacheKey(file: IonApiFile): string {
  const secrets = createHash('sha256').update(`${file.cs}\u0000${file.sask}`).digest('base64url');
  return [tokenUrl(file), file.ti, file.ci, file.saak, secrets].join('\u0000');
}

/**
 * Calls `send` with `Authorization: Bearer <token>`. On 401 (the gateway found the token expired
 * or revoked before our clock did) the token is dropped and `send` is tried once more with a fresh
 * one: the gateway refused before M3 saw the call, so repeating it is safe even for writes.
 */
export async function withIonToken<T>(
  context: NodeContext<unknown>,
  file: IonApiFile,
  http: TokenHttpOptions,
  send: (authorization: string) => Promise<T>,
): Promise<T> {
  const key = cacheKey(file);
  const first = await ionAccessToken(context, file, http);
  try {
    return await send(`Bearer ${first}`);
  } catch (thrown) {
    const unauthorised = thrown instanceof BridgeflowError && thrown.details.remote?.status === 401;
    if (!unauthorised) throw thrown;
    if (tokens.get(key)?.accessToken === first) tokens.delete(key);
    const fresh = await ionAccessToken(context, file, http);
    return send(`Bearer ${fresh}`);
  }
}

/** A valid access token for the file's service account, from the cache or a new grant. */
export async function ionAccessToken(
  context: NodeContext<unknown>,
  file: IonApiFile,
  http: TokenHttpOptions,
): Promise<string> {
  const key = cacheKey(file);
  const cached = tokens.get(key);
  if (cached && context.now() < cached.renewAt) return cached.accessToken;
  let request = pending.get(key);
  if (!request) {
    request = requestToken(context, file, http).finally(() => pending.delete(key));
    pending.set(key, request);
  }
  const token = await request;
  tokens.set(key, token);
  return token.accessToken;
}

async function requestToken(
  context: NodeContext<unknown>,
  file: IonApiFile,
  http: TokenHttpOptions,
): Promise<CachedToken> {
  const form = new URLSearchParams({
    grant_type: 'password',
    username: file.saak,
    password: file.sask,
    client_id: file.ci,
    client_secret: file.cs,
  });
  const request: HttpRequest = {
    method: 'POST',
    url: tokenUrl(file),
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
    // Getting a token changes nothing in M3: dry-runs need it for their reads, and it may be retried.
    write: false,
  };
  const response = await connectorRequest(
    context,
    { ...http, system: 'Infor ION API', errorOf: (sent, answer) => tokenErrorOf(sent, answer, context) },
    request,
  );
  const parsed = TokenResponseSchema.parse(response.body);
  const lifetimeMs = parsed.expires_in * 1000;
  const renewAt = context.now() + lifetimeMs - Math.min(RENEWAL_MARGIN_MS, lifetimeMs / 10);
  return { accessToken: parsed.access_token, renewAt };
}

/**
 * The token endpoint answers RFC 6749 §5.2 errors: `invalid_client` (wrong ci/cs, 401) and
 * `invalid_grant` (wrong saak/sask, 400) both mean the credential is wrong, not the request.
 */
function tokenErrorOf(
  request: HttpRequest,
  response: HttpResponse,
  context: NodeContext<unknown>,
): BridgeflowError | undefined {
  const generic = errorFromResponse(request, response, () => context.now());
  if (generic) {
    const refused = response.status === 400 || response.status === 401 || response.status === 403;
    if (!refused) return generic;
    const said = generic.details.remote?.message ?? generic.details.remote?.code ?? `HTTP ${response.status}`;
    return new BridgeflowError('CONNECTOR_AUTH', `Infor ION API refused the .ionapi credentials: ${said}`, {
      retryable: false,
      ...(generic.details.remote ? { remote: generic.details.remote } : {}),
    });
  }
  if (TokenResponseSchema.safeParse(response.body).success) return undefined;
  return new BridgeflowError(
    'CONNECTOR_REMOTE_ERROR',
    'Infor ION API answered the token request without a token',
    {
      retryable: true,
      remote: { status: response.status },
    },
  );
}
