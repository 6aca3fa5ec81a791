import { json, type SimulatorResponse } from '../common/simulator-http.ts';

// Answer shapes of the 3dcart API (reference/threedcart-api.md §7): writes answer an array with one
// {Key, Value, Status, Message} per item, Value and Status as strings (§10 quirk 4); errors reuse
// the shape with Key "Error" (the paging error is real; the Key/Status of other errors is UNVERIFIED,
// §13.3).

export interface ResultRow {
  Key: string;
  Value: string;
  Status: string;
  Message: string;
}

export const CREATED_MESSAGE = 'Created successfully';
export const UPDATED_MESSAGE = 'updated successfully';
/** UNVERIFIED: DELETE answers "a response array" (§7); the message text is a guess. */
export const DELETED_MESSAGE = 'deleted successfully';
export const UNAUTHORIZED_MESSAGE =
  'PrivateKey/Token/SecureURL combination is invalid, or the application scope does not have the correct read/write privileges';
export const OFFSET_MESSAGE = 'Offset amount exceeds the total number of records';

export function resultRow(key: string, value: string | number, status: number, message: string): ResultRow {
  return { Key: key, Value: String(value), Status: String(status), Message: message };
}

/** An error in the 3dcart shape. */
export function errorResponse(status: number, message: string, headers: Record<string, string> = {}) {
  return json(status, [resultRow('Error', '', status, message)], headers);
}

/** PUT/DELETE of a missing item: 404 with no content (§7). */
export function notFoundNoContent(): SimulatorResponse {
  return { status: 404 };
}

/**
 * The answer to a write of one or more items: the success code when all succeeded, 206 when only
 * some did (§7, §10 quirk 9), and the first failure's code when none did.
 */
export function writeResults(rows: readonly ResultRow[], successStatus: 200 | 201): SimulatorResponse {
  const success = String(successStatus);
  const succeeded = rows.filter((row) => row.Status === success).length;
  if (succeeded === rows.length) return json(successStatus, rows);
  if (succeeded > 0) return json(206, rows);
  return json(Number(rows[0]?.Status ?? 400), rows);
}

/** Thrown by handlers and parsers; the route wrapper turns it into an error answer. */
export class ApiError extends Error {
  readonly status: number;
  /** Whether the answer has a body; PUT/DELETE of a missing item answers 404 without one (§7). */
  readonly withBody: boolean;

  constructor(status: number, message: string, withBody = true) {
    super(message);
    this.status = status;
    this.withBody = withBody;
  }

  toResponse(): SimulatorResponse {
    return this.withBody ? errorResponse(this.status, this.message) : { status: this.status };
  }
}
