// The state module alone, not the package entry: the entry also loads the 8 MB city list
// (about 200 ms and 50 MB of heap at start-up) that nothing here needs.
import { getStatesOfCountry } from 'country-state-city/lib/cjs/state.js';
import type { JsonValue } from '../../contract/flow-document.ts';
import { countryAlpha2 } from './country-codes.ts';
import { foldToAscii } from './text-folding.ts';

/** Countries whose state/province codes the functions know; others give null. */
const REGION_COUNTRIES = ['US', 'CA'] as const;
type RegionCountry = (typeof REGION_COUNTRIES)[number];

interface Region {
  code: string;
  name: string;
}

// USPS military "states" (USPS Publication 28, appendix B) appear on US shipping addresses but are
// missing from country-state-city.
const EXTRA_REGIONS: Record<RegionCountry, readonly Region[]> = {
  US: [
    { code: 'AA', name: 'Armed Forces Americas' },
    { code: 'AE', name: 'Armed Forces Europe' },
    { code: 'AP', name: 'Armed Forces Pacific' },
  ],
  CA: [],
};

// Spellings shoppers type that differ from the library's names (after folding).
const ALIASES: Record<RegionCountry, Record<string, string>> = {
  US: { 'washington dc': 'DC', 'washington d c': 'DC', 'd c': 'DC', 'virgin islands': 'VI' },
  CA: { newfoundland: 'NL', labrador: 'NL', yukon: 'YT', 'yukon territory': 'YT', pei: 'PE' },
};

function regionKey(text: string): string {
  return foldToAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

interface RegionTable {
  byCode: Map<string, string>;
  byName: Map<string, string>;
}

const tables = new Map<RegionCountry, RegionTable>();

function regionTable(country: RegionCountry): RegionTable {
  const cached = tables.get(country);
  if (cached) return cached;
  // Only two-letter codes are postal codes; the library also lists US minor outlying islands as `UM-81` etc.
  const regions = [
    ...getStatesOfCountry(country).map((state) => ({ code: state.isoCode, name: state.name })),
    ...EXTRA_REGIONS[country],
  ].filter((region) => /^[A-Z]{2}$/.test(region.code));
  const table: RegionTable = {
    byCode: new Map(regions.map((region) => [region.code, region.name])),
    byName: new Map(regions.map((region) => [regionKey(region.name), region.code])),
  };
  for (const [alias, code] of Object.entries(ALIASES[country])) table.byName.set(alias, code);
  tables.set(country, table);
  return table;
}

/**
 * The countries to search: the given one when it is US or CA, none for any other known country,
 * both (US first) when the country is left out. Null when a given country is not recognised.
 */
function countriesToSearch(country: JsonValue | undefined): readonly RegionCountry[] | null {
  if (country === null || country === undefined || country === '') return REGION_COUNTRIES;
  const alpha2 = countryAlpha2(country);
  if (alpha2 === null) return null;
  return REGION_COUNTRIES.filter((candidate) => candidate === alpha2);
}

/** The two-letter code of a US state or Canadian province given by code or name; null when unknown. */
export function regionCode(value: JsonValue | undefined, country: JsonValue | undefined): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const candidates = countriesToSearch(country);
  if (candidates === null) return null;
  const code = value.trim().toUpperCase();
  for (const candidate of candidates) {
    if (regionTable(candidate).byCode.has(code)) return code;
  }
  const key = regionKey(value);
  for (const candidate of candidates) {
    const found = regionTable(candidate).byName.get(key);
    if (found !== undefined) return found;
  }
  return null;
}

/** The English name of a US state or Canadian province given by code or name; null when unknown. */
export function regionName(value: JsonValue | undefined, country: JsonValue | undefined): string | null {
  const code = regionCode(value, country);
  if (code === null) return null;
  const candidates = countriesToSearch(country) ?? [];
  for (const candidate of candidates) {
    const name = regionTable(candidate).byCode.get(code);
    if (name !== undefined) return name;
  }
  return null;
}
