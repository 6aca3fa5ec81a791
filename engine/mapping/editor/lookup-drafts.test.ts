import { describe, expect, it } from 'vitest';
import { formatLookupCsv, parseLookupCsv } from '../lookups/lookup-csv.ts';
import { orderMapping, orderSamples, skuTable } from './editor-fixtures.fixture.ts';
import {
  lookupTableFromValues,
  lookupTablesUsed,
  uncoveredSourceValues,
  unmappedLookupValues,
} from './lookup-drafts.ts';

describe('lookup drafts', () => {
  it('finds the keys the samples looked up that no row covers', async () => {
    expect(lookupTablesUsed(orderMapping.fields)).toEqual(['sku-to-sage-item']);
    const unmapped = await unmappedLookupValues({
      mapping: orderMapping,
      samples: orderSamples,
      lookups: [skuTable],
    });
    expect(unmapped).toEqual([
      {
        table: 'sku-to-sage-item',
        exists: true,
        values: [{ key: 'ZZ-9999', count: 1, targets: ['OrderDetails[].Item'] }],
      },
    ]);
  });

  it('counts keys only the default answered as unmapped, and every key of a missing table', async () => {
    const withDefault = { ...skuTable, defaultValue: 'MISC' };
    const [covered] = await unmappedLookupValues({
      mapping: orderMapping,
      samples: orderSamples,
      lookups: [withDefault],
    });
    expect(covered?.values.map((value) => value.key)).toEqual(['ZZ-9999']);
    const [missing] = await unmappedLookupValues({
      mapping: orderMapping,
      samples: orderSamples,
      lookups: [],
    });
    expect(missing).toMatchObject({ exists: false });
    expect(missing?.values.map((value) => value.key)).toEqual(['OF-1003', 'OF-1004', 'ZZ-9999']);
  });

  it('lists source values a table does not cover and drafts rows for them', () => {
    expect(uncoveredSourceValues(orderSamples, 'OrderItemList.ItemID', skuTable)).toEqual(['ZZ-9999']);
    expect(uncoveredSourceValues(orderSamples, 'ShipmentList.ShipmentCity')).toEqual(['Austin', 'Miami']);
    const extended = lookupTableFromValues({
      name: 'sku-to-sage-item',
      values: ['ZZ-9999', 'OF-1003'],
      existing: skuTable,
    });
    expect(extended.rows.map((row) => row.key)).toEqual(['OF-1003', 'OF-100?', 'ZZ-9999']);
    const fresh = lookupTableFromValues({
      name: 'city-to-territory',
      keyLabel: 'City',
      values: ['Austin', 'Miami'],
    });
    expect(fresh).toMatchObject({ name: 'city-to-territory', keyLabel: 'City' });
    const csv = formatLookupCsv(fresh.rows);
    expect(parseLookupCsv(csv)).toEqual({ ok: true, rows: fresh.rows });
  });
});
