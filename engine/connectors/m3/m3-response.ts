import { z } from 'zod';
import type { JsonValue } from '../../contract/flow-document.ts';

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

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const optionalText = Scalar.optional();

const ErrorFieldsV1 = z.object({
  Message: optionalText,
  '@type': optionalText,
  '@code': optionalText,
  '@field': optionalText,
});

const BodyV1 = ErrorFieldsV1.extend({
  MIRecord: z
    .array(z.object({ NameValue: z.array(z.object({ Name: z.string(), Value: optionalText })) }))
    .optional(),
  ErrorMessage: ErrorFieldsV1.nullish(),
});

const ErrorFieldsV2 = z.object({
  errorMessage: optionalText,
  errorType: optionalText,
  errorCode: optionalText,
  errorField: optionalText,
});

const BodyV2 = ErrorFieldsV2.extend({
  results: z.array(ErrorFieldsV2.extend({ records: z.array(z.record(z.string(), Scalar)).nullish() })),
  wasTerminated: z.boolean().optional(),
  terminationReason: optionalText,
  nrOfFailedTransactions: z.number().optional(),
});

/** Reads a response body of a single-transaction call. */
export function readM3Body(body: JsonValue | string): M3Reading {
  if (typeof body === 'string') return { unreadable: body.trim().slice(0, 200) || '(empty body)' };
  if (typeof body === 'object' && body !== null && !Array.isArray(body) && 'results' in body) {
    const v2 = BodyV2.safeParse(body);
    if (v2.success) return readV2(v2.data);
  } else {
    const v1 = BodyV1.safeParse(body);
    if (v1.success) return readV1(v1.data);
  }
  return { unreadable: JSON.stringify(body).slice(0, 200) };
}

function readV1(body: z.output<typeof BodyV1>): M3Reading {
  const nested = body.ErrorMessage ? failureV1(body.ErrorMessage) : undefined;
  if (nested) return { failure: nested };
  if (body.MIRecord === undefined) {
    const topLevel = failureV1(body);
    if (topLevel) return { failure: topLevel };
  }
  const records = (body.MIRecord ?? []).map((row) => {
    const record: M3Record = {};
    for (const { Name, Value } of row.NameValue) record[Name] = text(Value);
    return record;
  });
  return { records };
}

function failureV1(fields: z.output<typeof ErrorFieldsV1>): M3Failure | undefined {
  const message = messageText(fields.Message);
  const type = optional(fields['@type']);
  if (message === '' && type === undefined) return undefined;
  return { type, code: optional(fields['@code']), field: optional(fields['@field']), message };
}

function readV2(body: z.output<typeof BodyV2>): M3Reading {
  const failed = body.results.find(
    (result) => text(result.errorMessage) !== '' || optional(result.errorType),
  );
  const source = failed ?? (text(body.errorMessage) !== '' ? body : undefined);
  if (source) {
    return {
      failure: {
        type: optional(source.errorType),
        code: optional(source.errorCode),
        field: optional(source.errorField),
        message: messageText(source.errorMessage),
      },
    };
  }
  if (body.wasTerminated === true || (body.nrOfFailedTransactions ?? 0) > 0) {
    const reason =
      messageText(body.terminationReason) || 'M3 reported a failed transaction without a message';
    return { failure: { type: undefined, code: undefined, field: undefined, message: reason } };
  }
  const records = (body.results[0]?.records ?? []).map((row) => {
    const record: M3Record = {};
    for (const [name, value] of Object.entries(row)) record[name] = text(value);
    return record;
  });
  return { records };
}

/** A value as M3 text: trimmed (v1 pads alpha fields, B3), nothing for null. */
function text(value: z.output<typeof Scalar> | undefined): string {
  if (value === undefined || value === null) return '';
  return String(value).trim();
}

/** Messages embed codes and fields padded with blanks ("Designed to fail!   ", B3): collapse them. */
function messageText(value: z.output<typeof Scalar> | undefined): string {
  return text(value).replace(/\s{2,}/g, ' ');
}

function optional(value: z.output<typeof Scalar> | undefined): string | undefined {
  const result = text(value);
  return result === '' ? undefined : result;
}
