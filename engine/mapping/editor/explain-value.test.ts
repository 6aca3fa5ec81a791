import { describe, expect, it } from 'vitest';
import { orderMapping, orderSamples, skuTable } from './editor-fixtures.fixture.ts';
import { explainValue } from './explain-value.ts';

const explain = (sampleIndex: number, target: string) =>
  explainValue({ mapping: orderMapping, samples: orderSamples, lookups: [skuTable], sampleIndex, target });

describe('explainValue', () => {
  it('names the source paths, the function and its argument values', async () => {
    const why = await explain(0, 'BillToName');
    expect(why.value).toBe('Mia Okafor');
    expect(why.reads.map((read) => [read.path, read.value])).toEqual([
      ['BillingFirstName', 'Mia'],
      ['BillingLastName', 'Okafor'],
    ]);
    expect(why.steps.at(-1)).toEqual({
      kind: 'function',
      name: 'text.join',
      args: [' ', 'Mia', 'Okafor'],
      value: 'Mia Okafor',
    });
  });

  it('explains a line value with the line it came from and the lookup hit', async () => {
    const why = await explain(0, 'OrderDetails[1].Item');
    expect(why.field).toBe('OrderDetails[].Item');
    expect(why.forEach).toEqual([{ target: 'OrderDetails', source: { path: 'OrderItemList' }, index: 1 }]);
    expect(why.reads).toEqual([
      { path: 'ItemID', absolutePath: 'OrderItemList[1].ItemID', value: 'OF-1004' },
    ]);
    expect(why.steps).toContainEqual({
      kind: 'lookup',
      table: 'sku-to-sage-item',
      key: 'OF-1004',
      value: 'A1-100/0',
      matchedBy: 'pattern',
    });
  });

  it('shows a lookup miss with its key and the exception reason', async () => {
    const why = await explain(1, 'OrderDetails[0].Item');
    expect(why.value).toBeNull();
    expect(why.steps).toContainEqual(
      expect.objectContaining({ kind: 'lookup', key: 'ZZ-9999', value: undefined }),
    );
    expect(why.exceptions).toEqual(["SKU 'ZZ-9999' is not in table 'sku-to-sage-item'"]);
  });

  it('reads from the root inside a line', async () => {
    const why = await explain(1, 'OrderDetails[0].Description');
    expect(why.reads).toEqual([{ path: '$root.OrderID', absolutePath: 'OrderID', value: 20053 }]);
    expect(why.value).toBe('Web order 20053');
  });

  it('says a target no mapping writes is not mapped', async () => {
    const why = await explain(0, 'OrderComment');
    expect(why).toMatchObject({ mapped: false, reads: [], steps: [] });
  });
});
