import type { MappingFunction } from '../mapping-function.ts';
import { addressLines, fitAddressLines } from './address-lines.ts';
import { countryAlpha2, countryAlpha3, countryName } from './country-codes.ts';
import { argumentError, integerSetting, isAbsent } from './function-arguments.ts';
import { memoizeScalars } from './memoize.ts';
import { normalisePostalCode } from './postal-codes.ts';
import { regionCode, regionName } from './region-codes.ts';

const COUNTRY_PARAMETER = {
  name: 'country',
  type: 'any',
  description:
    'Country name (English, German, French or Spanish, common variants), alpha-2, alpha-3 or numeric',
} as const;

const REGION_COUNTRY_PARAMETER = {
  name: 'country',
  type: 'any',
  optional: true,
  description: 'Country of the address (US or CA); left out, both are searched, US first',
} as const;

const countryToAlpha2: MappingFunction = {
  name: 'address.countryAlpha2',
  jsonataName: 'addressCountryAlpha2',
  category: 'address',
  // M3 CSCD and 3dcart BillingCountry hold alpha-2 codes (erp-apis.md E5).
  summary: 'Country name or code → ISO 3166-1 alpha-2 (M3 CSCD)',
  parameters: [COUNTRY_PARAMETER],
  example: { args: ['United States of America'], result: 'US' },
  implementation: memoizeScalars((value) => countryAlpha2(value)),
};

const countryToAlpha3: MappingFunction = {
  name: 'address.countryAlpha3',
  jsonataName: 'addressCountryAlpha3',
  category: 'address',
  summary: 'Country name or code → ISO 3166-1 alpha-3 (e.g. Sage 300 Country "USA")',
  parameters: [COUNTRY_PARAMETER],
  example: { args: ['Deutschland'], result: 'DEU' },
  implementation: memoizeScalars((value) => countryAlpha3(value)),
};

const countryToName: MappingFunction = {
  name: 'address.countryName',
  jsonataName: 'addressCountryName',
  category: 'address',
  summary: 'Country name or code → English country name',
  parameters: [COUNTRY_PARAMETER],
  example: { args: ['DE'], result: 'Germany' },
  implementation: memoizeScalars((value) => countryName(value)),
};

const regionToCode: MappingFunction = {
  name: 'address.regionCode',
  jsonataName: 'addressRegionCode',
  category: 'address',
  // M3 ECAR is A2 (erp-apis.md B6); Sage samples send "TX" in StateProvince (E1, E3).
  summary: 'US state / Canadian province name or code → two-letter code (M3 ECAR, Sage StateProvince)',
  parameters: [
    { name: 'value', type: 'string', description: 'State or province name or code' },
    REGION_COUNTRY_PARAMETER,
  ],
  example: { args: ['Québec', 'Canada'], result: 'QC' },
  implementation: memoizeScalars((value, country) => regionCode(value, country)),
};

const regionToName: MappingFunction = {
  name: 'address.regionName',
  jsonataName: 'addressRegionName',
  category: 'address',
  summary: 'US state / Canadian province code or name → English name',
  parameters: [
    { name: 'value', type: 'string', description: 'State or province code or name' },
    REGION_COUNTRY_PARAMETER,
  ],
  example: { args: ['TX', 'US'], result: 'Texas' },
  implementation: memoizeScalars((value, country) => regionName(value, country)),
};

const postalCode: MappingFunction = {
  name: 'address.postalCode',
  jsonataName: 'addressPostalCode',
  category: 'address',
  summary: 'Postal code in its country form: US 12345[-6789], CA A1A 1A1, UK SW1A 1AA, others upper-cased',
  parameters: [
    { name: 'value', type: 'string', description: 'Postal or ZIP code' },
    {
      name: 'country',
      type: 'any',
      optional: true,
      description: 'Country of the address; an unrecognised country gives null',
    },
  ],
  example: { args: ['k1a0b1', 'CA'], result: 'K1A 0B1' },
  implementation: memoizeScalars((value, country) => normalisePostalCode(value, country)),
};

const splitLines: MappingFunction = {
  name: 'address.splitLines',
  jsonataName: 'addressSplitLines',
  category: 'address',
  // Sage 300 OE/AR: AddressLine1..4, 60 characters (erp-apis.md A6 view widths). M3: CUA1..CUA4
  // (B5, B6); the reference gives no width, 36 is the usual M3 customer-address length (unverified).
  summary:
    'Street lines → at most N lines of width W, broken at spaces (Sage 4 × 60, M3 CUA1–4 × 36); null if it cannot fit',
  parameters: [
    {
      name: 'value',
      type: 'any',
      description: 'Street address: a string (line breaks kept) or a list of lines',
    },
    { name: 'lineCount', type: 'number', description: 'How many lines the target has (1–20)' },
    { name: 'width', type: 'number', description: 'Characters per line (1–1000)' },
  ],
  example: {
    args: [['Unit 4, Riverside Business Park, 1200 North Industrial Boulevard', 'Building C'], 4, 36],
    result: ['Unit 4, Riverside Business Park,', '1200 North Industrial Boulevard', 'Building C'],
  },
  implementation(value, lineCount, width) {
    const count = integerSetting('address.splitLines', 'lineCount', lineCount, { min: 1, max: 20 });
    const size = integerSetting('address.splitLines', 'width', width, { min: 1, max: 1000 });
    const lines = addressLines(value);
    if (lines === null || lines.length === 0) return null;
    return fitAddressLines(lines, count, size);
  },
};

const joinLines: MappingFunction = {
  name: 'address.joinLines',
  jsonataName: 'addressJoinLines',
  category: 'address',
  summary: 'Address lines → one string, blank lines skipped (e.g. 3dcart BillingAddress + BillingAddress2)',
  parameters: [
    {
      name: 'lines',
      type: 'any',
      description: 'A list of lines (nulls and blanks are skipped) or one string',
    },
    { name: 'separator', type: 'string', optional: true, description: 'Between lines; default ", "' },
  ],
  example: { args: [['12 Main St', '', 'Suite 5']], result: '12 Main St, Suite 5' },
  implementation(value, separator) {
    if (!isAbsent(separator) && typeof separator !== 'string') {
      throw argumentError('address.joinLines', `separator must be text, got ${JSON.stringify(separator)}`);
    }
    const lines = addressLines(value);
    if (lines === null || lines.length === 0) return null;
    return lines.join(separator ?? ', ');
  },
};

export const ADDRESS_FUNCTIONS: readonly MappingFunction[] = [
  countryToAlpha2,
  countryToAlpha3,
  countryToName,
  regionToCode,
  regionToName,
  postalCode,
  splitLines,
  joinLines,
];
