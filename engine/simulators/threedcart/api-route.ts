import { z } from 'zod';
import type { SimulatorRequest, SimulatorResponse, SimulatorRoute } from '../common/simulator-http.ts';
import type { LeakyBucket } from './leaky-bucket.ts';
import { ApiError, errorResponse, UNAUTHORIZED_MESSAGE } from './threedcart-responses.ts';
import { normalizeStoreUrl, type ThreeDCartSettings } from './threedcart-settings.ts';

/** A request as 3dcart handlers see it: authorized, rate-limited, JSON body parsed. */
export interface ApiRequest {
  readonly method: string;
  readonly params: Readonly<Record<string, string>>;
  /** Query parameters by lower-cased name: ASP.NET binds them case-insensitively. */
  readonly query: ReadonlyMap<string, string>;
  /** The parsed JSON body; undefined for GET and DELETE. */
  readonly body: unknown;
}

export type ApiHandler = (request: ApiRequest) => SimulatorResponse;

/** Builds API routes; every route shares the same checks. */
export type ApiRouteFactory = (method: string, path: string, handler: ApiHandler) => SimulatorRoute;

const JSON_MEDIA_TYPES = new Set(['application/json', 'text/json']);

export function createApiRouteFactory(
  settings: ThreeDCartSettings,
  bucket: LeakyBucket | undefined,
): ApiRouteFactory {
  const expectedStoreUrl = normalizeStoreUrl(settings.storeUrl);
  const refuse = (request: SimulatorRequest): SimulatorResponse | undefined => {
    if (!isAuthorized(request.headers, settings, expectedStoreUrl)) {
      return errorResponse(401, UNAUTHORIZED_MESSAGE);
    }
    const waitSeconds = bucket?.take() ?? 0;
    if (waitSeconds > 0) {
      // UNVERIFIED (§6, §13.1): the status and headers on overflow are not documented; 429 with
      // Retry-After is what clients are told to expect (apis.io) and what retry logic handles.
      return errorResponse(429, 'Too Many Requests: the rate limit of the store was exceeded', {
        'retry-after': String(waitSeconds),
      });
    }
    return undefined;
  };
  return (method, path, handler) => ({
    method,
    // Version segment v1 or v2 (identical payloads, §1); ASP.NET routes ignore case.
    pattern: new RegExp(`^/3dCartWebAPI/v[12]/${path}/?$`, 'i'),
    handler: (request) => refuse(request) ?? runHandler(request, handler),
  });
}

/**
 * Basic auth is SecureURL + PrivateKey + Token (§1); OAuth sends `Authorization: Bearer` instead of
 * Token, still with SecureURL and PrivateKey (§1 step 3). Header names arrive lower-cased.
 */
function isAuthorized(
  headers: Readonly<Record<string, string>>,
  settings: ThreeDCartSettings,
  expectedStoreUrl: string,
): boolean {
  const storeUrl = headers.secureurl;
  if (storeUrl === undefined || normalizeStoreUrl(storeUrl) !== expectedStoreUrl) return false;
  if (headers.privatekey !== settings.privateKey) return false;
  if (headers.token === settings.token) return true;
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1];
  return bearer !== undefined && bearer.trim() === settings.accessToken;
}

function runHandler(request: SimulatorRequest, handler: ApiHandler): SimulatorResponse {
  try {
    return handler({
      method: request.method,
      params: request.params,
      query: lowerCaseQuery(request.query),
      body: parseBody(request),
    });
  } catch (thrown) {
    if (thrown instanceof ApiError) return thrown.toResponse();
    if (thrown instanceof z.ZodError) return errorResponse(400, `Invalid request: ${describe(thrown)}`);
    throw thrown;
  }
}

function parseBody(request: SimulatorRequest): unknown {
  if (request.method !== 'POST' && request.method !== 'PUT') return undefined;
  // §1: JSON and XML are the accepted media types, anything else is 415. XML is not simulated,
  // so it is refused the same way rather than misread.
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!JSON_MEDIA_TYPES.has(mediaType)) {
    throw new ApiError(
      415,
      `The request entity's media type '${mediaType || 'none'}' is not supported for this resource.`,
    );
  }
  // §7: a body that is missing or not JSON is a 400 with no content.
  if (request.body.length === 0) throw new ApiError(400, 'No content', false);
  try {
    return JSON.parse(request.body.toString('utf8'));
  } catch {
    throw new ApiError(400, 'JSON invalid', false);
  }
}

function lowerCaseQuery(query: URLSearchParams): Map<string, string> {
  const lowered = new Map<string, string>();
  for (const [name, value] of query) lowered.set(name.toLowerCase(), value);
  return lowered;
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}

/** A whole-number path parameter, e.g. `{orderid}`. Route patterns only let digits through. */
export function idParam(request: ApiRequest, name: string): number {
  const value = request.params[name];
  if (value === undefined) throw new Error(`Route has no parameter ${name}`);
  return Number(value);
}

/** The body as a list: bulk endpoints take arrays, and POST takes one object or an array of them. */
export function bodyItems(body: unknown): unknown[] {
  return Array.isArray(body) ? body : [body];
}
