import { describe, expect, it } from 'vitest';
import { compileLookupTable, globToRegExp } from './compiled-lookup-table.ts';
import type { LookupRow, LookupTable } from './lookup-table.ts';

function table(rows: LookupRow[], defaultValue?: string): LookupTable {
  const settings = { name: 'sku-to-sage-item', description: '', keyLabel: 'SKU', rowCount: rows.length };
  return defaultValue === undefined ? { ...settings, rows } : { ...settings, rows, defaultValue };
}

describe('globToRegExp', () => {
  it.each([
    ['AP-1001-*', 'AP-1001-RED-XL', true],
    ['AP-1001-*', 'AP-1001-', true],
    ['AP-1001-*', 'XAP-1001-RED', false],
    ['AP-1001-*', 'ap-1001-red', false],
    ['SH??', 'SH01', true],
    ['SH??', 'SH1', false],
    ['SH?', 'SH🚚', true],
    ['a.b(c)+[d]', 'a.b(c)+[d]', true],
    ['a.b', 'axb', false],
    ['note*', 'note\nwith a line break', true],
  ])('%s against %j gives %s', (glob, text, matches) => {
    expect(globToRegExp(glob).test(text)).toBe(matches);
  });
});

describe('compileLookupTable', () => {
  const rows: LookupRow[] = [
    { key: 'AP-1001-*', value: 'FAMILY-1001', match: 'pattern' },
    { key: 'AP-1001-RED', value: 'ITEM-RED', match: 'exact' },
    { key: 'ups ground', value: 'UPSGND', match: 'caseInsensitive' },
    { key: 'AP-1001-BLUE', value: 'ITEM-BLUE', match: 'caseInsensitive' },
    { key: 'AP-*', value: 'ANY-AP', match: 'pattern' },
  ];
  const compiled = compileLookupTable(table(rows));

  it('matches exact keys exactly', () => {
    expect(compiled.match('AP-1001-RED')).toEqual({ found: true, value: 'ITEM-RED', matchedBy: 'exact' });
  });

  it('matches case-insensitive keys in any letter case', () => {
    expect(compiled.match('UPS Ground')).toEqual({
      found: true,
      value: 'UPSGND',
      matchedBy: 'caseInsensitive',
    });
    expect(compiled.match('ups ground')).toEqual({
      found: true,
      value: 'UPSGND',
      matchedBy: 'caseInsensitive',
    });
  });

  it('tries exact, then case-insensitive, then patterns in row order', () => {
    // Exact beats the earlier pattern row that also matches.
    expect(compiled.match('AP-1001-RED')).toMatchObject({ matchedBy: 'exact' });
    // An exact row does not match another letter case; the first matching pattern answers.
    expect(compiled.match('AP-1001-red')).toEqual({
      found: true,
      value: 'FAMILY-1001',
      matchedBy: 'pattern',
    });
    // Case-insensitive beats patterns.
    expect(compiled.match('ap-1001-blue')).toEqual({
      found: true,
      value: 'ITEM-BLUE',
      matchedBy: 'caseInsensitive',
    });
    expect(compiled.match('AP-2002')).toEqual({ found: true, value: 'ANY-AP', matchedBy: 'pattern' });
  });

  it('names the key and the table on a miss', () => {
    expect(compiled.match('XY-9999')).toEqual({
      found: false,
      reason: "SKU 'XY-9999' is not in table 'sku-to-sage-item'",
    });
  });

  it('answers a miss with the default when the table has one', () => {
    const withDefault = compileLookupTable(table(rows, 'MISC'));
    expect(withDefault.match('XY-9999')).toEqual({ found: true, value: 'MISC', matchedBy: 'default' });
    expect(withDefault.match('AP-1001-RED')).toMatchObject({ matchedBy: 'exact' });
  });

  it('does not count the default as covering a key', () => {
    const withDefault = compileLookupTable(table(rows, 'MISC'));
    expect(withDefault.covers('AP-77')).toBe(true);
    expect(withDefault.covers('XY-9999')).toBe(false);
  });

  it('keeps leading zeros and surrounding spaces significant', () => {
    const codes = compileLookupTable(table([{ key: '007', value: 'Bond', match: 'exact' }]));
    expect(codes.match('007').found).toBe(true);
    expect(codes.match('7').found).toBe(false);
    expect(codes.match('007 ').found).toBe(false);
  });
});
