import type { RemoteError } from '../../contract/errors.ts';
import type { JsonValue } from '../../contract/flow-document.ts';

/** Longest remote message kept; HTML error pages and stack traces can run to megabytes. */
export const REMOTE_MESSAGE_LIMIT = 500;

type JsonRecord = { [key: string]: JsonValue };

/**
 * What the remote system said, pulled out of the error body shapes the target systems use.
 * Unknown shapes give `{}` so the caller still reports the status.
 */
export function remoteErrorFromBody(body: JsonValue | string): Omit<RemoteError, 'status'> {
  if (typeof body === 'string') return textError(body);
  if (Array.isArray(body)) return arrayError(body);
  if (isRecord(body)) return objectError(body);
  return {};
}

function textError(text: string): Omit<RemoteError, 'status'> {
  // Proxies and IIS answer 5xx with HTML pages; the tags only hide the sentence that matters.
  const plain = text.trimStart().startsWith('<') ? text.replace(/<[^>]*>/g, ' ') : text;
  const message = plain.replace(/\s+/g, ' ').trim();
  return message === '' ? {} : { message: truncate(message) };
}

/**
 * 3dcart answers with `[{Key, Value, Status, Message}]`, one element per item sent; errors use
 * the same shape with Key "Error" (reference/threedcart-api.md §7). All messages are kept.
 */
function arrayError(items: JsonValue[]): Omit<RemoteError, 'status'> {
  const records = items.filter(isRecord);
  const messages = records.map((item) => item.Message).filter((message) => typeof message === 'string');
  const first = records[0];
  if (first === undefined) return {};
  if (messages.length === 0) return objectError(first);
  const key = stringField(first, 'Key');
  return withoutUndefined({ code: key, message: truncate([...new Set(messages)].join('; ')) });
}

function objectError(body: JsonRecord): Omit<RemoteError, 'status'> {
  const error = body.error;
  // Sage 300 (OData): {"error":{"code":"RecordNotFound","message":{"lang":"en-US","value":"..."}}}
  if (isRecord(error)) {
    const message = error.message;
    const text = isRecord(message)
      ? stringField(message, 'value')
      : typeof message === 'string'
        ? message
        : undefined;
    return withoutUndefined({ code: stringField(error, 'code'), message: optionalTruncate(text) });
  }
  // OAuth token endpoints (ION API): {"error":"invalid_grant","error_description":"..."}
  if (typeof error === 'string') {
    const description = stringField(body, 'error_description');
    if (description !== undefined) return { code: error, message: truncate(description) };
    return { message: truncate(error) };
  }
  // M3 m3api-rest v2: {errorMessage, errorCode, errorField}, top level or in results[i].
  const failedResult = Array.isArray(body.results)
    ? body.results.find((result) => isRecord(result) && typeof result.errorMessage === 'string')
    : undefined;
  const m3 = isRecord(failedResult) ? failedResult : body;
  if (typeof m3.errorMessage === 'string') {
    return withoutUndefined({
      code: stringField(m3, 'errorCode'),
      message: truncate(m3.errorMessage.trim()),
      field: stringField(m3, 'errorField'),
    });
  }
  // M3 v1 reports a failure part-way through a list in a nested ErrorMessage object.
  if (isRecord(body.ErrorMessage)) return objectError(body.ErrorMessage);
  // M3 v1 {"Message","@code","@field"}; ASP.NET {"Message"}; most REST APIs {"message"};
  // RFC 7807 problem details {"title","detail"}.
  const message =
    stringField(body, 'message') ??
    stringField(body, 'Message') ??
    stringField(body, 'detail') ??
    stringField(body, 'title');
  return withoutUndefined({
    code: stringField(body, '@code') ?? stringField(body, 'code'),
    message: optionalTruncate(message?.trim()),
    field: stringField(body, '@field'),
  });
}

function isRecord(value: JsonValue | undefined): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(record: JsonRecord, key: string): string | undefined {
  const value = record[key];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function truncate(text: string): string {
  return text.length > REMOTE_MESSAGE_LIMIT ? `${text.slice(0, REMOTE_MESSAGE_LIMIT)}…` : text;
}

function optionalTruncate(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : truncate(text);
}

function withoutUndefined(remote: Omit<RemoteError, 'status'>): Omit<RemoteError, 'status'> {
  const result: Omit<RemoteError, 'status'> = {};
  if (remote.code !== undefined) result.code = remote.code;
  if (remote.message !== undefined) result.message = remote.message;
  if (remote.field !== undefined) result.field = remote.field;
  return result;
}
