import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { mappingFunction } from './index.ts';

function run(name: string, ...args: JsonValue[]): JsonValue {
  const definition = mappingFunction(name);
  if (!definition) throw new Error(`no mapping function ${name}`);
  return definition.implementation(...args);
}

const FAILED = expect.objectContaining({ code: 'MAPPING_FUNCTION_FAILED' });
const NOT_AMOUNTS: JsonValue[] = ['', '  ', null, 'abc', '1,234.50', '.5', true, {}, [1]];

describe('money.round', () => {
  it.each<[JsonValue[], number]>([
    [[1.005], 1.01],
    [[2.675], 2.68],
    [[1.255], 1.26],
    [[10.235], 10.24],
    [[-1.005], -1.01],
    [[0.125, 2], 0.13],
    [[1.5, 0], 2],
    [[2.5, 0], 3],
    [[-2.5, 0], -3],
    [['19.955'], 19.96],
    [[' 7 '], 7],
    [['140.000000'], 140],
    [[1e21], 1e21],
    [[1.23e-7, 6], 0],
    [[5e-7, 6], 0.000001],
    [[1234.5, 1], 1234.5],
    [[0], 0],
  ])('%j → %s', (args, expected) => {
    expect(run('money.round', ...args)).toBe(expected);
  });

  it.each(NOT_AMOUNTS.map((value) => [value]))('gives null for %j', (value) => {
    expect(run('money.round', value)).toBeNull();
  });

  it.each([[-1], [7], [1.5], ['2']])('throws for decimals %j', (decimals) => {
    expect(() => run('money.round', 1, decimals)).toThrow(FAILED);
  });
});

describe('money.lineTotal', () => {
  it.each<[JsonValue[], number | null]>([
    [[3, 19.95, 1.5], 64.35],
    [[2, 19.95], 39.9],
    [[3, 19.95, null], 59.85],
    [[0, 19.95], 0],
    [[5, 0, 0], 0],
    [['2', '19.95', '0'], 39.9],
    [[3, 0.1], 0.3],
    [[1.5, 3.33], 5],
    [[-1, 10], -10],
    [[3, 19.999, 0, 3], 59.997],
    [[null, 19.95], null],
    [['', 10], null],
    [[2, 'x'], null],
    [[2, 10, 'x'], null],
    [[true, 10], null],
  ])('%j → %s', (args, expected) => {
    expect(run('money.lineTotal', ...args)).toBe(expected);
  });
});

describe('money.sum', () => {
  it.each<[JsonValue[], number | null]>([
    [[[0.1, 0.2]], 0.3],
    [[[]], 0],
    [[5], 5],
    [[[1.005]], 1.01],
    [[['1', 2, '3.5']], 6.5],
    [[[19.95, -5]], 14.95],
    [[[1, null]], null],
    [[['a']], null],
    [[null], null],
    [[''], null],
  ])('%j → %s', (args, expected) => {
    expect(run('money.sum', ...args)).toBe(expected);
  });
});

describe('money.allocate', () => {
  it.each<[string, JsonValue[], JsonValue]>([
    ['discount by line amount', [10, [19.95, 19.95, 5]], [4.44, 4.44, 1.12]],
    ['100 % discount', [44.9, [19.95, 19.95, 5]], [19.95, 19.95, 5]],
    ['zero-amount line gets 0', [10, [50, 0, 50]], [5, 0, 5]],
    ['a cent left over', [10, [1, 1, 1]], [3.34, 3.33, 3.33]],
    ['negative amount', [-10, [1, 1, 1]], [-3.34, -3.33, -3.33]],
    ['zero amount', [0, [10, 20]], [0, 0]],
    ['zero amount over zero lines', [0, [0, 0]], [0, 0]],
    ['discount line carries no shipping', [6, [20, 10, -5]], [4, 2, 0]],
    ['credit with all lines negative', [-3, [-10, -20]], [-1, -2]],
    ['single line given as a number', [7.5, 30], [7.5]],
    ['numeric strings', ['10', ['5', '5']], [5, 5]],
    ['whole units', [10, [1, 1, 1], 0], [4, 3, 3]],
    ['amount rounded to cents first', [10.005, [1, 1]], [5.01, 5]],
    ['nothing to be proportional to', [10, [0, 0]], null],
    ['no lines', [10, []], null],
    ['bad amount', [null, [1]], null],
    ['text amount', ['x', [1]], null],
    ['missing weights', [10, null], null],
    ['bad weight', [10, [1, 'x']], null],
    ['text weights', [10, 'abc'], null],
  ])('%s: %j → %j', (_case, args, expected) => {
    expect(run('money.allocate', ...args)).toEqual(expected);
  });

  it.each<[number, number[]]>([
    [100, [33.33, 33.33, 33.34]],
    [0.01, [1, 1, 1, 1]],
    [17.99, [0.01, 1000, 3.5, 0, 12.12]],
    [-49.97, [9.99, 9.99, 9.99, 9.99, 9.99, 9.99, 9.99]],
    [1234.56, [0.1, 0.2, 0.3]],
  ])('shares of %s add up to it exactly (%j)', (amount, weights) => {
    const shares = run('money.allocate', amount, weights);
    if (!Array.isArray(shares)) throw new Error('expected shares');
    const cents = shares.reduce<number>((total, share) => total + Math.round(Number(share) * 100), 0);
    expect(cents).toBe(Math.round(amount * 100));
  });
});

describe('money.convert', () => {
  const rates = { USD: 1, EUR: 0.92, JPY: '151.37' };

  it.each<[JsonValue[], number | null]>([
    [[100, 'USD', 'EUR', rates], 92],
    [[100, 'EUR', 'USD', rates], 108.7],
    [[19.99, 'usd', ' eur ', rates], 18.39],
    [[100, 'USD', 'USD', rates], 100],
    [[1.005, 'USD', 'USD', rates], 1.01],
    [[10, 'USD', 'JPY', rates, 0], 1514],
    [[1000, 'JPY', 'EUR', rates], 6.08],
    [[-100, 'USD', 'EUR', rates], -92],
    [[0, 'USD', 'EUR', rates], 0],
    [['100', 'USD', 'EUR', rates], 92],
    [[null, 'USD', 'EUR', rates], null],
    [['', 'USD', 'EUR', rates], null],
    [['x', 'USD', 'EUR', rates], null],
  ])('%j → %s', (args, expected) => {
    expect(run('money.convert', ...args)).toBe(expected);
  });

  it.each<[string, JsonValue[]]>([
    ['unknown source currency', [1, 'GBP', 'USD', rates]],
    ['unknown target currency', [1, 'USD', 'GBP', rates]],
    ['missing currency', [1, null, 'USD', rates]],
    ['currency not text', [1, 840, 'USD', rates]],
    ['no rates', [1, 'USD', 'EUR', null]],
    ['rates as a list', [1, 'USD', 'EUR', [1, 0.92]]],
    ['zero rate', [1, 'USD', 'EUR', { USD: 1, EUR: 0 }]],
    ['text rate', [1, 'USD', 'EUR', { USD: 1, EUR: 'high' }]],
    ['bad decimals', [1, 'USD', 'EUR', rates, 9]],
  ])('throws for %s', (_case, args) => {
    expect(() => run('money.convert', ...args)).toThrow(FAILED);
  });
});
