import { describe, expect, it } from 'vitest';
import type { Mapping } from '../mapping-model.ts';
import { generateOrders } from '../testing/generate-orders.ts';
import { measureSuggestionPrecision } from '../testing/suggestion-precision.ts';
import { applySuggestions, topSuggestionsAbove } from './apply-suggestions.ts';
import { nameConcepts, nameSimilarity } from './field-names.ts';
import { suggestMappings } from './suggest-mappings.ts';
import { shapeAgreement } from './value-shapes.ts';

const orders = generateOrders(5, 20);
const toSage: Mapping = { sourceSchema: 'threedcart.Order', targetSchema: 'sage300.OEOrder', fields: [] };
const top = (mapping: Mapping, target: string) =>
  suggestMappings({ mapping, samples: orders }).find((entry) => entry.target === target)?.candidates[0];

describe('field names', () => {
  it('reads camelCase names and M3 codes as the same concepts through the synonyms', () => {
    const similarity = (left: string, right: string) =>
      nameSimilarity(nameConcepts(left), nameConcepts(right)).score;
    expect(similarity('PONO', 'ZipPostalCode')).toBe(1);
    expect(similarity('MAIL', 'EmailAddress')).toBe(1);
    expect(similarity('ITNO', 'ItemID')).toBe(1);
    expect(similarity('ORQT', 'QuantityOrdered')).toBe(1);
    expect(similarity('BillToCity', 'BillingCity')).toBe(1);
    expect(similarity('ShipToCity', 'BillingCity')).toBeLessThan(0.7);
    expect(similarity('CUNM', 'ShipmentTrackingCode')).toBe(0);
  });
});

describe('value shapes', () => {
  it('favours values of the shape the target expects and penalises the wrong one', () => {
    expect(shapeAgreement({ type: 'string', format: 'email' }, ['a@b.example', 'c@d.example'])).toBe(1);
    expect(shapeAgreement({ type: 'string', format: 'email' }, ['78701', '33130'])).toBe(-1);
    expect(shapeAgreement({ type: 'date', format: 'YYYYMMDD' }, ['2025-03-04T16:05:43'])).toBe(1);
    expect(shapeAgreement({ type: 'string', format: 'decimalString' }, ['Widget'])).toBe(-1);
    expect(shapeAgreement({ type: 'string', maxLength: 6 }, ['UPS Ground Saver'])).toBeLessThan(0);
  });
});

describe('suggestMappings', () => {
  it('ranks the synonym and line-to-line match first for unmapped targets', () => {
    expect(top(toSage, 'OrderDetails[].QuantityOrdered')).toMatchObject({
      source: 'OrderItemList[].ItemQuantity',
    });
    expect(top(toSage, 'BillToZipPostalCode')?.source).toBe('BillingZipCode');
    const email = top(toSage, 'BillToContactEmail');
    expect(email?.source).toBe('BillingEmail');
    expect(email?.reasons).toContain('values are e-mail addresses');
    expect(email?.confidence).toBeGreaterThan(0.6);
    expect(email?.confidence).toBeLessThanOrEqual(1);
  });

  it('leaves mapped targets out and never proposes a dismissed pair again', () => {
    const mapped: Mapping = {
      ...toSage,
      fields: [{ target: 'BillToCity', source: { path: 'BillingCity' } }],
    };
    const targets = suggestMappings({ mapping: mapped, samples: orders }).map((entry) => entry.target);
    expect(targets).not.toContain('BillToCity');
    const dismissed = suggestMappings({
      mapping: toSage,
      samples: orders,
      dismissed: [{ target: 'BillToZipPostalCode', source: 'BillingZipCode' }],
    }).find((entry) => entry.target === 'BillToZipPostalCode');
    expect(dismissed?.candidates.map((candidate) => candidate.source)).not.toContain('BillingZipCode');
  });

  it('gets the top suggestion right on the held-out real field pairs (precision@1)', () => {
    const { precisionAtOne, cases } = measureSuggestionPrecision();
    expect(cases.length).toBeGreaterThanOrEqual(45);
    expect(precisionAtOne).toBeGreaterThanOrEqual(0.85);
  });
});

describe('suggested conversions', () => {
  it('wraps dates for M3 and Sage and numbers for text targets, and applies the wrapper on accept', () => {
    const toM3: Mapping = {
      sourceSchema: 'threedcart.Order',
      targetSchema: 'm3.OIS100MI.AddBatchHead',
      fields: [],
    };
    const suggestions = suggestMappings({ mapping: toM3, samples: orders });
    const date = suggestions.find((entry) => entry.target === 'ORDT')?.candidates[0];
    expect(date).toMatchObject({ source: 'OrderDate', conversion: 'date.toM3' });
    expect(date?.reasons).toContain('converted with date.toM3');
    const reference = suggestions.find((entry) => entry.target === 'CUOR')?.candidates[0];
    expect(reference).toMatchObject({ source: 'OrderID', conversion: 'text.join' });
    const { mapping } = applySuggestions(toM3, topSuggestionsAbove(suggestions, 0.8));
    expect(mapping.fields).toContainEqual({
      target: 'ORDT',
      source: { fn: 'date.toM3', args: [{ path: 'OrderDate' }] },
    });
    expect(mapping.fields).toContainEqual({
      target: 'CUOR',
      source: { fn: 'text.join', args: [{ value: '' }, { path: 'OrderID' }] },
    });
    const email = suggestMappings({ mapping: toSage, samples: orders }).find(
      (entry) => entry.target === 'BillToContactEmail',
    );
    expect(email?.candidates[0]?.conversion).toBeUndefined();
  });
});

describe('applySuggestions', () => {
  it('adds accepted pairs, creating the "for each" block of a line field', () => {
    const suggestions = suggestMappings({ mapping: toSage, samples: orders });
    const accepted = topSuggestionsAbove(suggestions, 0.9);
    expect(accepted).toContainEqual({
      target: 'OrderDetails[].QuantityOrdered',
      source: 'OrderItemList[].ItemQuantity',
    });
    expect(
      accepted.every(
        (pair) => (suggestions.find((s) => s.target === pair.target)?.candidates[0]?.confidence ?? 0) >= 0.9,
      ),
    ).toBe(true);
    const { mapping, skipped } = applySuggestions(toSage, [
      { target: 'BillToCity', source: 'BillingCity' },
      { target: 'OrderDetails[].Item', source: 'OrderItemList[].ItemID' },
      { target: 'OrderDetails[].Description', source: 'CustomerComments' },
      { target: 'BillToCity', source: 'ShipmentList[].ShipmentCity' },
    ]);
    expect(mapping.fields).toEqual([
      { target: 'BillToCity', source: { path: 'BillingCity' } },
      {
        target: 'OrderDetails',
        forEach: { path: 'OrderItemList' },
        fields: [
          { target: 'Item', source: { path: 'ItemID' } },
          { target: 'Description', source: { path: 'CustomerComments', from: 'root' } },
        ],
      },
    ]);
    expect(skipped).toEqual([
      { target: 'BillToCity', source: 'ShipmentList[].ShipmentCity', reason: 'BillToCity is already mapped' },
    ]);
    expect(toSage.fields).toEqual([]);
  });
});
