import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { mappingFunction } from './index.ts';

function run(name: string, ...args: JsonValue[]): JsonValue {
  const definition = mappingFunction(name);
  if (!definition) throw new Error(`no mapping function ${name}`);
  return definition.implementation(...args);
}

// threedcart-api.md §4.
const NAMES: [number, string][] = [
  [1, 'New'],
  [2, 'Processing'],
  [3, 'Partial'],
  [4, 'Shipped'],
  [5, 'Cancelled'],
  [6, 'Hold'],
  [7, 'Not Completed'],
  [8, 'Custom1'],
  [9, 'Custom2'],
  [10, 'Custom3'],
  [11, 'Unpaid'],
  [12, 'Review'],
  [13, 'Review'],
];

const NOT_IDS: JsonValue[] = [0, 14, 99, -1, 4.5, '', ' ', 'Shipped', null, true, [4], {}];

describe('status.threedcartName', () => {
  it.each<[JsonValue, string | null]>([
    ...NAMES,
    ['4', 'Shipped'],
    [' 6 ', 'Hold'],
    ...NOT_IDS.map((value): [JsonValue, null] => [value, null]),
  ])('%j → %s', (id, expected) => {
    expect(run('status.threedcartName', id)).toBe(expected);
  });
});

describe('status.threedcartId', () => {
  it.each<[JsonValue, number | null]>([
    ...NAMES.filter(([id]) => id !== 12).map(([id, name]): [string, number] => [name, id]),
    ['in process', 2],
    ['Partially Shipped', 3],
    ['CANCELED', 5],
    ['Cancel', 5],
    ['On Hold', 6],
    ['not_completed', 7],
    ['Custom 1', 8],
    ['Refunded', null],
    ['', null],
    [null, null],
    [4, null],
  ])('%j → %s', (name, expected) => {
    expect(run('status.threedcartId', name)).toBe(expected);
  });
});

describe('status.threedcartToSage and status.threedcartToM3', () => {
  it.each<[JsonValue, string | null, string | null]>([
    [1, 'Active', '20'],
    [2, 'Active', '20'],
    [3, 'Active', '26'],
    [4, 'Completed', '66'],
    [5, 'Cancelled', '90'],
    [6, 'OnHold', '10'],
    [7, null, null],
    [8, null, null],
    [10, null, null],
    [11, 'OnHold', '10'],
    [12, 'OnHold', '10'],
    [13, 'OnHold', '10'],
    ['2', 'Active', '20'],
    ...NOT_IDS.map((value): [JsonValue, null, null] => [value, null, null]),
  ])('%j → Sage %s, M3 %s', (id, sage, m3) => {
    expect(run('status.threedcartToSage', id)).toBe(sage);
    expect(run('status.threedcartToM3', id)).toBe(m3);
  });
});

describe('status.m3ToThreedcart', () => {
  it.each<[JsonValue, number | null]>([
    ['00', 1],
    ['10', 1],
    ['20', 2],
    ['22', 2],
    ['33', 2],
    ['44', 2],
    ['26', 3],
    ['46', 3],
    ['47', 3],
    ['27', 3],
    ['66', 4],
    ['67', 4],
    ['77', 4],
    [77, 4],
    ['70', 4],
    ['75', 4],
    ['80', 4],
    ['60', 4],
    ['90', 5],
    ['99', 5],
    ['05', null],
    ['15', null],
    ['55', null],
    ['100', null],
    ['', null],
    ['abc', null],
    [null, null],
    [7.7, null],
    [true, null],
  ])('%j → %s', (status, expected) => {
    expect(run('status.m3ToThreedcart', status)).toBe(expected);
  });
});
