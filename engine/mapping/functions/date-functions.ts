import type { JsonValue } from '../../contract/flow-document.ts';
import type { MappingFunction } from '../mapping-function.ts';
import { calendarReading, optionalZoneSetting, parseDate, placeInZone, zoneSetting } from './date-formats.ts';

// Every function here reads any of the supported formats (see date-formats.ts): ISO 8601 with or
// without offset, US `mm/dd/yyyy [hh:mm[:ss] [AM|PM]]` and `YYYYMMDD`.

const VALUE_PARAMETER = {
  name: 'value',
  type: 'any',
  description: 'A date: ISO 8601, mm/dd/yyyy [hh:mm:ss], or YYYYMMDD',
} as const;

const OPTIONAL_ZONE_PARAMETER = {
  name: 'timeZone',
  type: 'string',
  optional: true,
  description:
    'IANA time zone to read instants in (values with Z or an offset); wall-clock values are not shifted',
} as const;

const STORE_ZONE_PARAMETER = {
  name: 'timeZone',
  type: 'string',
  description: "The store's IANA time zone, e.g. America/New_York (or UTC-5)",
} as const;

/** Formats the calendar reading of `value` with a luxon pattern, null when it does not parse. */
// 3dcart's own `yyyy-MM-ddTHH:mm:ss` (and plain `yyyy-MM-dd`) is what mappings meet in almost
// every order; reformatting it needs no time zone arithmetic, so it skips luxon (about 15 µs a
// call) and even a regular expression.
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const SEPARATORS: Readonly<Record<number, number>> = { 4: 45, 7: 45, 10: 84, 13: 58, 16: 58 }; // - - T : :

function formatWallClockFast(value: string, pattern: string): string | undefined {
  if (value.length !== 10 && value.length !== 19) return undefined;
  for (let position = 0; position < value.length; position++) {
    const code = value.charCodeAt(position);
    const separator = SEPARATORS[position];
    if (separator === undefined ? code < 48 || code > 57 : code !== separator) return undefined;
  }
  const number = (from: number) => (value.charCodeAt(from) - 48) * 10 + value.charCodeAt(from + 1) - 48;
  const year = number(0) * 100 + number(2);
  const month = number(5);
  const day = number(8);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const maxDay = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (day < 1 || day > maxDay) return undefined; // let the full parser give its verdict
  if (value.length === 19 && (number(11) > 23 || number(14) > 59 || number(17) > 59)) return undefined;
  switch (pattern) {
    case 'yyyy-MM-dd':
      return value.slice(0, 10);
    case 'yyyyMMdd':
      return `${value.slice(0, 4)}${value.slice(5, 7)}${value.slice(8, 10)}`;
    case "yyyy-MM-dd'T'HH:mm:ss":
      return value.length === 19 ? value : `${value}T00:00:00`;
    default:
      return undefined;
  }
}

function formatCalendar(
  value: JsonValue | undefined,
  pattern: string,
  zone: JsonValue | undefined,
  name: string,
) {
  const timeZone = optionalZoneSetting(name, zone);
  if (timeZone === undefined && typeof value === 'string') {
    const fast = formatWallClockFast(value, pattern);
    if (fast !== undefined) return fast;
  }
  const parsed = parseDate(value);
  return parsed === null ? null : calendarReading(parsed, timeZone).toFormat(pattern);
}

const storeLocalToInstant: MappingFunction = {
  name: 'date.storeLocalToInstant',
  jsonataName: 'dateStoreLocalToInstant',
  category: 'date',
  summary: "3dcart store-local date-time (no offset) → ISO 8601 instant in UTC, using the store's time zone",
  parameters: [VALUE_PARAMETER, STORE_ZONE_PARAMETER],
  example: { args: ['2024-05-14T09:30:00', 'America/New_York'], result: '2024-05-14T13:30:00Z' },
  implementation(value, timeZone) {
    // 3dcart datetimes are store-local without an offset (threedcart-api.md §8). A nonexistent
    // spring-forward time moves forward by the gap; an ambiguous fall-back time takes luxon's
    // choice (the second, standard-time occurrence). Values that carry an offset are already instants.
    const zone = zoneSetting('date.storeLocalToInstant', timeZone);
    const parsed = parseDate(value);
    if (parsed === null) return null;
    const instant = parsed.kind === 'instant' ? parsed.value : placeInZone(parsed.value, zone);
    return instant.toUTC().toISO({ suppressMilliseconds: true });
  },
};

const instantToStoreLocal: MappingFunction = {
  name: 'date.instantToStoreLocal',
  jsonataName: 'dateInstantToStoreLocal',
  category: 'date',
  summary: "ISO 8601 instant → 3dcart store-local yyyy-MM-ddTHH:mm:ss in the store's time zone",
  parameters: [VALUE_PARAMETER, STORE_ZONE_PARAMETER],
  example: { args: ['2024-05-14T13:30:00Z', 'America/New_York'], result: '2024-05-14T09:30:00' },
  implementation(value, timeZone) {
    const zone = zoneSetting('date.instantToStoreLocal', timeZone);
    const parsed = parseDate(value);
    if (parsed === null) return null;
    const localPattern = "yyyy-MM-dd'T'HH:mm:ss";
    // A date-time without an offset is taken as UTC (unverified choice: Sage responses such as
    // `2010-08-18T00:00:00` carry none, erp-apis.md A10); a date-only value is a calendar date and
    // stays that day at midnight instead of moving to the previous evening.
    if (parsed.dateOnly) return parsed.value.toFormat(localPattern);
    return parsed.value.setZone(zone).toFormat(localPattern);
  },
};

const toIsoDate: MappingFunction = {
  name: 'date.toIsoDate',
  jsonataName: 'dateToIsoDate',
  category: 'date',
  summary: 'Any date → ISO yyyy-MM-dd (the Sage 300 Web API date; also M3 YYYYMMDD → ISO)',
  parameters: [VALUE_PARAMETER, OPTIONAL_ZONE_PARAMETER],
  // Sage request bodies send dates as "2020-01-15" (erp-apis.md A10, S-PAY).
  example: { args: ['05/14/2024'], result: '2024-05-14' },
  implementation: (value, timeZone) => formatCalendar(value, 'yyyy-MM-dd', timeZone, 'date.toIsoDate'),
};

const toSageDateTime: MappingFunction = {
  name: 'date.toSageDateTime',
  jsonataName: 'dateToSageDateTime',
  category: 'date',
  summary: 'Any date → Sage 300 date-time yyyy-MM-ddTHH:mm:ss (wall clock, no offset)',
  parameters: [VALUE_PARAMETER, OPTIONAL_ZONE_PARAMETER],
  // Sage samples show both "2020-06-20T00:00:00Z" and "2010-08-18T00:00:00" (erp-apis.md A10, open
  // question 8). Unverified choice: no offset, because Sage keeps dates as YYYYMMDD and a `Z` read
  // in a server west of UTC would turn midnight into the previous day.
  example: { args: ['05/14/2024 3:21:09 PM'], result: '2024-05-14T15:21:09' },
  implementation: (value, timeZone) =>
    formatCalendar(value, "yyyy-MM-dd'T'HH:mm:ss", timeZone, 'date.toSageDateTime'),
};

const toM3: MappingFunction = {
  name: 'date.toM3',
  jsonataName: 'dateToM3',
  category: 'date',
  summary: 'Any date → M3 YYYYMMDD',
  parameters: [VALUE_PARAMETER, OPTIONAL_ZONE_PARAMETER],
  // M3 MI programs take dates as YYYYMMDD strings (dateformat=YMD8; erp-apis.md B4).
  example: { args: ['2024-05-14T09:30:00'], result: '20240514' },
  implementation: (value, timeZone) => formatCalendar(value, 'yyyyMMdd', timeZone, 'date.toM3'),
};

const toUsDate: MappingFunction = {
  name: 'date.toUsDate',
  jsonataName: 'dateToUsDate',
  category: 'date',
  summary: 'Any date → mm/dd/yyyy (3dcart query filters; also Sage or M3 dates → 3dcart)',
  parameters: [VALUE_PARAMETER, OPTIONAL_ZONE_PARAMETER],
  // 3dcart's datestart/dateend/lastupdatestart filters are documented as mm/dd/yyyy (threedcart-api.md §8).
  example: { args: ['2024-05-14T00:00:00'], result: '05/14/2024' },
  implementation: (value, timeZone) => formatCalendar(value, 'MM/dd/yyyy', timeZone, 'date.toUsDate'),
};

export const DATE_FUNCTIONS: readonly MappingFunction[] = [
  storeLocalToInstant,
  instantToStoreLocal,
  toIsoDate,
  toSageDateTime,
  toM3,
  toUsDate,
];
