import type { JsonValue } from '../../contract/flow-document.ts';

/**
 * An exact decimal, `units / 10^scale`. Money is rounded on these instead of on binary floats:
 * `Math.round(1.005 * 100)` gives 100 because 1.005 is stored as 1.00499999999999989…, while the
 * decimal text "1.005" that JavaScript prints for it rounds to 1.01 as a person expects.
 */
export interface Decimal {
  units: bigint;
  scale: number;
}

const DECIMAL_TEXT = /^(?<sign>[+-])?(?<whole>\d+)(?:\.(?<fraction>\d+))?(?:e(?<exponent>[+-]?\d+))?$/i;

/**
 * Reads a number, or a numeric string (M3 sends every value as a string, erp-apis.md B4), exactly
 * as written. A number is read through its shortest round-trip text (`String(1.005)` is "1.005").
 * Null for anything else, including blanks, `1,234.50` and non-finite numbers.
 */
export function parseDecimal(value: JsonValue | undefined): Decimal | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return null;
  }
  const groups = DECIMAL_TEXT.exec(text)?.groups;
  if (!groups) return null;
  const fraction = groups.fraction ?? '';
  const digits = BigInt(`${groups.whole}${fraction}`);
  const scale = fraction.length - Number(groups.exponent ?? 0);
  const units = scale < 0 ? digits * 10n ** BigInt(-scale) : digits;
  return { units: groups.sign === '-' ? -units : units, scale: Math.max(scale, 0) };
}

/** `numerator / denominator` rounded half away from zero (1.005 → 1.01, −1.005 → −1.01); denominator > 0. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const quotient = magnitude / denominator;
  const rounded = (magnitude % denominator) * 2n >= denominator ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

/** The decimal as a whole number of `10^-places` units (cents for 2), rounded half away from zero. */
export function toUnits(decimal: Decimal, places: number): bigint {
  if (decimal.scale <= places) return decimal.units * 10n ** BigInt(places - decimal.scale);
  return divideRounded(decimal.units, 10n ** BigInt(decimal.scale - places));
}

/** Units of `10^-places` back to a JavaScript number (through decimal text, so 101 cents is exactly 1.01). */
export function unitsToNumber(units: bigint, places: number): number {
  return Number(`${units}e-${places}`);
}

/** `a × b`, exact. */
export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** `a + b`, exact. */
export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  const units = a.units * 10n ** BigInt(scale - a.scale) + b.units * 10n ** BigInt(scale - b.scale);
  return { units, scale };
}

/** Rounds to `places` decimals, half away from zero, and returns a JavaScript number. */
export function roundDecimal(decimal: Decimal, places: number): number {
  return unitsToNumber(toUnits(decimal, places), places);
}
