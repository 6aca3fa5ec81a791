import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import type { JsonValue } from '../../contract/flow-document.ts';

// English first: its lists carry the shopper variants ("USA", "U.S.", "UK", "Great Britain").
// German, French and Spanish follow so that checkouts in those languages ("Deutschland",
// "Royaume-Uni", "Estados Unidos") still resolve; a name is looked up in that order.
const NAME_LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
for (const locale of [en, de, fr, es]) countries.registerLocale(locale);

/**
 * The ISO 3166-1 alpha-2 code for a country given as alpha-2, alpha-3, numeric (string or number)
 * or name; null when nothing matches. Codes are tried before names, so "CA" is Canada, never California.
 */
export function countryAlpha2(value: JsonValue | undefined): string | null {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value > 0 ? (countries.numericToAlpha2(value) ?? null) : null;
  }
  if (typeof value !== 'string') return null;
  const text = value
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[\u2018\u2019]/g, "'");
  if (text === '') return null;
  // ISO numeric codes are three digits ("036" Australia); spreadsheets drop the leading zeros.
  const code = /^\d{1,3}$/.test(text) ? text.padStart(3, '0') : text;
  if (/^([A-Za-z]{2,3}|\d{3})$/.test(code) && countries.isValid(code))
    return countries.toAlpha2(code) ?? null;
  for (const language of NAME_LANGUAGES) {
    // getSimpleAlpha2Code compares lower-cased names with diacritics removed (i18n-iso-countries index.js).
    const code = countries.getSimpleAlpha2Code(text, language);
    if (code !== undefined) return code;
  }
  return null;
}

/** The ISO 3166-1 alpha-3 code for anything {@link countryAlpha2} understands. */
export function countryAlpha3(value: JsonValue | undefined): string | null {
  const alpha2 = countryAlpha2(value);
  return alpha2 === null ? null : (countries.alpha2ToAlpha3(alpha2) ?? null);
}

/** The English short name ("Germany", "United States of America") for anything {@link countryAlpha2} understands. */
export function countryName(value: JsonValue | undefined): string | null {
  const alpha2 = countryAlpha2(value);
  return alpha2 === null ? null : (countries.getName(alpha2, 'en') ?? null);
}
