import type { JsonValue } from '../../contract/flow-document.ts';
import { countryAlpha2 } from './country-codes.ts';
import { cleanSpaces } from './text-folding.ts';

// Canada Post addressing guidelines: D, F, I, O, Q, U are never used, W and Z never lead.
// Checking them catches O/0 and I/1 typos.
const CANADIAN = /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\d[ABCEGHJ-NPRSTV-Z]\d$/;

// UK postcodes: outward code (area letters, district digit, optional letter or digit) + inward code
// (digit + two letters), one space between (Royal Mail postcode format). GIR 0AA is the one exception.
const BRITISH = /^(?:[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}|GIR0AA)$/;

function unitedStates(text: string): string | null {
  if (!/^[\d\s-]+$/.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length === 5) return digits;
  if (digits.length === 9) return `${digits.slice(0, 5)}-${digits.slice(5)}`;
  return null;
}

function canada(text: string): string | null {
  const compact = text.replace(/[\s-]/g, '').toUpperCase();
  return CANADIAN.test(compact) ? `${compact.slice(0, 3)} ${compact.slice(3)}` : null;
}

function unitedKingdom(text: string): string | null {
  const compact = text.replace(/\s/g, '').toUpperCase();
  return BRITISH.test(compact) ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : null;
}

const FORMATS: Record<string, (text: string) => string | null> = {
  US: unitedStates,
  CA: canada,
  GB: unitedKingdom,
};

/**
 * A postal code in its country's written form: US `12345` or `12345-6789`, Canada `A1A 1A1`,
 * UK `SW1A 1AA`; any other country trimmed, single-spaced and upper-cased. Null when the value is
 * empty or not a string, when a US/CA/UK code has the wrong shape, or when the country is given
 * but not recognised. Left out, the country is unknown and only the general clean-up applies.
 */
export function normalisePostalCode(
  value: JsonValue | undefined,
  country: JsonValue | undefined,
): string | null {
  if (typeof value !== 'string') return null;
  const text = cleanSpaces(value);
  if (text === '') return null;
  const countryGiven = !(country === null || country === undefined || country === '');
  const alpha2 = countryGiven ? countryAlpha2(country) : null;
  if (countryGiven && alpha2 === null) return null;
  const format = alpha2 === null ? undefined : FORMATS[alpha2];
  return format ? format(text) : text.toUpperCase();
}
