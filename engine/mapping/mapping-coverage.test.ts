import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMapping } from './mapping-compiler.ts';
import { mappedPaths, requiredCoverage, sampleCoverage } from './mapping-coverage.ts';
import { createMappingEnvironment } from './mapping-environment.ts';
import { type Mapping, MappingSchema } from './mapping-model.ts';
import { mappingSchema } from './schemas/mapping-schemas.ts';
import { generateOrders } from './testing/generate-orders.ts';
import { createSampleLookups } from './testing/sample-lookups.ts';

const sageOrder = MappingSchema.parse(
  JSON.parse(
    readFileSync(
      new URL('../../flows/mappings/threedcart-order-to-sage300-order.mapping.json', import.meta.url),
      'utf8',
    ),
  ),
);
const oeOrder = mappingSchema('sage300.OEOrder');

describe('mapping coverage', () => {
  it('lists mapped target paths with arrays as []', () => {
    expect(mappedPaths(sageOrder)).toEqual(
      expect.arrayContaining(['CustomerNumber', 'OrderDetails', 'OrderDetails[].Item']),
    );
  });

  it('finds the required target fields a mapping leaves unmapped', () => {
    if (!oeOrder) throw new Error('schema missing');
    const partial: Mapping = {
      fields: sageOrder.fields.filter(
        (field) => field.target !== 'CustomerNumber' && field.target !== 'OrderDetails',
      ),
    };
    const full = requiredCoverage(sageOrder, oeOrder);
    expect(full.required).toContain('CustomerNumber');
    expect(full.unmapped).toEqual([]);
    // Required on Miscellaneous lines only; this mapping writes Item lines.
    expect(full.conditionalUnmapped).toContain('OrderDetails[].MiscellaneousChargesCode');
    expect(requiredCoverage(partial, oeOrder).unmapped).toEqual(expect.arrayContaining(['CustomerNumber']));
  });

  it('counts, over samples, how often each field was mapped and how often it came out empty', async () => {
    const { resolver } = createSampleLookups(7);
    const compiled = compileMapping(sageOrder, createMappingEnvironment(resolver));
    const samples = generateOrders(9, 40);
    const coverage = await sampleCoverage(sageOrder, compiled, samples);
    const byTarget = new Map(coverage.map((entry) => [entry.target, entry]));
    expect(byTarget.get('PurchaseOrderNumber')).toEqual({
      target: 'PurchaseOrderNumber',
      evaluated: 40,
      empty: 0,
    });
    // Not every generated order has a comment or a second address line.
    expect(byTarget.get('OrderDescription')?.empty).toBeGreaterThan(0);
    // Line fields are counted once per line.
    let lines = 0;
    for (const order of samples) lines += (order as { OrderItemList: unknown[] }).OrderItemList.length;
    expect(byTarget.get('OrderDetails[].QuantityOrdered')?.evaluated).toBe(lines);
    // Unknown SKUs leave Item empty on some lines.
    expect(byTarget.get('OrderDetails[].Item')?.empty).toBeGreaterThan(0);
  });
});
