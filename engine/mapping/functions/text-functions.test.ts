import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { mappingFunction } from './index.ts';

function run(name: string, ...args: JsonValue[]): JsonValue {
  const definition = mappingFunction(name);
  if (!definition) throw new Error(`no mapping function ${name}`);
  return definition.implementation(...args);
}

const FAILED = expect.objectContaining({ code: 'MAPPING_FUNCTION_FAILED' });

describe('text.normalise', () => {
  it.each<[JsonValue[], string | null]>([
    [['  Jane   Doe  '], 'Jane Doe'],
    [['Line one\r\nLine two\ttab'], 'Line one Line two tab'],
    [['bell\u0007 and\u200B zero-width'], 'bell and zero-width'],
    [['Zoë Øster'], 'Zoë Øster'],
    [['Zoë Øster', true], 'Zoe Oster'],
    [['Straße “Nord” – 5', true], 'Strasse "Nord" - 5'],
    [['北京 Store', true], 'Store'],
    [['北京', true], null],
    [['Jane Doe', false, 4], 'Jane'],
    [['Jane Doe', false, 5], 'Jane'],
    [['😀😀😀', false, 2], '😀😀'],
    [[''], null],
    [[' \t '], null],
    [[null], null],
    [[42], null],
    [[['a']], null],
  ])('%j → %s', (args, expected) => {
    expect(run('text.normalise', ...args)).toBe(expected);
  });

  it.each<[JsonValue, JsonValue]>([
    ['yes', null],
    [false, 0],
    [false, 'ten'],
  ])('throws for ascii %j and maxWidth %j', (ascii, maxWidth) => {
    expect(() => run('text.normalise', 'x', ascii, maxWidth)).toThrow(FAILED);
  });
});

describe('text.truncate', () => {
  it.each<[JsonValue[], string | null]>([
    [['3DC-100245', 22], '3DC-100245'],
    [['  abcdef  ', 3], 'abc'],
    [['ab cd', 3], 'ab'],
    [['', 5], null],
    [[null, 5], null],
    [[12345, 3], null],
  ])('%j → %s', (args, expected) => {
    expect(run('text.truncate', ...args)).toBe(expected);
  });

  it.each([[0], [null], ['5'], [1.5]])('throws for width %j', (width) => {
    expect(() => run('text.truncate', 'abc', width)).toThrow(FAILED);
  });
});

describe('text.padStart', () => {
  it.each<[JsonValue[], string | null]>([
    [[12345, 10], '0000012345'],
    [['12345', 10], '0000012345'],
    [[' 42 ', 5, ' '], '   42'],
    [['ABC', 6, '*'], '***ABC'],
    [['1234567890', 10], '1234567890'],
    [['12345678901', 10], null],
    [[12.5, 10], null],
    [['', 5], null],
    [[null, 5], null],
    [[true, 5], null],
  ])('%j → %s', (args, expected) => {
    expect(run('text.padStart', ...args)).toBe(expected);
  });

  it.each<[JsonValue, JsonValue]>([
    [0, '0'],
    [5, '00'],
    [5, ''],
    [5, 0],
  ])('throws for width %j and fill %j', (width, fill) => {
    expect(() => run('text.padStart', '1', width, fill)).toThrow(FAILED);
  });
});

describe('text.upper', () => {
  it.each<[JsonValue, string | null]>([
    [' lamp-001 ', 'LAMP-001'],
    ['straße', 'STRASSE'],
    ['i', 'I'],
    ['', null],
    [null, null],
    [7, null],
  ])('%j → %s', (value, expected) => {
    expect(run('text.upper', value)).toBe(expected);
  });
});

describe('text.join', () => {
  it.each<[JsonValue[], string | null]>([
    [[' ', 'Ann', 'Lee'], 'Ann Lee'],
    [['', '3DC-', 20931], '3DC-20931'],
    [[' ', 'Ann', null, '  Lee '], 'Ann Lee'],
    [[', ', 'Suite 5', '', 'Main St'], 'Suite 5, Main St'],
    [[' ', null, null], null],
    [[' ', { a: 1 }, ['x']], null],
  ])('%j → %s', (args, expected) => {
    expect(run('text.join', ...args)).toBe(expected);
  });

  it('refuses a separator that is not text', () => {
    expect(() => run('text.join', 1, 'a', 'b')).toThrow(FAILED);
  });
});
