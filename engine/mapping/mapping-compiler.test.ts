import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../contract/flow-document.ts';
import { compileMapping, type MappingEnvironment } from './mapping-compiler.ts';
import type { LookupResolver, MappingFunction } from './mapping-function.ts';
import type { Mapping } from './mapping-model.ts';
import { mappingToJsonata } from './mapping-to-jsonata.ts';

const upper: MappingFunction = {
  name: 'text.upper',
  jsonataName: 'textUpper',
  category: 'text',
  summary: 'Upper case',
  parameters: [{ name: 'value', type: 'string', description: 'text' }],
  example: { args: ['a'], result: 'A' },
  implementation: (value) => (typeof value === 'string' ? value.toUpperCase() : null),
};
const skus: Record<string, string> = { 'AP-1001': 'AP-1001/0', 'HM-1002': 'HM-1002/0' };
const lookups: LookupResolver = {
  resolve: (table, key) =>
    skus[key] !== undefined
      ? { found: true, value: skus[key], matchedBy: 'exact' }
      : { found: false, reason: `SKU '${key}' is not in table '${table}'` },
};
const environment: MappingEnvironment = {
  functions: (name) => (name === upper.name ? upper : undefined),
  lookups,
};

const order = {
  OrderID: 20931,
  BillingEmail: 'ann@example.com',
  BillingFirstName: 'Ann',
  OrderItemList: [
    { ItemID: 'AP-1001', ItemQuantity: 2 },
    { ItemID: 'HM-1002', ItemQuantity: 1 },
  ],
};

const salesOrder: Mapping = {
  fields: [
    { target: 'PurchaseOrderNumber', source: { expression: '"3DC-" & $string(OrderID)' } },
    { target: 'CustomerName', source: { fn: 'text.upper', args: [{ path: 'BillingFirstName' }] } },
    { target: 'Email', source: { path: 'BillingEmail' } },
    { target: 'Header.Type', source: { value: 'Active' } },
    {
      target: 'OnHold',
      source: { if: { path: 'PaymentPending' }, ifTrue: { value: 'Yes' }, ifFalse: { value: 'No' } },
    },
    {
      target: 'OrderDetails',
      forEach: { path: 'OrderItemList' },
      fields: [
        { target: 'Item', source: { lookup: 'sku-to-item', key: { path: 'ItemID' } } },
        { target: 'QuantityOrdered', source: { path: 'ItemQuantity' } },
        { target: 'Order', source: { path: 'OrderID', from: 'root' } },
      ],
    },
  ],
};

describe('compileMapping', () => {
  it('maps paths, constants, functions, conditions, lookups and line blocks', async () => {
    const outcome = await compileMapping(salesOrder, environment).evaluate(order);
    expect(outcome.misses).toEqual([]);
    expect(outcome.record).toEqual({
      PurchaseOrderNumber: '3DC-20931',
      CustomerName: 'ANN',
      Email: 'ann@example.com',
      Header: { Type: 'Active' },
      OnHold: 'No',
      OrderDetails: [
        { Item: 'AP-1001/0', QuantityOrdered: 2, Order: 20931 },
        { Item: 'HM-1002/0', QuantityOrdered: 1, Order: 20931 },
      ],
    });
  });

  it('runs synchronously when no field uses JSONata', () => {
    const compiled = compileMapping({ fields: salesOrder.fields.slice(1) }, environment);
    expect(compiled.synchronous).toBe(true);
    expect(compiled.evaluate(order)).not.toBeInstanceOf(Promise);
  });

  it('reports a lookup miss with the element path and the reason', async () => {
    const withUnknown = {
      ...order,
      OrderItemList: [...order.OrderItemList, { ItemID: 'XX-1', ItemQuantity: 1 }],
    };
    const outcome = await compileMapping(salesOrder, environment).evaluate(withUnknown);
    expect(outcome.misses).toEqual([
      { target: 'OrderDetails[2].Item', reason: "SKU 'XX-1' is not in table 'sku-to-item'" },
    ]);
    expect(outcome.record).toMatchObject({ OrderDetails: [{}, {}, { QuantityOrdered: 1 }] });
  });

  it('explains where each value came from', async () => {
    const { lineage } = await compileMapping(salesOrder, environment).explain(order);
    expect(lineage.find((entry) => entry.target === 'CustomerName')).toEqual({
      target: 'CustomerName',
      value: 'ANN',
      steps: [
        { kind: 'path', path: 'BillingFirstName', value: 'Ann' },
        { kind: 'function', name: 'text.upper', args: ['Ann'], value: 'ANN' },
      ],
    });
    expect(lineage.find((entry) => entry.target === 'OrderDetails[1].Item')?.steps).toEqual([
      { kind: 'path', path: 'ItemID', value: 'HM-1002' },
      { kind: 'lookup', table: 'sku-to-item', key: 'HM-1002', value: 'HM-1002/0', matchedBy: 'exact' },
    ]);
  });

  it('refuses an unknown function or a wrong number of arguments when compiling', () => {
    expect(() =>
      compileMapping({ fields: [{ target: 'x', source: { fn: 'nope', args: [] } }] }, environment),
    ).toThrow(/Unknown mapping function "nope"/);
    expect(() =>
      compileMapping({ fields: [{ target: 'x', source: { fn: 'text.upper', args: [] } }] }, environment),
    ).toThrow(/takes 1–1 arguments \(value\), got 0/);
  });

  it('means the same as its JSONata translation', async () => {
    const expression = mappingToJsonata(salesOrder, (name) =>
      name === upper.name ? upper.jsonataName : undefined,
    );
    const bindings: Record<string, unknown> = {
      root: order,
      textUpper: upper.implementation,
      lookup: (table: string, key: string) => {
        const result = lookups.resolve(table, key);
        return result.found ? result.value : null;
      },
    };
    const viaJsonata: JsonValue = JSON.parse(
      JSON.stringify(await jsonata(expression).evaluate(order, bindings)),
    );
    const compiled = await compileMapping(salesOrder, environment).evaluate(order);
    expect(compiled.record).toEqual(viaJsonata);
  });
});
