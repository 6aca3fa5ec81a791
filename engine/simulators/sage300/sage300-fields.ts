import { type Sage300ErrorCode, Sage300Failure } from './sage300-errors.ts';

// Entities are described as data (field kind, width, default) so that one description drives payload
// validation, `$template` defaults, `$select`/`$filter` property checks and `$metadata`.

export type Sage300Value = string | number | boolean | null | Sage300Row[];

/** One entity (or detail line) as the Web API shows it: properties in model order. */
export interface Sage300Row {
  [field: string]: Sage300Value;
}

export type FieldDefinition =
  | { readonly kind: 'text'; readonly width: number; readonly initial: string }
  | { readonly kind: 'choice'; readonly choices: readonly string[]; readonly initial: string }
  | { readonly kind: 'number'; readonly initial: number }
  | { readonly kind: 'flag'; readonly initial: boolean }
  | { readonly kind: 'date' }
  | { readonly kind: 'list'; readonly entity: EntitySchema };

export interface EntitySchema {
  /** Model type name, e.g. `ARCustomer`; used in messages and `$metadata`. */
  readonly name: string;
  readonly fields: Readonly<Record<string, FieldDefinition>>;
}

/** A string field; `width` is the view's column width (erp-apis.md A6–A8). */
export const text = (width: number, initial = ''): FieldDefinition => ({ kind: 'text', width, initial });
/** An enumeration; the Web API exposes enums by name (A10). */
export const choice = (choices: readonly string[], initial = choices[0] ?? ''): FieldDefinition => ({
  kind: 'choice',
  choices,
  initial,
});
export const number = (initial = 0): FieldDefinition => ({ kind: 'number', initial });
export const flag = (initial = false): FieldDefinition => ({ kind: 'flag', initial });
export const date = (): FieldDefinition => ({ kind: 'date' });
export const list = (entity: EntitySchema): FieldDefinition => ({ kind: 'list', entity });

/** Every field at its default, in model order (what `$template` returns, S-DEV §11). */
export function defaultsOf(schema: EntitySchema): Sage300Row {
  const row: Sage300Row = {};
  for (const [name, field] of Object.entries(schema.fields)) row[name] = initialValue(field);
  return row;
}

/**
 * A whole record from a partial payload: defaults first, sent values over them, detail lines completed
 * the same way. Properties stay in model order.
 */
export function completeRow(schema: EntitySchema, payload: Sage300Row): Sage300Row {
  const row = defaultsOf(schema);
  for (const [name, value] of Object.entries(payload)) {
    const field = schema.fields[name];
    row[name] =
      field?.kind === 'list' && Array.isArray(value)
        ? value.map((entry) => completeRow(field.entity, entry))
        : value;
  }
  return row;
}

function initialValue(field: FieldDefinition): Sage300Value {
  switch (field.kind) {
    case 'date':
      return null;
    case 'list':
      return [];
    default:
      return field.initial;
  }
}

/** How payloads are checked; the error code for an over-long string is a setting (see sage300-settings.ts). */
export interface PayloadRules {
  readonly widthErrorCode: Sage300ErrorCode;
}

/**
 * Reads a JSON payload against a schema: only the properties sent, in payload order (the Web API
 * "Puts" them to the view in that order, S-DEV §2.3). Unknown properties, wrong types and values
 * wider than the field are refused, never truncated.
 */
export function readEntity(schema: EntitySchema, body: unknown, rules: PayloadRules, path = ''): Sage300Row {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new Sage300Failure(
      'InvalidPayload',
      `${path || 'The payload'} must be a JSON object (${schema.name}).`,
    );
  }
  const row: Sage300Row = {};
  for (const [name, value] of Object.entries(body)) {
    const field = schema.fields[name];
    const where = `${path}${name}`;
    if (field === undefined) {
      throw new Sage300Failure(
        'InvalidPayload',
        `The property '${name}' does not exist on type '${schema.name}'.`,
      );
    }
    row[name] = readValue(field, value, where, rules);
  }
  return row;
}

function readValue(field: FieldDefinition, value: unknown, where: string, rules: PayloadRules): Sage300Value {
  switch (field.kind) {
    case 'text':
      return readText(field.width, value, where, rules);
    case 'choice':
      if (typeof value === 'string' && field.choices.includes(value)) return value;
      return invalid(where, `one of ${field.choices.join(', ')}`);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : invalid(where, 'a number');
    case 'flag':
      return typeof value === 'boolean' ? value : invalid(where, 'true or false');
    case 'date':
      if (value === null) return null;
      return (
        (typeof value === 'string' && normalizeDate(value)) || invalid(where, 'an ISO-8601 date or null')
      );
    case 'list':
      if (!Array.isArray(value)) return invalid(where, 'an array');
      return value.map((entry, index) => readEntity(field.entity, entry, rules, `${where}[${index}].`));
  }
}

function readText(width: number, value: unknown, where: string, rules: PayloadRules): string {
  if (typeof value !== 'string') return invalid(where, 'a string');
  // Code points, not UTF-16 units, so one accented or CJK character counts once.
  if (value.length > width && [...value].length > width) {
    throw new Sage300Failure(
      rules.widthErrorCode,
      `${where} is longer than the field allows (${width} characters): '${value}'.`,
    );
  }
  return value;
}

function invalid(where: string, expected: string): never {
  throw new Sage300Failure('InvalidPayload', `${where} must be ${expected}.`);
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Dates are ISO-8601 strings in the Web API: `"2020-01-15"` or `"2020-06-20T00:00:00Z"` in requests
 * (A10). They are kept as `YYYY-MM-DDTHH:mm:ssZ` (E1's response form), which also sorts by time.
 * A time without a zone is taken as UTC [U: A10 notes zone handling varies by sample].
 */
export function normalizeDate(value: string): string | undefined {
  if (!DATE_PATTERN.test(value)) return undefined;
  const hasZone = value.length > 10 && /(?:Z|[+-]\d{2}:\d{2})$/.test(value);
  const parsed = new Date(value.length === 10 || hasZone ? value : `${value}Z`);
  return Number.isNaN(parsed.getTime()) ? undefined : isoDateTime(parsed);
}

export function isoDateTime(moment: Date): string {
  return `${moment.toISOString().slice(0, 19)}Z`;
}

/** Money is kept to cents, as the views' BCD amounts are. */
export function roundMoney(amount: number): number {
  return Math.round(amount * 100) / 100;
}
