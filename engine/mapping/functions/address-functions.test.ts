import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { mappingFunction } from './index.ts';

function run(name: string, ...args: JsonValue[]): JsonValue {
  const definition = mappingFunction(name);
  if (!definition) throw new Error(`no mapping function ${name}`);
  return definition.implementation(...args);
}

const FAILED = expect.objectContaining({ code: 'MAPPING_FUNCTION_FAILED' });

describe('address.countryAlpha2 / countryAlpha3 / countryName', () => {
  it.each<[JsonValue, string | null, string | null, string | null]>([
    ['United States of America', 'US', 'USA', 'United States of America'],
    ['United States', 'US', 'USA', 'United States of America'],
    ['USA', 'US', 'USA', 'United States of America'],
    ['usa', 'US', 'USA', 'United States of America'],
    ['U.S.A.', 'US', 'USA', 'United States of America'],
    ['us', 'US', 'USA', 'United States of America'],
    [840, 'US', 'USA', 'United States of America'],
    ['UK', 'GB', 'GBR', 'United Kingdom'],
    ['Great Britain', 'GB', 'GBR', 'United Kingdom'],
    ['Royaume-Uni', 'GB', 'GBR', 'United Kingdom'],
    ['Deutschland', 'DE', 'DEU', 'Germany'],
    [' germany ', 'DE', 'DEU', 'Germany'],
    ['DEU', 'DE', 'DEU', 'Germany'],
    ['276', 'DE', 'DEU', 'Germany'],
    ['36', 'AU', 'AUS', 'Australia'],
    ['Estados Unidos', 'US', 'USA', 'United States of America'],
    ['Côte d\u2019Ivoire', 'CI', 'CIV', "Cote d'Ivoire"],
    ['CA', 'CA', 'CAN', 'Canada'],
    ['Narnia', null, null, null],
    ['XX', null, null, null],
    ['ZZZ', null, null, null],
    ['', null, null, null],
    ['   ', null, null, null],
    [null, null, null, null],
    [true, null, null, null],
    [0, null, null, null],
    [3.5, null, null, null],
    [['US'], null, null, null],
  ])('%j → %s / %s / %s', (value, alpha2, alpha3, name) => {
    expect(run('address.countryAlpha2', value)).toBe(alpha2);
    expect(run('address.countryAlpha3', value)).toBe(alpha3);
    expect(run('address.countryName', value)).toBe(name);
  });
});

describe('address.regionCode', () => {
  it.each<[JsonValue[], string | null]>([
    [['California', 'US'], 'CA'],
    [['  california ', 'United States'], 'CA'],
    [['CA', 'US'], 'CA'],
    [['tx', 'USA'], 'TX'],
    [['Texas'], 'TX'],
    [['Texas', null], 'TX'],
    [['Puerto Rico', 'US'], 'PR'],
    [['District of Columbia', 'US'], 'DC'],
    [['Washington D.C.', 'US'], 'DC'],
    [['Armed Forces Europe', 'US'], 'AE'],
    [['AP', 'US'], 'AP'],
    [['Québec', 'Canada'], 'QC'],
    [['Quebec', 'CA'], 'QC'],
    [['Ontario'], 'ON'],
    [['on'], 'ON'],
    [['Newfoundland', 'CA'], 'NL'],
    [['Ontario', 'US'], null],
    // "CA" as the country is Canada, so California is not found there.
    [['California', 'CA'], null],
    [['Bavaria', 'DE'], null],
    [['California', 'Narnia'], null],
    [['UM-81', 'US'], null],
    [['Atlantis', 'US'], null],
    [[''], null],
    [[null, 'US'], null],
    [[12, 'US'], null],
    [[['TX'], 'US'], null],
  ])('%j → %s', (args, expected) => {
    expect(run('address.regionCode', ...args)).toBe(expected);
  });
});

describe('address.regionName', () => {
  it.each<[JsonValue[], string | null]>([
    [['TX', 'US'], 'Texas'],
    [['texas'], 'Texas'],
    [['qc', 'CA'], 'Quebec'],
    [['ON'], 'Ontario'],
    [['AE', 'US'], 'Armed Forces Europe'],
    [['ZZ', 'US'], null],
    [['TX', 'DE'], null],
    [['', 'US'], null],
    [[5], null],
    [[null], null],
  ])('%j → %s', (args, expected) => {
    expect(run('address.regionName', ...args)).toBe(expected);
  });
});

describe('address.postalCode', () => {
  it.each<[JsonValue[], string | null]>([
    [['12345', 'US'], '12345'],
    [[' 12345-6789 ', 'US'], '12345-6789'],
    [['123456789', 'USA'], '12345-6789'],
    [['12345 6789', 'United States'], '12345-6789'],
    [['1234', 'US'], null],
    [['12345-678', 'US'], null],
    [['ABCDE', 'US'], null],
    [['k1a0b1', 'CA'], 'K1A 0B1'],
    [['K1A-0B1', 'Canada'], 'K1A 0B1'],
    [['  m5v 3l9 ', 'CAN'], 'M5V 3L9'],
    [['D1A 0B1', 'CA'], null],
    [['K1A 0B', 'CA'], null],
    [['sw1a1aa', 'GB'], 'SW1A 1AA'],
    [['SW1A   1AA', 'UK'], 'SW1A 1AA'],
    [['ec1a 1bb', 'United Kingdom'], 'EC1A 1BB'],
    [['m1 1ae', 'GB'], 'M1 1AE'],
    [['B33 8TH', 'GB'], 'B33 8TH'],
    [['12345', 'GB'], null],
    [[' 10115 ', 'DE'], '10115'],
    [['1234  ab', 'NL'], '1234 AB'],
    [['  ab1  2cd '], 'AB1 2CD'],
    [['78701', null], '78701'],
    [['12345', 'Narnia'], null],
    [['', 'US'], null],
    [['   '], null],
    [[null, 'US'], null],
    [[12345, 'US'], null],
    [[true], null],
  ])('%j → %s', (args, expected) => {
    expect(run('address.postalCode', ...args)).toBe(expected);
  });
});

describe('address.splitLines', () => {
  const long = 'Unit 4, Riverside Business Park, 1200 North Industrial Boulevard';
  it.each<[JsonValue[], JsonValue]>([
    [['12 Main St', 4, 60], ['12 Main St']],
    [
      [['12 Main St', null, '', 'Suite 5'], 4, 60],
      ['12 Main St', 'Suite 5'],
    ],
    [
      ['12 Main St\r\nSuite 5', 4, 36],
      ['12 Main St', 'Suite 5'],
    ],
    [
      [long, 4, 60],
      ['Unit 4, Riverside Business Park, 1200 North Industrial', 'Boulevard'],
    ],
    [
      [long, 2, 36],
      ['Unit 4, Riverside Business Park,', '1200 North Industrial Boulevard'],
    ],
    // Five short lines for four slots: wrapped as one paragraph instead.
    [[['a', 'b', 'c', 'd', 'e'], 4, 36], ['a b c d e']],
    [[long, 1, 36], null],
    [['  lots   of\tspace  ', 1, 36], ['lots of space']],
    // A word longer than a line is cut into pieces.
    [
      ['Supercalifragilisticexpialidocious', 4, 10],
      ['Supercalif', 'ragilistic', 'expialidoc', 'ious'],
    ],
    [['Supercalifragilisticexpialidocious', 2, 10], null],
    [['', 4, 36], null],
    [[[], 4, 36], null],
    [[[null, ' '], 4, 36], null],
    [[null, 4, 36], null],
    [[42, 4, 36], null],
    [[['12 Main St', 5], 4, 36], null],
  ])('%j → %j', (args, expected) => {
    expect(run('address.splitLines', ...args)).toEqual(expected);
  });

  it.each<[JsonValue, JsonValue]>([
    [0, 36],
    [4, 0],
    ['4', 36],
    [4, 2.5],
    [null, 36],
    [21, 36],
  ])('throws for lineCount %j and width %j', (lineCount, width) => {
    expect(() => run('address.splitLines', '12 Main St', lineCount, width)).toThrow(FAILED);
  });
});

describe('address.joinLines', () => {
  it.each<[JsonValue[], string | null]>([
    [[['12 Main St', null, 'Suite 5']], '12 Main St, Suite 5'],
    [[['12 Main St', 'Suite 5'], ' / '], '12 Main St / Suite 5'],
    [[['12 Main St', 'Suite 5'], null], '12 Main St, Suite 5'],
    [['12 Main St'], '12 Main St'],
    [[[' 12  Main St ', '']], '12 Main St'],
    [[[]], null],
    [[''], null],
    [[null], null],
    [[5], null],
    [[[1, 2]], null],
  ])('%j → %s', (args, expected) => {
    expect(run('address.joinLines', ...args)).toBe(expected);
  });

  it('throws for a separator that is not text', () => {
    expect(() => run('address.joinLines', ['a', 'b'], 5)).toThrow(FAILED);
  });
});
