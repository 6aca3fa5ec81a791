import { isJsonObject as isObject, type JsonObject, type JsonValue } from '../../contract/flow-document.ts';

// The two m3api-rest answer shapes (reference/erp-apis.md B3), read whichever version was asked
// for, since an error can come in either envelope:
// - v1: {"MIRecord":[{"NameValue":[{"Name","Value"}]}]}; error at the top level
//   {"Message","@type","@code","@field"}, or, for a list that failed part-way, records plus a nested
//   "ErrorMessage" of the same shape. Values "may be right-padded (SDK trims)".
// - v2: {"results":[{"records":[{...}],"errorMessage","errorType","errorCode","errorField"}],
//   "wasTerminated","nrOfFailedTransactions"}; with HTTP 400 the error may also sit at the top level
//   (M-ODIN `executeInternalV2`). Clients must check the counters, not only the status.

/** One MI record: field name → value, every value a string (reference B4). */
export type M3Record = Record<string, string>;

/** What M3 said when it refused a transaction. */
export interface M3Failure {
  /** `ServerReturnedNOK`, `MandatoryInputFieldNotFound`, `TransactionNotFound`, ... */
  type: string | undefined;
  /** The message id, e.g. `XIM0002`. */
  code: string | undefined;
  field: string | undefined;
  message: string;
}

/** A response body read as records, a refusal, or something that is not an MI answer at all. */
export type M3Reading = { records: M3Record[] } | { failure: M3Failure } | { unreadable: string };

/** A JSON value M3 sends as a field value. */
type Scalar = string | number | boolean | null;

// Read by hand rather than with a zod schema: every M3 call reads its answer, and the schema parse
// of an ordinary GetBasicData answer took 17 µs of CPU, a tenth of the client's whole per-call
// budget (benchmark `connectors`); this reading takes about 4. A body that does not have the shape
// above is `unreadable`.

/** Reads a response body of a single-transaction call. */
export function readM3Body(body: JsonValue | string): M3Reading {
  if (typeof body === 'string') return { unreadable: body.trim().slice(0, 200) || '(empty body)' };
  let reading: M3Reading | undefined;
  if (isObject(body)) reading = body.results === undefined ? readV1(body) : readV2(body);
  return reading ?? { unreadable: JSON.stringify(body).slice(0, 200) };
}

function readV1(body: JsonObject): M3Reading | undefined {
  const fields = errorFieldsV1(body);
  const rows = body.MIRecord;
  const nestedBody = body.ErrorMessage;
  if (!fields || (rows !== undefined && !Array.isArray(rows))) return undefined;
  if (nestedBody !== undefined && nestedBody !== null) {
    const nested = isObject(nestedBody) ? errorFieldsV1(nestedBody) : undefined;
    if (!nested) return undefined;
    if (isFailure(nested)) return { failure: nested };
  }
  if (rows === undefined && isFailure(fields)) return { failure: fields };
  const records: M3Record[] = [];
  for (const row of rows ?? []) {
    const pairs = isObject(row) ? row.NameValue : undefined;
    if (!Array.isArray(pairs)) return undefined;
    const record: M3Record = {};
    for (const pair of pairs) {
      if (!isObject(pair) || typeof pair.Name !== 'string' || !isOptionalScalar(pair.Value)) return undefined;
      record[pair.Name] = text(pair.Value);
    }
    records.push(record);
  }
  return { records };
}

function readV2(body: JsonObject): M3Reading | undefined {
  const top = errorFieldsV2(body);
  const { results, wasTerminated, terminationReason, nrOfFailedTransactions } = body;
  if (
    !top ||
    !Array.isArray(results) ||
    !(wasTerminated === undefined || typeof wasTerminated === 'boolean') ||
    !isOptionalScalar(terminationReason) ||
    !(nrOfFailedTransactions === undefined || typeof nrOfFailedTransactions === 'number')
  )
    return undefined;
  let failed: M3Failure | undefined;
  for (const result of results) {
    const fields = isObject(result) ? errorFieldsV2(result) : undefined;
    const rows = isObject(result) ? result.records : undefined;
    if (!fields || !(rows === undefined || rows === null || Array.isArray(rows))) return undefined;
    failed ??= isFailure(fields) ? fields : undefined;
  }
  const failure = failed ?? (top.message !== '' ? top : undefined);
  if (failure) return { failure };
  if (wasTerminated === true || (nrOfFailedTransactions ?? 0) > 0) {
    const reason = messageText(terminationReason) || 'M3 reported a failed transaction without a message';
    return { failure: { type: undefined, code: undefined, field: undefined, message: reason } };
  }
  const first = results[0];
  const rows = isObject(first) ? first.records : undefined;
  const records: M3Record[] = [];
  for (const row of Array.isArray(rows) ? rows : []) {
    if (!isObject(row)) return undefined;
    const record: M3Record = {};
    for (const name of Object.keys(row)) {
      const value = row[name];
      if (!isOptionalScalar(value)) return undefined;
      record[name] = text(value);
    }
    records.push(record);
  }
  return { records };
}

/** v1 error fields (`Message`, `@type`, `@code`, `@field`); undefined when one is not a scalar. */
function errorFieldsV1(fields: JsonObject): M3Failure | undefined {
  return errorFields(fields.Message, fields['@type'], fields['@code'], fields['@field']);
}

/** v2 error fields (`errorMessage`, `errorType`, `errorCode`, `errorField`). */
function errorFieldsV2(fields: JsonObject): M3Failure | undefined {
  return errorFields(fields.errorMessage, fields.errorType, fields.errorCode, fields.errorField);
}

function errorFields(
  message: JsonValue | undefined,
  type: JsonValue | undefined,
  code: JsonValue | undefined,
  field: JsonValue | undefined,
): M3Failure | undefined {
  if (
    !isOptionalScalar(message) ||
    !isOptionalScalar(type) ||
    !isOptionalScalar(code) ||
    !isOptionalScalar(field)
  )
    return undefined;
  return {
    type: optional(type),
    code: optional(code),
    field: optional(field),
    message: messageText(message),
  };
}

/** Fields that say something went wrong: a message or an error type. */
function isFailure(fields: M3Failure): boolean {
  return fields.message !== '' || fields.type !== undefined;
}

function isOptionalScalar(value: JsonValue | undefined): value is Scalar | undefined {
  return value === undefined || value === null || typeof value !== 'object';
}

/** A value as M3 text: trimmed (v1 pads alpha fields, B3), nothing for null. */
function text(value: Scalar | undefined): string {
  if (value === undefined || value === null) return '';
  return String(value).trim();
}

/** Messages embed codes and fields padded with blanks ("Designed to fail!   ", B3): collapse them. */
function messageText(value: Scalar | undefined): string {
  return text(value).replace(/\s{2,}/g, ' ');
}

function optional(value: Scalar | undefined): string | undefined {
  const result = text(value);
  return result === '' ? undefined : result;
}
