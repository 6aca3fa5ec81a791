import type { JsonValue } from '../../contract/flow-document.ts';
import type { Mapping } from '../mapping-model.ts';
import type { EditorLookupTable } from './editor-inputs.ts';

// Small, readable inputs shared by the editor's tests: two 3dcart orders (one with an SKU no
// table row covers and a ship-to company too long for Sage's 60 characters), a mapping onto a
// Sage 300 order with a lookup, a function and a "for each" block, and the SKU table.

export const orderSamples: JsonValue[] = [
  {
    OrderID: 20052,
    OrderDate: '2025-03-04T16:05:43',
    BillingFirstName: 'Mia',
    BillingLastName: 'Okafor',
    BillingEmail: 'Mia.Okafor@example.net',
    BillingZipCode: '78701',
    ShipmentList: [{ ShipmentCompany: 'Okafor Studio', ShipmentCity: 'Austin' }],
    OrderItemList: [
      { ItemID: 'OF-1003', ItemQuantity: 3, ItemUnitPrice: 19.95 },
      { ItemID: 'OF-1004', ItemQuantity: 1, ItemUnitPrice: 5 },
    ],
    GiftMessage: 'Happy birthday',
  },
  {
    OrderID: 20053,
    OrderDate: '2025-03-05T09:12:30',
    BillingFirstName: 'Jo',
    BillingLastName: 'Nguyen',
    BillingEmail: 'jo.nguyen2@example.com',
    BillingZipCode: '33130',
    ShipmentList: [{ ShipmentCompany: 'N'.repeat(72), ShipmentCity: 'Miami' }],
    OrderItemList: [{ ItemID: 'ZZ-9999', ItemQuantity: 2, ItemUnitPrice: 7.5 }],
  },
];

export const skuTable: EditorLookupTable = {
  name: 'sku-to-sage-item',
  description: '',
  keyLabel: 'SKU',
  rows: [
    { key: 'OF-1003', value: 'A1-103/0', match: 'exact' },
    { key: 'OF-100?', value: 'A1-100/0', match: 'pattern' },
  ],
};

export const orderMapping: Mapping = {
  sourceSchema: 'threedcart.Order',
  targetSchema: 'sage300.OEOrder',
  fields: [
    { target: 'CustomerNumber', source: { value: 'WEBCUST' } },
    { target: 'OrderDate', source: { fn: 'date.toIsoDate', args: [{ path: 'OrderDate' }] } },
    {
      target: 'BillToName',
      source: {
        fn: 'text.join',
        args: [{ value: ' ' }, { path: 'BillingFirstName' }, { path: 'BillingLastName' }],
      },
    },
    { target: 'ShipToName', source: { path: 'ShipmentList.ShipmentCompany' } },
    {
      target: 'OrderDetails',
      forEach: { path: 'OrderItemList' },
      fields: [
        { target: 'LineType', source: { value: 'Item' } },
        { target: 'Item', source: { lookup: 'sku-to-sage-item', key: { path: 'ItemID' } } },
        { target: 'QuantityOrdered', source: { path: 'ItemQuantity' } },
        { target: 'OrderUnitPrice', source: { path: 'ItemUnitPrice' } },
        {
          target: 'Description',
          source: {
            fn: 'text.join',
            args: [{ value: ' ' }, { value: 'Web order' }, { path: 'OrderID', from: 'root' }],
          },
        },
      ],
    },
  ],
};
