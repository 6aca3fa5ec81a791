import { DateTime } from 'luxon';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';

// 3dcart datetimes are store-local wall-clock times without offset, `yyyy-MM-ddTHH:mm:ss`, in
// responses; query filters take `mm/dd/yyyy hh:mm:ss` (reference/threedcart-api.md §8). Bridgeflow
// keeps store times in the response form: it sorts as text, so watermarks compare as strings.

const STORE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss";
const US_FORMATS = ['M/d/yyyy H:mm:ss', 'M/d/yyyy H:mm', 'M/d/yyyy h:mm:ss a', 'M/d/yyyy h:mm a', 'M/d/yyyy'];

/**
 * A time as the store's local `yyyy-MM-ddTHH:mm:ss`. Accepts ISO (`2025-03-04`,
 * `2025-03-04T14:22:10`) and 3dcart's US form (`03/04/2025 14:22:10`, `3/4/2025`). A time without
 * offset is taken as store-local already; one with an offset or `Z` (say from `$now()`) is converted
 * to `timezone`, which should be the store's (UNVERIFIED §13.8: where a store's zone can be read).
 * Undefined when the text is no time.
 */
export function toStoreTime(value: string, timezone: string): string | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const hasOffset = /(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(text) && text.includes('T');
  const iso = hasOffset
    ? DateTime.fromISO(text, { setZone: true }).setZone(timezone)
    : DateTime.fromISO(text, { zone: 'UTC' });
  if (iso.isValid) return iso.toFormat(STORE_FORMAT);
  for (const format of US_FORMATS) {
    const parsed = DateTime.fromFormat(text, format, { zone: 'UTC', locale: 'en-US' });
    if (parsed.isValid) return parsed.toFormat(STORE_FORMAT);
  }
  return undefined;
}

/** {@link toStoreTime}, or INPUT_INVALID naming the parameter. */
export function requireStoreTime(value: string, timezone: string, parameter: string): string {
  const time = toStoreTime(value, timezone);
  if (time !== undefined) return time;
  throw new BridgeflowError(
    'INPUT_INVALID',
    `${parameter} "${value}" is not a date or time (use 2025-03-04, 2025-03-04T14:22:10 or 03/04/2025 14:22:10)`,
    { retryable: false },
  );
}

/**
 * A store time as a query filter value. `date` sends the day alone: the Orders `lastupdatestart`
 * filter is documented as `mm/dd/yyyy` (§8), and SkuVault sends days and re-filters on its side (§5).
 */
export function filterDate(storeTime: string, precision: 'dateTime' | 'date'): string {
  const parsed = DateTime.fromFormat(storeTime, STORE_FORMAT, { zone: 'UTC' });
  return parsed.toFormat(precision === 'date' ? 'MM/dd/yyyy' : 'MM/dd/yyyy HH:mm:ss');
}

/** Today in `timezone` as `M/d/yyyy`: the free-text ShipmentShippedDate form seen in real stores (§8). */
export function shippedDateToday(epochMs: number, timezone: string): string {
  return DateTime.fromMillis(epochMs, { zone: timezone }).toFormat('M/d/yyyy');
}
