import { STATUS_CODES } from 'node:http';
import type { ErrorCode, RemoteError } from '../../contract/errors.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import type { HttpRequest, HttpResponse } from '../services.ts';
import { describeTarget } from './outgoing-request.ts';
import { remoteErrorFromBody } from './remote-error-body.ts';

/**
 * The typed error for a response with status 400 or more, or undefined for anything below.
 * The message reads `POST http://host/path returned 404 Not Found: <what the remote said>`;
 * `remote` keeps the status and the remote system's own code, message and field.
 * `now` is only used to turn an HTTP-date Retry-After into a delay.
 */
export function errorFromResponse(
  request: HttpRequest,
  response: HttpResponse,
  now: () => number = Date.now,
): BridgeflowError | undefined {
  const status = response.status;
  if (status < 400) return undefined;
  const remote: RemoteError = { status, ...remoteErrorFromBody(response.body) };
  const reason = STATUS_CODES[status];
  const statusText = reason === undefined ? String(status) : `${status} ${reason}`;
  const said = remote.message === undefined ? '' : `: ${remote.message}`;
  const message = `${describeTarget(request.method, request.url)} returned ${statusText}${said}`;
  const code = codeForStatus(status);
  const retryable = isRetryableStatus(status);
  const honoursRetryAfter = status === 429 || status === 503;
  const retryAfterMs = honoursRetryAfter
    ? parseRetryAfter(response.headers['retry-after'], now())
    : undefined;
  return new BridgeflowError(code, message, {
    retryable,
    remote,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/** The error code a status maps to; only meaningful for status ≥ 400. */
export function codeForStatus(status: number): ErrorCode {
  if (status === 401 || status === 403) return 'CONNECTOR_AUTH';
  if (status === 404) return 'CONNECTOR_NOT_FOUND';
  if (status === 400 || status === 409 || status === 422) return 'CONNECTOR_VALIDATION';
  if (status === 429) return 'CONNECTOR_RATE_LIMITED';
  // 501 Not Implemented means this verb is not supported on this resource (3dcart does this,
  // reference/threedcart-api.md §7); no amount of waiting changes that.
  if (status >= 500 && status !== 501) return 'CONNECTOR_UNAVAILABLE';
  return 'CONNECTOR_REMOTE_ERROR';
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501);
}

/**
 * Milliseconds to wait from a Retry-After header (RFC 9110 §10.2.3): either delay-seconds or an
 * HTTP date. A date in the past gives 0; an unreadable value gives undefined (use the backoff).
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // Date.parse would read "5" or "2025" as a year, so only accept something date-shaped.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
