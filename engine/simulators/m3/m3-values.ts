// How M3 writes values: every value travels as a string, dates as YYYYMMDD (`dateformat=YMD8`,
// the default) and decimals with a `.` (reference B4).

/** A calendar date as M3 writes it (YYYYMMDD), in UTC. */
export function m3Date(epochMilliseconds: number): string {
  const date = new Date(epochMilliseconds);
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${date.getUTCFullYear()}${month}${day}`;
}

/**
 * A number as the simulator writes it: shortest form, `.` as decimal point (`140`, `19.95`).
 * Unverified (reference open question 12): real tenants may write `140.000000` or leading zeros.
 */
export function m3Number(value: number): string {
  return String(Math.round(value * 1_000_000) / 1_000_000);
}

const NUMERIC = /^-?\d+(\.\d+)?$/;
const DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** Whether a string is an M3 numeric input (digits, optional sign and `.` decimals). */
export function isM3Numeric(value: string): boolean {
  return NUMERIC.test(value);
}

/** Whether a string is a real calendar date in YYYYMMDD form. */
export function isM3Date(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
