import { json, type SimulatorResponse } from '../common/simulator-http.ts';

/** The `error.code` values the Web API documents (erp-apis.md A5, S-DEV §12.1). */
export type Sage300ErrorCode =
  | 'InternalServerError'
  | 'Unauthorized'
  | 'Forbidden'
  | 'TooManyRequests'
  | 'InvalidParameters'
  | 'ResourceNotFound'
  | 'InvalidEntityKey'
  | 'RecordNotFound'
  | 'MethodNotAllowed'
  | 'InvalidPayload'
  | 'InvalidAction'
  | 'DBLinkError'
  | 'SessionError'
  | 'RecordDuplicate'
  | 'RecordInvalid'
  | 'General';

// Only RecordNotFound → 404 is documented (A5). The rest is the reference's proposed mapping [U];
// RecordDuplicate uses 409 of its "409 or 400". Clients should read `error.code`, as Sage advises.
const STATUS_BY_CODE: Readonly<Record<Sage300ErrorCode, number>> = {
  InternalServerError: 500,
  Unauthorized: 401,
  Forbidden: 403,
  TooManyRequests: 429,
  InvalidParameters: 400,
  ResourceNotFound: 404,
  InvalidEntityKey: 400,
  RecordNotFound: 404,
  MethodNotAllowed: 405,
  InvalidPayload: 400,
  InvalidAction: 400,
  DBLinkError: 500,
  SessionError: 500,
  RecordDuplicate: 409,
  RecordInvalid: 400,
  General: 400,
};

/** The documented text for a missing record (A5). */
export const RECORD_NOT_FOUND_MESSAGE = 'A Record cannot be found for the specified entity key';

/** A request the Web API refuses; thrown by resources and turned into the error envelope. */
export class Sage300Failure extends Error {
  readonly code: Sage300ErrorCode;

  constructor(code: Sage300ErrorCode, message: string) {
    super(message);
    this.name = 'Sage300Failure';
    this.code = code;
  }
}

/** The OData error envelope: `{"error":{"code","message":{"lang","value"}}}` (A5, S-DEV §12). */
export function errorBody(code: Sage300ErrorCode, message: string): unknown {
  return { error: { code, message: { lang: 'en-US', value: message } } };
}

export function errorResponse(
  code: Sage300ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): SimulatorResponse {
  return json(STATUS_BY_CODE[code], errorBody(code, message), headers);
}

export function failureResponse(failure: Sage300Failure): SimulatorResponse {
  return errorResponse(failure.code, failure.message);
}

/** Error code for an injected fault of the given HTTP status. */
export function faultCode(status: number): Sage300ErrorCode {
  return status === 429 ? 'TooManyRequests' : 'InternalServerError';
}
