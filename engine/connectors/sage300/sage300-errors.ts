import type { ErrorCode } from '../../contract/errors.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { errorFromResponse } from '../../run/http/http-errors.ts';
import { describeTarget } from '../../run/http/outgoing-request.ts';
import { REMOTE_MESSAGE_LIMIT } from '../../run/http/remote-error-body.ts';
import type { HttpRequest, HttpResponse } from '../../run/services.ts';

/** How one Sage `error.code` reads as a Bridgeflow error. */
interface Reading {
  code: ErrorCode;
  retryable: boolean;
}

const AUTH: Reading = { code: 'CONNECTOR_AUTH', retryable: false };
const NOT_FOUND: Reading = { code: 'CONNECTOR_NOT_FOUND', retryable: false };
const VALIDATION: Reading = { code: 'CONNECTOR_VALIDATION', retryable: false };
const UNAVAILABLE: Reading = { code: 'CONNECTOR_UNAVAILABLE', retryable: true };

/**
 * Sage's `error.code` values (erp-apis.md A5, S-DEV §12.1). Sage says to automate on the code, not
 * the HTTP status, and only 404 is documented; so the code decides and the status is the fallback
 * for codes not listed here (or bodies without one, such as an IIS error page).
 */
const READINGS: Readonly<Record<string, Reading>> = {
  Unauthorized: AUTH,
  // No Web API rights for the module: nothing a retry can fix, and the fix is on the account.
  Forbidden: AUTH,
  RecordNotFound: NOT_FOUND,
  ResourceNotFound: NOT_FOUND,
  InvalidParameters: VALIDATION,
  InvalidEntityKey: VALIDATION,
  InvalidPayload: VALIDATION,
  InvalidAction: VALIDATION,
  RecordDuplicate: VALIDATION,
  RecordInvalid: VALIDATION,
  // "General" is a business-layer refusal (S-DEV §12.1): the same payload fails the same way again.
  General: VALIDATION,
  MethodNotAllowed: { code: 'CONNECTOR_REMOTE_ERROR', retryable: false },
  TooManyRequests: { code: 'CONNECTOR_RATE_LIMITED', retryable: true },
  InternalServerError: UNAVAILABLE,
  DBLinkError: UNAVAILABLE,
  SessionError: UNAVAILABLE,
};

/**
 * Reads a Web API response: undefined for success, else the typed error. The message names the
 * call and quotes Sage's `message.value`; `remote` keeps the status, Sage's `error.code` and message.
 * A 2xx body declared as JSON that does not parse (a cut-off response) is a retryable
 * CONNECTOR_REMOTE_ERROR, so reads are repeated.
 */
export function sage300ErrorOf(
  request: HttpRequest,
  response: HttpResponse,
  now: () => number = Date.now,
): BridgeflowError | undefined {
  const generic = errorFromResponse(request, response, now);
  if (generic === undefined) return unreadableBody(request, response);
  const remote = generic.details.remote;
  const reading = remote?.code === undefined ? undefined : READINGS[remote.code];
  if (reading === undefined) return generic;
  const retryAfterMs = generic.details.retryAfterMs;
  return new BridgeflowError(reading.code, generic.message, {
    retryable: reading.retryable,
    ...(remote === undefined ? {} : { remote }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

function unreadableBody(request: HttpRequest, response: HttpResponse): BridgeflowError | undefined {
  const declaredJson = response.headers['content-type']?.toLowerCase().includes('json') ?? false;
  if (!declaredJson || typeof response.body !== 'string' || response.body.trim() === '') return undefined;
  return new BridgeflowError(
    'CONNECTOR_REMOTE_ERROR',
    `${describeTarget(request.method, request.url)} returned ${response.status} with a body that is not valid JSON`,
    {
      retryable: true,
      remote: { status: response.status, message: response.body.slice(0, REMOTE_MESSAGE_LIMIT) },
    },
  );
}

/** The error for a 2xx answer whose JSON is not the shape the Web API documents. */
export function unexpectedShape(request: HttpRequest, status: number, expected: string): BridgeflowError {
  return new BridgeflowError(
    'CONNECTOR_REMOTE_ERROR',
    `${describeTarget(request.method, request.url)} returned ${status} but not ${expected}`,
    { retryable: false, remote: { status } },
  );
}

/** Whether an error is Sage's "no record for this key" (not a wrong URL or resource name). */
export function isRecordNotFound(thrown: unknown): boolean {
  return thrown instanceof BridgeflowError && thrown.details.remote?.code === 'RecordNotFound';
}
