import { DateTime } from 'luxon';

// 3dcart datetimes are store-local wall-clock times without offset or fraction,
// "yyyy-MM-ddTHH:mm:ss" (reference/threedcart-api.md §8). Because that format sorts as text, the
// simulator keeps them as strings and compares them as strings: filters convert their input to it.

const STORE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss";

// Every write stamps the current second; formatting through the time zone costs more than the
// rest of creating an order, so the last second formatted is remembered.
let lastStamp = { second: Number.NaN, timezone: '', text: '' };

/** The store-local timestamp of an instant, e.g. `2025-03-04T14:22:10`. */
export function storeTimestamp(epochMs: number, timezone: string): string {
  const second = Math.floor(epochMs / 1000);
  if (second === lastStamp.second && timezone === lastStamp.timezone) return lastStamp.text;
  const text = DateTime.fromMillis(epochMs, { zone: timezone }).toFormat(STORE_FORMAT);
  lastStamp = { second, timezone, text };
  return text;
}

/** Webhook DateCreated/DateUpdated use `MM/dd/yyyy HH:mm` (§8, DOC-HELP samples). */
export function webhookTimestamp(storeLocal: string): string {
  const parsed = DateTime.fromFormat(storeLocal, STORE_FORMAT, { zone: 'UTC' });
  return parsed.toFormat('MM/dd/yyyy HH:mm');
}

/** Back from the webhook form to the sortable store form. */
export function webhookTimestampToStore(value: string): string | undefined {
  const parsed = DateTime.fromFormat(value, 'MM/dd/yyyy HH:mm', { zone: 'UTC' });
  return parsed.isValid ? parsed.toFormat(STORE_FORMAT) : undefined;
}

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

/**
 * A query filter date (`datestart=03/01/2025 00:00:00`, §8) as a sortable store-local string.
 * Accepts `M/d/yyyy`, with `H:mm[:ss]` and optional AM/PM, and ISO `yyyy-MM-dd[THH:mm:ss]`.
 * A date without a time means midnight at the start of that day — SkuVault adds a day to
 * `lastupdateend` to include the last day (§5), which only makes sense if so.
 * UNVERIFIED (§13.8): filters are read as store-local time.
 */
export function parseFilterDate(value: string): string | undefined {
  const trimmed = value.trim();
  const match = US_DATE.exec(trimmed);
  if (match) {
    const [, month, day, year, hour = '0', minute = '0', second = '0', meridiem] = match;
    let hours = Number(hour);
    if (meridiem !== undefined) {
      if (hours < 1 || hours > 12) return undefined;
      hours = (hours % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
    }
    const parsed = DateTime.fromObject(
      {
        year: Number(year),
        month: Number(month),
        day: Number(day),
        hour: hours,
        minute: Number(minute),
        second: Number(second),
      },
      { zone: 'UTC' },
    );
    return parsed.isValid ? parsed.toFormat(STORE_FORMAT) : undefined;
  }
  const iso = DateTime.fromISO(trimmed, { zone: 'UTC' });
  return iso.isValid && /^\d{4}-\d{2}-\d{2}/.test(trimmed) ? iso.toFormat(STORE_FORMAT) : undefined;
}

/**
 * A datetime sent in a request body, stored in the store form. Bodies carry ISO strings such as
 * `1970-03-22T03:22:55.390Z` (§8): with an offset they are converted to store time, without one
 * they are taken as store-local already.
 */
export function parseBodyDate(value: string, timezone: string): string | undefined {
  const iso = DateTime.fromISO(value.trim(), { zone: timezone, setZone: true });
  if (iso.isValid) return iso.setZone(timezone).toFormat(STORE_FORMAT);
  return parseFilterDate(value);
}

/** Adds minutes to a store-local timestamp (wall-clock arithmetic, for seed data). */
export function addMinutes(storeLocal: string, minutes: number): string {
  // Wall-clock arithmetic without a zone: read the fields as UTC and format them back.
  const parsed = Date.parse(`${storeLocal}Z`);
  if (Number.isNaN(parsed)) {
    return DateTime.fromFormat(storeLocal, STORE_FORMAT, { zone: 'UTC' })
      .plus({ minutes })
      .toFormat(STORE_FORMAT);
  }
  return new Date(parsed + minutes * 60_000).toISOString().slice(0, 19);
}
