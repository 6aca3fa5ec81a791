import { describe, expect, it } from 'vitest';
import { formatLookupCsv, parseLookupCsv } from './lookup-csv.ts';
import type { LookupRow } from './lookup-table.ts';

const awkwardRows: LookupRow[] = [
  { key: '00123', value: '000456', match: 'exact' },
  { key: 'Smith, John', value: 'say "hello"', match: 'caseInsensitive', note: 'comma, and "quotes"' },
  { key: 'multi\nline', value: 'first\r\nsecond', match: 'exact' },
  { key: 'Müller Straße 東京 🚚', value: 'ünïcødé', match: 'exact' },
  { key: 'AP-1001-*', value: ' padded ', match: 'pattern', note: 'family' },
  { key: '=SUM(A1)', value: '', match: 'exact' },
];

describe('formatLookupCsv and parseLookupCsv', () => {
  it('round-trips commas, quotes, line breaks, unicode, empty values and leading zeros exactly', () => {
    const text = formatLookupCsv(awkwardRows);
    expect(text.startsWith('key,value,match,note\n00123,000456,exact,\n')).toBe(true);
    expect(parseLookupCsv(text)).toEqual({ ok: true, rows: awkwardRows });
    const reparsed = parseLookupCsv(text);
    expect(reparsed.ok && formatLookupCsv(reparsed.rows)).toBe(text);
  });
});

describe('parseLookupCsv', () => {
  it('reads key and value only, in any column order and header case, with a BOM and CRLF', () => {
    const text = '\uFEFFValue,KEY\r\nSage-1,sku-1\r\n\r\nSage-2,sku-2\r\n';
    expect(parseLookupCsv(text)).toEqual({
      ok: true,
      rows: [
        { key: 'sku-1', value: 'Sage-1', match: 'exact' },
        { key: 'sku-2', value: 'Sage-2', match: 'exact' },
      ],
    });
  });

  it('reports every bad row with its line number and reason, and returns no rows', () => {
    const text = [
      'key,value,match,note',
      'A,1,exact,',
      ',2,exact,', // line 3: missing key
      'B,3,fuzzy,', // line 4: unknown match mode
      'A,4,,', // line 5: duplicate of line 2
      'C,5', // line 6: too few cells
      '"D",6,pattern,fine',
      ',7,sometimes,', // line 8: two reasons
    ].join('\n');
    expect(parseLookupCsv(text)).toEqual({
      ok: false,
      problems: [
        { line: 3, message: 'The key is empty' },
        { line: 4, message: "Match 'fuzzy' is not one of exact, caseInsensitive, pattern" },
        { line: 5, message: "Key 'A' already appears on line 2" },
        { line: 6, message: 'The row has 2 cells but the header has 4; quote values that contain commas' },
        {
          line: 8,
          message: "The key is empty; match 'sometimes' is not one of exact, caseInsensitive, pattern",
        },
      ],
    });
  });

  it('counts lines inside quoted values, with LF and with CRLF', () => {
    for (const newline of ['\n', '\r\n']) {
      const text = ['key,value', '"two', 'lines",1', '', 'x,"three', 'more', 'lines"', ',bad'].join(newline);
      expect(parseLookupCsv(text)).toEqual({
        ok: false,
        problems: [{ line: 8, message: 'The key is empty' }],
      });
    }
  });

  it.each([
    ['an empty file', '', 'The file is empty; it needs a key,value[,match][,note] header'],
    [
      'no value column',
      'key,note\nA,x',
      'The header must name key and value columns (key,value[,match][,note])',
    ],
    [
      'an unknown column',
      'key,value,comment',
      "Unknown column 'comment'; the header must be key,value[,match][,note]",
    ],
    ['a repeated column', 'key,value,key', "Column 'key' appears twice"],
  ])('refuses %s', (_case, text, message) => {
    expect(parseLookupCsv(text)).toEqual({ ok: false, problems: [{ line: 1, message }] });
  });

  it('reports an unclosed quote', () => {
    expect(parseLookupCsv('key,value\nA,1\nB,"2\n')).toEqual({
      ok: false,
      problems: [{ line: 3, message: 'A quoted value starts here and is never closed with a matching "' }],
    });
  });

  it('reports a stray quote inside a value', () => {
    const parsed = parseLookupCsv('key,value\nA,12" pipe\n');
    expect(parsed).toEqual({
      ok: false,
      problems: [
        {
          line: 2,
          message: 'A " appears inside a value; wrap the whole value in quotes and double the " inside it',
        },
      ],
    });
  });
});
