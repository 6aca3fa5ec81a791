import type { ErrorCode } from '../../contract/errors.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { errorFromResponse } from '../../run/http/http-errors.ts';
import type { HttpRequest, HttpResponse } from '../../run/services.ts';
import { type M3Failure, type M3Reading, readM3Body } from './m3-response.ts';

/** The system name in messages. */
export const M3_SYSTEM = 'Infor M3';

/**
 * The typed error for an MI response, or undefined for success. M3 refuses transactions inside
 * HTTP 200 (v1 always, v2 sometimes; reference/erp-apis.md B3), so the body is read whatever the
 * status (a caller that needs the reading too passes it in, so the body is read once). The generic status mapping (run/http/http-errors.ts) is kept for what the gateway or the
 * web server says (401, 429, 5xx); a refusal M3 itself explains is classified by its error type.
 */
export function m3ErrorOf(
  target: string,
  request: HttpRequest,
  response: HttpResponse,
  now: () => number,
  reading: M3Reading = readM3Body(response.body),
): BridgeflowError | undefined {
  const status = response.status;
  if (status >= 400) {
    const generic = errorFromResponse(request, response, now);
    const explainedByM3 = 'failure' in reading && (status === 400 || status === 404 || status === 422);
    return explainedByM3 ? failureError(target, reading.failure, status) : generic;
  }
  if ('failure' in reading) return failureError(target, reading.failure, status);
  if ('unreadable' in reading) {
    // A truncated or HTML answer to a read is worth another try; connectorRequest only repeats reads.
    return new BridgeflowError(
      'CONNECTOR_REMOTE_ERROR',
      `${M3_SYSTEM} ${target} answered ${status} with something that is not an MI response: ${reading.unreadable}`,
      { retryable: true, remote: { status } },
    );
  }
  return undefined;
}

/** The error for a transaction M3 refused, with M3's own code, field and message kept in `remote`. */
export function failureError(target: string, failure: M3Failure, status: number): BridgeflowError {
  const about = [failure.field && `field ${failure.field}`, failure.code].filter(Boolean).join(', ');
  const message = `${M3_SYSTEM} ${target} refused the call: ${failure.message || failure.type || 'no message'}${
    about === '' ? '' : ` (${about})`
  }`;
  const remote = {
    status,
    ...withText('code', failure.code ?? failure.type),
    ...withText('message', failure.message),
    ...withText('field', failure.field),
  };
  return new BridgeflowError(codeForFailure(failure), message, { retryable: false, remote });
}

/**
 * Error types seen (B3): `ServerReturnedNOK` (a business rule said no), `MandatoryInputFieldNotFound`,
 * `InputFieldTooLong`, `TransactionNotFound`. Message ids starting `XAU` are authority refusals
 * ("XAU0008 Not authorized for company 0", B3), so they read as CONNECTOR_AUTH.
 */
function codeForFailure(failure: M3Failure): ErrorCode {
  if (failure.code?.startsWith('XAU')) return 'CONNECTOR_AUTH';
  switch (failure.type) {
    case 'TransactionNotFound':
    case 'ProgramNotFound':
      return 'CONNECTOR_NOT_FOUND';
    case 'ServerReturnedNOK':
    case 'MandatoryInputFieldNotFound':
    case 'InputFieldTooLong':
    case 'InputFieldNotFound':
      return 'CONNECTOR_VALIDATION';
    default:
      return 'CONNECTOR_REMOTE_ERROR';
  }
}

function withText<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  if (value === undefined || value === '') return {};
  const entry: Partial<Record<K, string>> = {};
  entry[key] = value;
  return entry;
}
