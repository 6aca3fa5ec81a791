import { DateTime, FixedOffsetZone, IANAZone, type Zone } from 'luxon';
import type { JsonValue } from '../../contract/flow-document.ts';
import { argumentError, isAbsent } from './function-arguments.ts';

/**
 * A date read from one of the formats the three systems use. `wallClock` readings carry no
 * offset (3dcart's store-local times, US `mm/dd/yyyy`, M3 `YYYYMMDD`) and are held in UTC only
 * as a neutral container; `instant` readings carried `Z` or an offset and keep that offset.
 */
export interface ParsedDate {
  kind: 'wallClock' | 'instant';
  value: DateTime;
  /** No time of day was written: a calendar date, never shifted between zones. */
  dateOnly: boolean;
}

// ISO 8601 calendar dates with optional time and offset. 3dcart sends `yyyy-MM-ddTHH:mm:ss` with no
// offset and no fraction (threedcart-api.md §8); Sage sends `2020-01-15`, `2010-08-18T00:00:00` and
// `2020-06-20T00:00:00Z` (erp-apis.md A10). Luxon's own ISO parser accepts more (week dates,
// `2024-03`), which would let garbage through, so the shape is checked first.
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?<time>[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(?<offset>Z|[+-]\d{2}(?::?\d{2})?)?$/i;

// US month-first dates: 3dcart query filters `mm/dd/yyyy [hh:mm:ss]`, webhook `04/18/2024 18:44` and the
// free-text ShipmentShippedDate `9/14/2013 3:21:09 PM` (threedcart-api.md §8).
const US_DATE =
  /^(?<month>\d{1,2})\/(?<day>\d{1,2})\/(?<year>\d{4})(?:\s+(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2}))?(?:\s*(?<meridiem>[AP]M))?)?$/i;

// M3 dates are YYYYMMDD (erp-apis.md B4); Sage views store the same shape as a decimal, 0 = empty (A10).
const COMPACT_DATE = /^(?<year>\d{4})(?<month>\d{2})(?<day>\d{2})$/;

/** Reads a date in any supported format; null for empty, wrong type, garbage or impossible dates. */
export function parseDate(value: JsonValue | undefined): ParsedDate | null {
  if (typeof value === 'number') return Number.isInteger(value) ? parseCompact(String(value)) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const iso = ISO_DATE.exec(text);
  if (iso) return parseIso(text, iso.groups?.offset !== undefined, iso.groups?.time === undefined);
  const us = US_DATE.exec(text);
  if (us?.groups) return parseUs(us.groups);
  return parseCompact(text);
}

function parseIso(text: string, hasOffset: boolean, dateOnly: boolean): ParsedDate | null {
  // Luxon wants the `T`; SQL exports write `2024-05-14 10:00:00` with a space.
  const value = DateTime.fromISO(text.replace(' ', 'T'), { zone: 'utc', setZone: true });
  if (!value.isValid) return null;
  return { kind: hasOffset ? 'instant' : 'wallClock', value, dateOnly };
}

function parseUs(groups: Record<string, string | undefined>): ParsedDate | null {
  const date = { year: Number(groups.year), month: Number(groups.month), day: Number(groups.day) };
  if (groups.hour === undefined) return wallClock(date);
  let hour = Number(groups.hour);
  const meridiem = groups.meridiem?.toUpperCase();
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
  }
  return wallClock({ ...date, hour, minute: Number(groups.minute), second: Number(groups.second ?? 0) });
}

function parseCompact(text: string): ParsedDate | null {
  const groups = COMPACT_DATE.exec(text)?.groups;
  if (!groups) return null;
  return wallClock({ year: Number(groups.year), month: Number(groups.month), day: Number(groups.day) });
}

interface CalendarFields {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
}

function wallClock(fields: CalendarFields): ParsedDate | null {
  const value = DateTime.fromObject(fields, { zone: 'utc' });
  return value.isValid ? { kind: 'wallClock', value, dateOnly: fields.hour === undefined } : null;
}

/**
 * A time-zone setting: an IANA name (`America/New_York`) or a fixed offset (`UTC-5`, `UTC+05:30`),
 * the latter because older 3dcart stores keep their time zone as a whole-hour offset
 * (threedcart-api.md §8). Anything else throws: every item of the flow would be shifted wrongly.
 */
export function zoneSetting(functionName: string, value: JsonValue | undefined): Zone {
  if (typeof value === 'string') {
    const name = value.trim();
    if (IANAZone.isValidZone(name)) return IANAZone.create(name);
    const fixed = /^utc/i.test(name) ? FixedOffsetZone.parseSpecifier(name.toUpperCase()) : null;
    // Real offsets run from UTC−12 to UTC+14; luxon would also accept UTC+99.
    if (fixed && Math.abs(fixed.offset(0)) <= 14 * 60) return fixed;
  }
  throw argumentError(
    functionName,
    `timeZone must be an IANA time zone such as "America/New_York" or an offset such as "UTC-5", got ${JSON.stringify(value ?? null)}`,
  );
}

/** Like {@link zoneSetting}, but left out gives undefined. */
export function optionalZoneSetting(functionName: string, value: JsonValue | undefined): Zone | undefined {
  return isAbsent(value) ? undefined : zoneSetting(functionName, value);
}

/** The same wall-clock reading placed in `zone` (a nonexistent DST-gap time moves forward, as luxon does). */
export function placeInZone(reading: DateTime, zone: Zone): DateTime {
  const { year, month, day, hour, minute, second, millisecond } = reading;
  return DateTime.fromObject({ year, month, day, hour, minute, second, millisecond }, { zone });
}

/**
 * The wall-clock reading a calendar format should print. Instants are read in `zone` when one is
 * given (the order's date where the store or ERP is), else in the offset they came with;
 * wall-clock readings are never shifted: a calendar date has no zone to convert from.
 */
export function calendarReading(parsed: ParsedDate, zone: Zone | undefined): DateTime {
  return parsed.kind === 'instant' && zone !== undefined ? parsed.value.setZone(zone) : parsed.value;
}
