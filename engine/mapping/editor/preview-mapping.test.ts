import { describe, expect, it } from 'vitest';
import type { Mapping } from '../mapping-model.ts';
import { orderMapping, orderSamples, skuTable } from './editor-fixtures.fixture.ts';
import { previewMapping } from './preview-mapping.ts';

const preview = (mapping: Mapping = orderMapping) =>
  previewMapping({ mapping, samples: orderSamples, lookups: [skuTable] });

describe('previewMapping', () => {
  it('shows every target value of every sample, lines by index', async () => {
    const { samples } = await preview();
    expect(samples).toHaveLength(2);
    const values = Object.fromEntries(samples[0]?.values.map((value) => [value.path, value.value]) ?? []);
    expect(values).toMatchObject({
      CustomerNumber: 'WEBCUST',
      OrderDate: '2025-03-04',
      BillToName: 'Mia Okafor',
      'OrderDetails[0].Item': 'A1-103/0',
      'OrderDetails[1].Item': 'A1-100/0',
      'OrderDetails[1].QuantityOrdered': 1,
    });
    expect(samples[0]?.values.find((value) => value.path === 'OrderDetails[1].Item')?.field).toBe(
      'OrderDetails[].Item',
    );
    expect(samples[0]?.marks).toEqual([]);
    expect(samples[0]?.exceptions).toEqual([]);
  });

  it('marks a too-long value with the reason validateRecord gives', async () => {
    const { samples } = await preview();
    expect(samples[1]?.marks).toContainEqual({
      path: 'ShipToName',
      field: 'ShipToName',
      code: 'tooLong',
      message: 'ShipToName is 72 characters; Sage 300 allows 60',
    });
  });

  it('reports a lookup miss as an exception on the line it happened', async () => {
    const { samples } = await preview();
    expect(samples[1]?.exceptions).toEqual([
      {
        path: 'OrderDetails[0].Item',
        field: 'OrderDetails[].Item',
        code: 'lookupMiss',
        message: "SKU 'ZZ-9999' is not in table 'sku-to-sage-item'",
      },
    ]);
  });

  it('marks missing required fields and reports coverage when fields are unmapped', async () => {
    const mapping = {
      ...orderMapping,
      fields: orderMapping.fields.filter((f) => f.target !== 'CustomerNumber'),
    };
    const result = await preview(mapping);
    expect(result.coverage?.unmapped).toEqual(['CustomerNumber']);
    expect(result.samples[0]?.marks).toContainEqual(
      expect.objectContaining({ path: 'CustomerNumber', code: 'missing' }),
    );
  });

  it('keeps previewing other fields while one expression does not parse', async () => {
    const mapping: Mapping = {
      ...orderMapping,
      fields: [
        ...orderMapping.fields,
        { target: 'OrderComment', source: { expression: 'BillingEmail & (' } },
      ],
    };
    const result = await preview(mapping);
    expect(result.fieldErrors).toEqual([
      expect.objectContaining({ target: 'OrderComment', code: 'EXPRESSION_SYNTAX' }),
    ]);
    expect(result.samples[0]?.values.find((value) => value.path === 'BillToName')?.value).toBe('Mia Okafor');
  });

  it('evaluates JSONata fields and reports a sample the mapping fails on', async () => {
    const mapping: Mapping = {
      fields: [
        { target: 'Email', source: { expression: '$lowercase(BillingEmail)' } },
        {
          target: 'Date',
          source: { fn: 'date.toM3', args: [{ path: 'OrderDate' }, { value: 'Mars/Olympus' }] },
        },
      ],
    };
    const result = await preview(mapping);
    expect(result.samples[0]?.error?.code).toBe('MAPPING_FUNCTION_FAILED');
    const ok = await preview({ fields: mapping.fields.slice(0, 1) });
    expect(ok.samples[0]?.record).toEqual({ Email: 'mia.okafor@example.net' });
    expect(ok.coverage).toBeUndefined();
  });
});
