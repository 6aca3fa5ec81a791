import { describe, expect, it } from 'vitest';
import type { Mapping } from '../../engine/contract/mapping-document.ts';
import {
  findField,
  mapByDrop,
  mappedTargets,
  mappingOf,
  removeField,
  setSource,
  sourcePathsOf,
} from './mapping-edits.ts';

const empty: Mapping = { sourceSchema: 'threedcart.Order', targetSchema: 'sage300.OEOrder', fields: [] };
const drop = (
  mapping: Mapping,
  source: string,
  target: string,
  arrays: { source?: boolean; target?: boolean } = {},
) =>
  mapByDrop(mapping, {
    source,
    target,
    sourceIsArray: arrays.source ?? false,
    targetIsArray: arrays.target ?? false,
  });

describe('mapping edits', () => {
  it('reads the mapping from node parameters, ignoring the node-only ones', () => {
    expect(
      mappingOf({
        targetSchema: 'sage300.OEOrder',
        sourceSchema: '',
        validateTarget: true,
        fields: [{ target: 'A', source: { path: 'B' } }],
      }),
    ).toEqual({ targetSchema: 'sage300.OEOrder', fields: [{ target: 'A', source: { path: 'B' } }] });
    expect(mappingOf({ fields: 'broken' })).toEqual({ fields: [] });
  });

  it('maps a dropped field, replacing an earlier mapping of the same target', () => {
    const once = drop(empty, 'BillingCity', 'BillToCity');
    const twice = drop(once, 'ShipmentList[].ShipmentCity', 'BillToCity');
    expect(twice.fields).toEqual([{ target: 'BillToCity', source: { path: 'ShipmentList.ShipmentCity' } }]);
    expect(empty.fields).toEqual([]);
  });

  it('creates a "for each line" block when a list is dropped on a list, and line fields inside it', () => {
    let mapping = drop(empty, 'OrderItemList', 'OrderDetails', { source: true, target: true });
    mapping = drop(mapping, 'OrderItemList[].ItemID', 'OrderDetails[].Item');
    mapping = drop(mapping, 'BillingEmail', 'OrderDetails[].Description');
    expect(mapping.fields).toEqual([
      {
        target: 'OrderDetails',
        forEach: { path: 'OrderItemList' },
        fields: [
          { target: 'Item', source: { path: 'ItemID' } },
          { target: 'Description', source: { path: 'BillingEmail', from: 'root' } },
        ],
      },
    ]);
    expect(findField(mapping, 'OrderDetails[].Item')).toEqual({ target: 'Item', source: { path: 'ItemID' } });
    expect(mappedTargets(mapping).map((entry) => entry.target)).toEqual([
      'OrderDetails',
      'OrderDetails[].Item',
      'OrderDetails[].Description',
    ]);
  });

  it('creates the block over the source list when a line field is mapped first', () => {
    const mapping = drop(empty, 'OrderItemList[].ItemQuantity', 'OrderDetails[].QuantityOrdered');
    expect(mapping.fields).toEqual([
      {
        target: 'OrderDetails',
        forEach: { path: 'OrderItemList' },
        fields: [{ target: 'QuantityOrdered', source: { path: 'ItemQuantity' } }],
      },
    ]);
  });

  it('lists the source paths a mapping reads, through functions and lookups', () => {
    const field = {
      target: 'Item',
      source: {
        fn: 'text.join',
        args: [
          { value: '-' },
          { lookup: 'sku', key: { path: 'ItemID' } },
          { path: 'OrderID', from: 'root' as const },
        ],
      },
    };
    expect(sourcePathsOf(field, 'OrderItemList')).toEqual(['OrderItemList.ItemID', 'OrderID']);
  });

  it('sets a constant or an expression and removes fields', () => {
    let mapping = setSource(empty, 'LineType', { value: 'Item' });
    mapping = setSource(mapping, 'OrderComment', { expression: '$uppercase(CustomerComments)' });
    expect(findField(mapping, 'OrderComment')).toEqual({
      target: 'OrderComment',
      source: { expression: '$uppercase(CustomerComments)' },
    });
    expect(removeField(mapping, 'LineType').fields.map((field) => field.target)).toEqual(['OrderComment']);
  });
});
