import type { JsonValue } from '../../contract/flow-document.ts';
import type { FieldFormat, FieldType } from '../schemas/record-schema.ts';

/** What sample values look like, for judging whether they fit a target field. */
export type ValueShape = 'email' | 'date' | 'amount' | 'integer' | 'boolean' | 'phone' | 'code' | 'text';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// ISO dates and date-times (3dcart, Sage), M3's YYYYMMDD and US-style 3/5/2025 (3dcart ShippedDate, §8).
const DATE =
  /^(\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?|(19|20)\d{6}|\d{1,2}\/\d{1,2}\/\d{4})$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const PHONE = /^\+?[\d\s().-]{7,20}$/;
const CODE = /^[A-Z0-9][A-Z0-9/_.-]{0,23}$/i;

/** The shape of one value; undefined for null, blank text, objects and lists. */
export function shapeOf(value: JsonValue): ValueShape | undefined {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'amount';
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (EMAIL.test(text)) return 'email';
  if (DATE.test(text)) return 'date';
  if (NUMBER.test(text)) return text.includes('.') ? 'amount' : 'integer';
  if (PHONE.test(text) && /\d{3}/.test(text)) return 'phone';
  if (CODE.test(text) && !/\s/.test(text)) return 'code';
  return 'text';
}

/** The shape most of the values have, when at least two thirds agree. */
export function dominantShape(values: readonly JsonValue[]): ValueShape | undefined {
  const counts = new Map<ValueShape, number>();
  let total = 0;
  for (const value of values) {
    const shape = shapeOf(value);
    if (!shape) continue;
    // A whole number is also a fine amount: 19 and 19.95 are both prices.
    const key = shape === 'integer' && counts.has('amount') ? 'amount' : shape;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    total++;
  }
  let best: ValueShape | undefined;
  let bestCount = 0;
  for (const [shape, count] of counts) if (count > bestCount) [best, bestCount] = [shape, count];
  return best && bestCount * 3 >= total * 2 ? best : undefined;
}

/** What a target field wants, from its type and format. */
export interface TargetShape {
  type: FieldType;
  format?: FieldFormat;
  maxLength?: number;
}

const DATE_FORMATS: ReadonlySet<FieldFormat> = new Set([
  'YYYYMMDD',
  'isoDate',
  'isoDateTime',
  'storeLocalDateTime',
]);

/**
 * How well source values fit a target field, in [-1, 1]: 1 when the values are what the field
 * expects (e-mails for an e-mail field, dates for a date, numbers for a number), -1 when they
 * clearly are not, 0 when the values say nothing either way. Values wider than the field cost a
 * little: truncation is a common, deliberate fix.
 */
export function shapeAgreement(target: TargetShape, values: readonly JsonValue[]): number {
  const shape = dominantShape(values);
  if (!shape) return 0;
  let score = 0;
  if (target.format === 'email') score = shape === 'email' ? 1 : -1;
  else if (target.type === 'date' || (target.format && DATE_FORMATS.has(target.format)))
    score = shape === 'date' ? 1 : -1;
  else if (target.type === 'number' || target.format === 'decimalString')
    score = shape === 'amount' || shape === 'integer' ? 1 : -1;
  else if (target.type === 'integer') score = shape === 'integer' ? 1 : shape === 'amount' ? 0 : -1;
  else if (target.type === 'boolean') score = shape === 'boolean' ? 1 : -0.5;
  else if (target.type === 'string') score = shape === 'boolean' ? -0.5 : 0;
  if (target.maxLength !== undefined && score > -1) {
    const widest = Math.max(0, ...values.map((value) => (typeof value === 'string' ? value.length : 0)));
    if (widest > target.maxLength) score -= widest > 2 * target.maxLength ? 0.5 : 0.25;
  }
  return Math.max(-1, score);
}

/** Describes a shape for a suggestion's reason. */
export const SHAPE_WORDS: Readonly<Record<ValueShape, string>> = {
  email: 'e-mail addresses',
  date: 'dates',
  amount: 'amounts',
  integer: 'whole numbers',
  boolean: 'true/false values',
  phone: 'phone numbers',
  code: 'codes',
  text: 'text',
};
