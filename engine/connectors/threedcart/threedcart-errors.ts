import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { codeForStatus, errorFromResponse } from '../../run/http/http-errors.ts';
import { describeTarget } from '../../run/http/outgoing-request.ts';
import { remoteErrorFromBody } from '../../run/http/remote-error-body.ts';
import type { HttpRequest, HttpResponse } from '../../run/services.ts';

/**
 * The message 3dcart answers (HTTP 400) when `offset` is past the last record: the normal end of
 * paging, not a failure (reference/threedcart-api.md §5; SkuVault and ShipWorks match on it).
 */
export const OFFSET_PAST_END_MESSAGE = 'Offset amount exceeds the total number of records';

/**
 * 3dcart's reading of a response: the typed error, or undefined for success.
 * - Status ≥ 400 goes through the generic mapping (401 → CONNECTOR_AUTH, 404 → CONNECTOR_NOT_FOUND,
 *   400 → CONNECTOR_VALIDATION, 429/5xx retryable), with the `[{Key, Value, Status, Message}]`
 *   body read as the remote code (Key) and message (§7).
 * - A 2xx whose rows all say `Key: "Error"` is a failure too: bq-anand's production binding checks
 *   `body[0].Key == "Error"` even on 2xx (§7).
 * - A 2xx body that is not JSON is a truncated or proxied answer (3dcart always answers JSON, §1):
 *   retryable, since reading again usually gets the whole body.
 * 206 (some rows failed, §7) is not an error here: the caller reads each row's Status.
 */
export function threedcartErrorOf(
  request: HttpRequest,
  response: HttpResponse,
  now: () => number,
): BridgeflowError | undefined {
  if (response.status >= 400) return errorFromResponse(request, response, now);
  if (typeof response.body === 'string' && response.body.trim() !== '') {
    return new BridgeflowError(
      'CONNECTOR_REMOTE_ERROR',
      `${describeTarget(request.method, request.url)} answered ${response.status} with a body that is not JSON`,
      { retryable: true, remote: { status: response.status } },
    );
  }
  const failedRows = errorRows(response.body);
  if (failedRows === undefined) return undefined;
  const rowStatus = Number(failedRows.status);
  const status = Number.isInteger(rowStatus) && rowStatus >= 400 ? rowStatus : undefined;
  const remote = { status: response.status, ...remoteErrorFromBody(response.body) };
  const said = remote.message === undefined ? '' : `: ${remote.message}`;
  return new BridgeflowError(
    status === undefined ? 'CONNECTOR_REMOTE_ERROR' : codeForStatus(status),
    `${describeTarget(request.method, request.url)} answered ${response.status} with an error${said}`,
    { retryable: false, remote },
  );
}

/**
 * For list reads: 404 means "no rows" and the offset message means "past the end" (§5), so both
 * are answers the pager reads, not errors. Everything else as {@link threedcartErrorOf}.
 */
export function threedcartListErrorOf(
  request: HttpRequest,
  response: HttpResponse,
  now: () => number,
): BridgeflowError | undefined {
  if (isNoRows(response) || isOffsetPastEnd(response)) return undefined;
  return threedcartErrorOf(request, response, now);
}

/** For reads of one record by id: 404 is "no such record", an answer. */
export function threedcartLookupErrorOf(
  request: HttpRequest,
  response: HttpResponse,
  now: () => number,
): BridgeflowError | undefined {
  if (isNoRows(response)) return undefined;
  return threedcartErrorOf(request, response, now);
}

/** 404 on a read: "No orders found" and the like (§5). */
export function isNoRows(response: HttpResponse): boolean {
  return response.status === 404;
}

/** 400 with the paging message (§5). */
export function isOffsetPastEnd(response: HttpResponse): boolean {
  if (response.status !== 400) return false;
  return remoteErrorFromBody(response.body).message?.includes(OFFSET_PAST_END_MESSAGE) === true;
}

/** The Status of the first row when every row of a result array is an error row. */
function errorRows(body: JsonValue | string): { status: string | undefined } | undefined {
  if (!Array.isArray(body) || body.length === 0) return undefined;
  let status: string | undefined;
  for (const row of body) {
    if (typeof row !== 'object' || row === null || Array.isArray(row) || row.Key !== 'Error')
      return undefined;
    const rowStatus = row.Status;
    status ??= typeof rowStatus === 'string' || typeof rowStatus === 'number' ? String(rowStatus) : undefined;
  }
  return { status };
}
