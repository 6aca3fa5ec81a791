import { readFileSync } from 'node:fs';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../contract/flow-document.ts';
import { jsonataBindings, mappingFunction } from './functions/index.ts';
import { compileMapping } from './mapping-compiler.ts';
import { createMappingEnvironment } from './mapping-environment.ts';
import { type Mapping, MappingSchema } from './mapping-model.ts';
import { mappingToJsonata } from './mapping-to-jsonata.ts';
import { generateOrders } from './testing/generate-orders.ts';
import { createSampleLookups } from './testing/sample-lookups.ts';

// The compiled mapping must mean exactly what JSONata means for the same mapping: each mapping
// is evaluated both ways over generated orders and the records compared.
const sageOrder = MappingSchema.parse(
  JSON.parse(
    readFileSync(
      new URL('../../flows/mappings/threedcart-order-to-sage300-order.mapping.json', import.meta.url),
      'utf8',
    ),
  ),
);
const everyKind: Mapping = {
  fields: [
    {
      target: 'Header.Reference',
      source: { fn: 'text.join', args: [{ value: '-' }, { path: 'InvoiceNumber' }, { path: 'OrderID' }] },
    },
    { target: 'Header.Country', source: { fn: 'address.countryAlpha3', args: [{ path: 'BillingCountry' }] } },
    { target: 'Header.Date', source: { fn: 'date.toM3', args: [{ path: 'OrderDate' }] } },
    {
      target: 'Guest',
      source: { if: { path: 'CustomerID' }, ifTrue: { value: 'no' }, ifFalse: { value: 'yes' } },
    },
    { target: 'LineCount', source: { expression: '$count(OrderItemList)' } },
    { target: 'Missing', source: { path: 'Nowhere.ToBeFound' } },
    { target: 'Skus', source: { path: 'OrderItemList.ItemID' } },
    {
      target: 'Lines',
      forEach: { path: 'OrderItemList' },
      fields: [
        { target: 'Item', source: { lookup: 'sku-to-sage-item', key: { path: 'ItemID' }, onMiss: 'null' } },
        {
          target: 'Amount',
          source: { fn: 'money.lineTotal', args: [{ path: 'ItemQuantity' }, { path: 'ItemUnitPrice' }] },
        },
        { target: 'Order', source: { path: 'OrderID', from: 'root' } },
        { target: 'Big', source: { if: { expression: 'ItemQuantity > 2' }, ifTrue: { value: true } } },
      ],
    },
  ],
};

const { resolver } = createSampleLookups(7);
const environment = createMappingEnvironment(resolver);
const bindings = {
  ...jsonataBindings(),
  lookup: (table: string, key: unknown) => {
    if (key === undefined || key === null) return null;
    const result = resolver.resolve(table, String(key));
    return result.found ? result.value : null;
  },
};

/** JSONata keeps nulls where the compiled mapping leaves the field out; compare without them. */
function withoutNulls(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value, (_key, entry) => (entry === null ? undefined : entry)) ?? 'null');
}

describe.each([
  ['3dcart order → Sage 300 order', sageOrder],
  ['every source kind', everyKind],
])('compiled mapping agrees with JSONata: %s', (_name, mapping) => {
  const expression = jsonata(mappingToJsonata(mapping, (name) => mappingFunction(name)?.jsonataName));
  const compiled = compileMapping(mapping, environment);

  it('on 300 generated orders', async () => {
    for (const order of generateOrders(11, 300)) {
      const viaJsonata = await expression.evaluate(order, { ...bindings, root: order });
      const { record } = await compiled.evaluate(order);
      expect(withoutNulls(record)).toEqual(withoutNulls(viaJsonata));
    }
  });
});
