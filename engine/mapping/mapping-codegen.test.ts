import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../contract/flow-document.ts';
import { generateMappingFunction } from './mapping-codegen.ts';
import { compileMapping } from './mapping-compiler.ts';
import { createMappingEnvironment } from './mapping-environment.ts';
import type { Mapping } from './mapping-model.ts';
import { generateOrders } from './testing/generate-orders.ts';
import { createSampleLookups } from './testing/sample-lookups.ts';

const { resolver } = createSampleLookups(5);
const environment = createMappingEnvironment(resolver);

// Nested blocks, dotted targets, root paths, paths through arrays, conditions and misses: the
// generated code must give exactly what the step-by-step compiler gives (which `explain` uses).
const mapping: Mapping = {
  fields: [
    {
      target: 'Header.Customer',
      source: { lookup: 'email-to-sage-customer', key: { path: 'BillingEmail' } },
    },
    { target: 'Header.Ship.City', source: { path: 'ShipmentList.ShipmentCity' } },
    {
      target: 'Header.Ship.Via',
      source: { lookup: 'shipping-method-to-ship-via', key: { path: 'ShipmentList.ShipmentMethodName' } },
    },
    {
      target: 'Guest',
      source: { if: { path: 'CustomerID' }, ifTrue: { value: false }, ifFalse: { value: true } },
    },
    { target: 'Prototype', source: { path: 'constructor' } },
    { target: 'Nothing', source: { path: 'Billing.Nowhere.Deep' } },
    {
      target: 'Lines',
      forEach: { path: 'OrderItemList' },
      fields: [
        { target: 'Item', source: { lookup: 'sku-to-sage-item', key: { path: 'ItemID' } } },
        {
          target: 'Total',
          source: { fn: 'money.lineTotal', args: [{ path: 'ItemQuantity' }, { path: 'ItemUnitPrice' }] },
        },
        { target: 'Order.Id', source: { path: 'OrderID', from: 'root' } },
        {
          target: 'Shipments',
          forEach: { path: 'ShipmentList', from: 'root' },
          fields: [
            {
              target: 'Via',
              source: { lookup: 'shipping-method-to-ship-via', key: { path: 'ShipmentMethodName' } },
            },
          ],
        },
      ],
    },
  ],
};

describe('generateMappingFunction', () => {
  it('gives the same records and misses as the step-by-step compiler on 300 generated orders', async () => {
    const generated = generateMappingFunction(mapping, environment);
    if (!generated) throw new Error('expected generated code for a declarative mapping');
    const compiled = compileMapping(mapping, environment);
    let misses = 0;
    for (const order of generateOrders(21, 300)) {
      const stepByStep = await compiled.explain(order);
      const fast = generated(order);
      expect(fast.record).toEqual(stepByStep.record);
      expect(fast.misses).toEqual(stepByStep.misses);
      misses += fast.misses.length;
    }
    // The generated orders contain unknown SKUs and shipping methods, so misses were compared too.
    expect(misses).toBeGreaterThan(0);
  });

  it('names the element of a miss inside nested blocks', () => {
    const order: JsonValue = {
      OrderID: 1,
      OrderItemList: [{ ItemID: 'nope', ItemQuantity: 1, ItemUnitPrice: 1 }],
      ShipmentList: [{ ShipmentMethodName: 'UPS Ground' }, { ShipmentMethodName: 'Carrier pigeon' }],
    };
    const outcome = generateMappingFunction(mapping, environment)?.(order);
    expect(outcome?.misses.map((miss) => miss.target)).toEqual(
      expect.arrayContaining(['Lines[0].Item', 'Lines[0].Shipments[1].Via']),
    );
  });

  it('never reads inherited properties such as constructor', () => {
    const outcome = generateMappingFunction(mapping, environment)?.({ OrderItemList: [] });
    expect(outcome?.record).not.toHaveProperty('Prototype');
  });

  it('leaves mappings with JSONata to the step-by-step compiler', () => {
    expect(
      generateMappingFunction({ fields: [{ target: 'x', source: { expression: '1 + 1' } }] }, environment),
    ).toBeUndefined();
  });

  it('puts nothing from the mapping into the code as code', () => {
    // A constant that would run if it were pasted into a template literal.
    const templateAttack = ['`$', '{globalThis["pwned"] = true}`'].join('');
    const hostile: Mapping = {
      fields: [
        {
          target: '"]; globalThis["pwned"] = true; //',
          source: { path: '"]; globalThis["pwned"] = true; //' },
        },
        { target: 'x', source: { value: templateAttack } },
      ],
    };
    const outcome = generateMappingFunction(
      hostile,
      environment,
    )?.({ '"]; globalThis["pwned"] = true; //': 'ok' });
    expect(outcome?.record).toEqual({
      '"]; globalThis["pwned"] = true; //': 'ok',
      x: templateAttack,
    });
    expect(Reflect.get(globalThis, 'pwned')).toBeUndefined();
  });
});
