/**
 * Schema descriptions of the records a mapping reads (sources) and writes (targets). They are plain
 * JSON data so the renderer can receive them and the mapping editor can show widths, required markers
 * and allowed values; `toZod` and `validateRecord` turn the same data into checks.
 */

/** The systems a record belongs to. */
export const RECORD_SYSTEMS = ['3dcart', 'sage300', 'm3'] as const;
/** One of {@link RECORD_SYSTEMS}. */
export type RecordSystem = (typeof RECORD_SYSTEMS)[number];

/** How users name each system in messages ("Sage 300 allows 22"). */
export const SYSTEM_NAMES: Readonly<Record<RecordSystem, string>> = {
  '3dcart': '3dcart',
  sage300: 'Sage 300',
  m3: 'Infor M3',
};

/** JSON value kinds a field can hold. `date` values are strings checked by `format`. */
export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'object' | 'array';

/**
 * Text formats checked on `string` and `date` fields:
 * - `YYYYMMDD`: M3 dates (erp-apis.md B4, `dateformat=YMD8`).
 * - `isoDate`: Sage 300 dates, `2024-05-14` with an optional time part (erp-apis.md A10).
 * - `isoDateTime`: ISO-8601 date and time, offset optional.
 * - `storeLocalDateTime`: 3dcart `yyyy-MM-ddTHH:mm:ss`, no offset, store-local time (threedcart-api.md §8).
 * - `email`: an e-mail address.
 * - `decimalString`: an M3 numeric field, which travels as text such as `"2"` or `"19.95"` (erp-apis.md B4).
 */
export type FieldFormat =
  | 'YYYYMMDD'
  | 'isoDate'
  | 'isoDateTime'
  | 'storeLocalDateTime'
  | 'email'
  | 'decimalString';

/** A field that is required only when a sibling field holds one of some values (`Item` on `Item` lines). */
export interface RequiredWhen {
  /** Name of a sibling field in the same object. */
  readonly field: string;
  /** Values of that sibling that make this field required. */
  readonly equals: readonly string[];
}

/** One field of a record, or of an object/array item inside it. */
export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  /** One or two sentences for the editor's tooltip; mentions defaults and quirks. */
  readonly description: string;
  /** Must be present, non-null and, for text, not blank. */
  readonly required?: boolean;
  /** Required only when a sibling field has one of the listed values. */
  readonly requiredWhen?: RequiredWhen;
  /** Maximum length in characters, for `string` and `date` fields. */
  readonly maxLength?: number;
  /** The only values a text field accepts (Sage 300 enums travel by name, erp-apis.md A10). */
  readonly allowed?: readonly string[];
  readonly format?: FieldFormat;
  /** Minimum number of entries of an `array` field. */
  readonly minItems?: number;
  /** Fields of an `object`, or of each item of an `array`; absent means the content is not described. */
  readonly fields?: readonly FieldSpec[];
}

/**
 * What to do with fields a schema does not list. Targets reject them by default: Sage 300's OData
 * deserialiser refuses properties its model lacks (unverified, see erp-apis.md A1 on OData v4), and
 * where a system silently ignores them (3dcart's JSON.NET, unverified) the value is lost without a
 * word, which is worse. Most unknown fields are typos (`TermsCode` where ARCustomers wants `Terms`,
 * erp-apis.md A7). The field lists are not complete models, so a caller can pass `allow`.
 */
export type UnknownFieldPolicy = 'reject' | 'allow';

/** A record a mapping reads or writes: a request body, an MI transaction's inputs, a source object. */
export interface RecordSchema {
  /** Stable id used in flow files, e.g. `sage300.OEOrder`, `m3.OIS100MI.AddBatchHead`. */
  readonly id: string;
  readonly title: string;
  readonly system: RecordSystem;
  readonly direction: 'source' | 'target';
  /** What the record is and where it goes, e.g. "Body of POST OE/OEOrders". */
  readonly description: string;
  readonly unknownFields: UnknownFieldPolicy;
  readonly fields: readonly FieldSpec[];
}

/** Codes of {@link RecordProblem}. */
export const RECORD_PROBLEM_CODES = [
  'missing',
  'tooLong',
  'notAllowed',
  'wrongType',
  'badFormat',
  'unknownField',
] as const;
/** One of {@link RECORD_PROBLEM_CODES}. */
export type RecordProblemCode = (typeof RECORD_PROBLEM_CODES)[number];

/** One thing wrong with a record, at a path such as `OrderDetails[2].Item`. */
export interface RecordProblem {
  readonly path: string;
  readonly code: RecordProblemCode;
  /** Names the field, the limit and the actual value or length. */
  readonly message: string;
}

/** Options shared by `validateRecord` and `toZod`. */
export interface RecordCheckOptions {
  /** Overrides the schema's {@link RecordSchema.unknownFields}. */
  readonly unknownFields?: UnknownFieldPolicy;
}
