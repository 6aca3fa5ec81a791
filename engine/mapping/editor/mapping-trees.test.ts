import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { mappingSchema } from '../schemas/mapping-schemas.ts';
import type { RecordSchema } from '../schemas/record-schema.ts';
import { orderSamples } from './editor-fixtures.fixture.ts';
import { relativeSource } from './editor-tree.ts';
import { buildMappingTrees } from './mapping-trees.ts';
import { buildSourceTree } from './source-tree.ts';
import { buildTargetTree } from './target-tree.ts';

function schema(id: string): RecordSchema {
  const found = mappingSchema(id);
  if (!found) throw new Error(`no schema ${id}`);
  return found;
}

describe('source tree', () => {
  const tree = buildSourceTree(schema('threedcart.Order'), orderSamples);
  const row = (path: string) => tree.find((field) => field.path === path);

  it('merges the object model with the fields seen in the samples, with example values', () => {
    expect(row('BillingEmail')).toMatchObject({
      origin: 'both',
      type: 'string',
      seenIn: 2,
      examples: ['Mia.Okafor@example.net', 'jo.nguyen2@example.com'],
      mappingPath: 'BillingEmail',
    });
    expect(row('OrderItemList')).toMatchObject({ isArray: true, origin: 'both', depth: 0 });
    expect(row('OrderItemList[].ItemID')).toMatchObject({
      parent: 'OrderItemList',
      depth: 1,
      mappingPath: 'OrderItemList.ItemID',
      examples: ['OF-1003', 'OF-1004', 'ZZ-9999'],
    });
    expect(row('CardType')).toMatchObject({ origin: 'schema', seenIn: 0, examples: [] });
  });

  it('flags fields only the samples have and lists them after the schema fields', () => {
    expect(row('GiftMessage')).toMatchObject({ origin: 'samples', type: 'string', seenIn: 1 });
    const order = tree.filter((field) => field.depth === 0).map((field) => field.path);
    expect(order.indexOf('GiftMessage')).toBe(order.length - 1);
  });

  it('lists children right after their parent, so a branch collapses by path prefix', () => {
    const index = tree.findIndex((field) => field.path === 'OrderItemList');
    const next = tree[index + 1];
    expect(next?.parent).toBe('OrderItemList');
    expect(row('OrderItemList')?.childCount).toBeGreaterThan(20);
  });

  it('infers a tree from samples alone and keeps 1,500 fields in order', () => {
    const wide: { [key: string]: JsonValue } = {};
    for (let index = 0; index < 1_500; index++) wide[`Field${index}`] = index % 2 ? `text ${index}` : index;
    const inferred = buildSourceTree(undefined, [wide, { ...wide, Extra: { Nested: [1, 2] } }]);
    expect(inferred).toHaveLength(1_502);
    expect(inferred[1]).toMatchObject({ path: 'Field1', type: 'string', origin: 'samples' });
    expect(inferred.at(-1)).toMatchObject({ path: 'Extra.Nested', isArray: true, examples: [1, 2] });
  });

  it('turns a source path into a path relative to a "for each" line', () => {
    expect(relativeSource('OrderItemList[].ItemID', 'OrderItemList')).toEqual({ path: 'ItemID' });
    expect(relativeSource('BillingEmail', 'OrderItemList')).toEqual({ path: 'BillingEmail', from: 'root' });
    expect(relativeSource('ShipmentList[].ShipmentCity', undefined)).toEqual({
      path: 'ShipmentList.ShipmentCity',
    });
  });
});

describe('target tree', () => {
  const tree = buildTargetTree(schema('sage300.OEOrder'));
  const row = (path: string) => tree.find((field) => field.path === path);

  it('carries required markers, widths and allowed values', () => {
    expect(row('CustomerNumber')).toMatchObject({ required: true, maxLength: 12, type: 'string' });
    expect(row('OrderDetails')).toMatchObject({ isArray: true, required: true, minItems: 1 });
    expect(row('OrderDetails[].LineType')).toMatchObject({
      required: true,
      allowed: ['Item', 'Miscellaneous'],
      parent: 'OrderDetails',
      depth: 1,
    });
    expect(row('OrderDetails[].Item')).toMatchObject({
      required: false,
      requiredWhen: { field: 'LineType', equals: ['Item'] },
      maxLength: 24,
    });
    expect(row('ShipToEmail')).toMatchObject({ format: 'email', maxLength: 50 });
  });

  it('lists M3 fields with their formats', () => {
    const m3 = buildTargetTree(schema('m3.OIS100MI.AddBatchHead'));
    expect(m3.find((field) => field.path === 'ORDT')).toMatchObject({ format: 'YYYYMMDD', type: 'date' });
    expect(m3.find((field) => field.path === 'CUNO')).toMatchObject({ required: true, maxLength: 10 });
  });
});

describe('buildMappingTrees', () => {
  it('builds both trees from the schema ids and names the ids it does not know', () => {
    const trees = buildMappingTrees({
      sourceSchema: 'threedcart.Order',
      targetSchema: 'nope.Record',
      samples: orderSamples,
    });
    expect(trees.source.some((field) => field.path === 'GiftMessage')).toBe(true);
    expect(trees.target).toEqual([]);
    expect(trees.unknownSchemas).toEqual(['nope.Record']);
  });
});
