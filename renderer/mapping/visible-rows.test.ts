import { describe, expect, it } from 'vitest';
import { type TreeRow, visibleIndexOf, visibleRows } from './visible-rows.ts';

const row = (path: string, parent: string, depth: number, childCount = 0): TreeRow => ({
  path,
  name: path.slice(path.lastIndexOf('.') + 1),
  parent,
  depth,
  childCount,
});
const rows = [
  row('OrderID', '', 0),
  row('OrderItemList', '', 0, 2),
  row('OrderItemList[].ItemID', 'OrderItemList', 1),
  row('OrderItemList[].ItemQuantity', 'OrderItemList', 1),
  row('BillingEmail', '', 0),
];

describe('visible tree rows', () => {
  it('hides the rows under a collapsed row and keeps what follows it', () => {
    const shown = visibleRows(rows, new Set(['OrderItemList']), '').map((entry) => entry.path);
    expect(shown).toEqual(['OrderID', 'OrderItemList', 'BillingEmail']);
  });

  it('keeps matching rows with their ancestors when filtering, collapsed or not', () => {
    const shown = visibleRows(rows, new Set(['OrderItemList']), 'quantity').map((entry) => entry.path);
    expect(shown).toEqual(['OrderItemList', 'OrderItemList[].ItemQuantity']);
  });

  it('draws a hidden row at its nearest visible ancestor', () => {
    const shown = visibleRows(rows, new Set(['OrderItemList']), '');
    const indexByPath = new Map(shown.map((entry, index) => [entry.path, index]));
    const parentOf = new Map(rows.map((entry) => [entry.path, entry.parent]));
    expect(visibleIndexOf('OrderItemList[].ItemID', indexByPath, parentOf)).toBe(1);
    expect(visibleIndexOf('Nope', indexByPath, parentOf)).toBeUndefined();
  });

  it('handles 5,000 rows', () => {
    const many = Array.from({ length: 5_000 }, (_, index) => row(`Field${index}`, '', 0));
    expect(visibleRows(many, new Set(), 'field4999')).toHaveLength(1);
  });
});
