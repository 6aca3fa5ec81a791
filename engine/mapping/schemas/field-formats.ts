import type { FieldFormat } from './record-schema.ts';

/** How each format is checked and described. */
interface FormatRule {
  readonly pattern: RegExp;
  /** Completes "expects ..." in messages. */
  readonly expectation: string;
  /** Where the calendar date sits in a matching value, when the format carries one. */
  readonly calendarDate?: (value: string) => readonly [year: number, month: number, day: number];
}

const TIME = 'T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?';
const OFFSET = '(?:Z|[+-]\\d{2}:\\d{2})';

/** The date part of `YYYY-MM-DD...` values. */
function isoCalendarDate(value: string): readonly [number, number, number] {
  return [Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10))];
}

/** Exported for `toZod`, which uses the same patterns so both checks agree. */
export const FORMAT_RULES: Readonly<Record<FieldFormat, FormatRule>> = {
  // erp-apis.md B4: M3 dates are YYYYMMDD by default (dateformat=YMD8).
  YYYYMMDD: {
    pattern: /^\d{8}$/,
    expectation: 'a date as YYYYMMDD, e.g. 20240516',
    calendarDate: (value) => [
      Number(value.slice(0, 4)),
      Number(value.slice(4, 6)),
      Number(value.slice(6, 8)),
    ],
  },
  // erp-apis.md A10: Sage 300 requests carry "2020-01-15" or "2020-06-20T00:00:00Z"; both are accepted.
  isoDate: {
    pattern: new RegExp(`^\\d{4}-\\d{2}-\\d{2}(?:${TIME}${OFFSET}?)?$`),
    expectation: 'an ISO date such as 2024-05-14',
    calendarDate: isoCalendarDate,
  },
  isoDateTime: {
    pattern: new RegExp(`^\\d{4}-\\d{2}-\\d{2}${TIME}${OFFSET}?$`),
    expectation: 'an ISO date and time such as 2024-05-14T09:30:00Z',
    calendarDate: isoCalendarDate,
  },
  // threedcart-api.md §8: "yyyy-MM-ddTHH:mm:ss" with no offset, in store-local time. A fraction is
  // tolerated; an offset is not, because it would change what the value means.
  storeLocalDateTime: {
    pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?$/,
    expectation: 'a store-local date and time such as 2025-03-04T14:22:10 (no time zone)',
    calendarDate: isoCalendarDate,
  },
  email: { pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, expectation: 'an e-mail address' },
  // erp-apis.md B4: "Decimal point `.`; all values travel as strings."
  decimalString: {
    pattern: /^-?\d+(?:\.\d+)?$/,
    expectation: 'a number written as text, e.g. "2" or "19.95"',
  },
};

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether `value` is written in `format`, including a real calendar date (no 2024-02-30). */
export function conformsTo(format: FieldFormat, value: string): boolean {
  const rule = FORMAT_RULES[format];
  if (!rule.pattern.test(value)) return false;
  if (rule.calendarDate === undefined) return true;
  const [year, month, day] = rule.calendarDate(value);
  return isCalendarDate(year, month, day);
}

/** Whether the calendar part of `value` is a real date; true for formats without one. */
export function hasValidCalendarDate(format: FieldFormat, value: string): boolean {
  const rule = FORMAT_RULES[format];
  if (rule.calendarDate === undefined || !rule.pattern.test(value)) return true;
  const [year, month, day] = rule.calendarDate(value);
  return isCalendarDate(year, month, day);
}
