// Real source → target field pairs, held out from the suggestion engine: written from the
// reference facts (erp-apis.md examples E1, E3, E4, E5 with A6/A7/B4–B6; threedcart-api.md §3)
// and kept apart from field-synonyms.ts, so measuring suggestions on them is a fair test.
// Pairs whose target is built from several fields (BillToName = first + last name) or from a
// lookup on an unrelated field (OEOrder CustomerNumber by e-mail) are left out: no single source
// field is the right answer there.

/** One case: a mapping direction and the pairs for it. `source` lists every acceptable answer. */
export interface HeldOutCase {
  sourceSchema: string;
  targetSchema: string;
  pairs: readonly { target: string; source: readonly string[] }[];
}

const pair = (target: string, ...source: string[]) => ({ target, source });

export const HELD_OUT_FIELD_PAIRS: readonly HeldOutCase[] = [
  {
    // E1: a 3dcart order as a Sage 300 OE order; A6 field names; §3 order model.
    sourceSchema: 'threedcart.Order',
    targetSchema: 'sage300.OEOrder',
    pairs: [
      pair('OrderDate', 'OrderDate'),
      pair('PurchaseOrderNumber', 'OrderID'),
      pair('OrderReference', 'OrderID', 'InvoiceNumber'),
      pair('BillToAddressLine1', 'BillingAddress'),
      pair('BillToAddressLine2', 'BillingAddress2'),
      pair('BillToCity', 'BillingCity'),
      pair('BillToStateProvince', 'BillingState'),
      pair('BillToZipPostalCode', 'BillingZipCode'),
      pair('BillToCountry', 'BillingCountry'),
      pair('BillToPhoneNumber', 'BillingPhoneNumber'),
      pair('BillToContactEmail', 'BillingEmail'),
      pair('ShipToAddressLine1', 'ShipmentList[].ShipmentAddress'),
      pair('ShipToAddressLine2', 'ShipmentList[].ShipmentAddress2'),
      pair('ShipToCity', 'ShipmentList[].ShipmentCity'),
      pair('ShipToStateProvince', 'ShipmentList[].ShipmentState'),
      pair('ShipToZipPostalCode', 'ShipmentList[].ShipmentZipCode'),
      pair('ShipToCountry', 'ShipmentList[].ShipmentCountry'),
      pair('ShipToPhoneNumber', 'ShipmentList[].ShipmentPhone'),
      pair('ShipToEmail', 'ShipmentList[].ShipmentEmail'),
      pair('ShipViaCode', 'ShipmentList[].ShipmentMethodName', 'ShipmentList[].ShipmentMethodID'),
      pair('OrderDetails[].Item', 'OrderItemList[].ItemID'),
      pair('OrderDetails[].QuantityOrdered', 'OrderItemList[].ItemQuantity'),
      pair('OrderDetails[].PricingUnitPrice', 'OrderItemList[].ItemUnitPrice'),
      pair('OrderDetails[].OrderUnitPrice', 'OrderItemList[].ItemUnitPrice'),
      pair('OrderDetails[].Description', 'OrderItemList[].ItemDescription'),
    ],
  },
  {
    // E4: AddBatchHead with CUOR=3DC-<order id> and ORDT from the order date (B4, B5).
    sourceSchema: 'threedcart.Order',
    targetSchema: 'm3.OIS100MI.AddBatchHead',
    pairs: [pair('CUOR', 'OrderID'), pair('ORDT', 'OrderDate'), pair('CUDT', 'OrderDate')],
  },
  {
    // E4: AddBatchLine per order line: ITNO the SKU, ORQT the quantity, SAPR the price (B4, B5).
    sourceSchema: 'threedcart.Order',
    targetSchema: 'm3.OIS100MI.AddBatchLine',
    pairs: [
      pair('ITNO', 'OrderItemList[].ItemID'),
      pair('ORQT', 'OrderItemList[].ItemQuantity'),
      pair('SAPR', 'OrderItemList[].ItemUnitPrice'),
      pair('ITDS', 'OrderItemList[].ItemDescription'),
      pair('CUOR', 'OrderID'),
    ],
  },
  {
    // E3: a 3dcart customer as a Sage 300 AR customer (A7; §3 customer model, Billing*1 names).
    sourceSchema: 'threedcart.Customer',
    targetSchema: 'sage300.ARCustomer',
    pairs: [
      pair('CustomerNumber', 'CustomerID'),
      pair('AddressLine1', 'BillingAddress1'),
      pair('AddressLine2', 'BillingAddress2'),
      pair('City', 'BillingCity'),
      pair('StateProvince', 'BillingState'),
      pair('ZipPostalCode', 'BillingZipCode'),
      pair('Country', 'BillingCountry'),
      pair('PhoneNumber', 'BillingPhoneNumber'),
      pair('Email', 'Email'),
    ],
  },
  {
    // E5: CRS610MI/Add from a 3dcart customer (B6: CUA1, TOWN, ECAR, PONO, CSCD, PHNO, MAIL).
    sourceSchema: 'threedcart.Customer',
    targetSchema: 'm3.CRS610MI.Add',
    pairs: [
      pair('CUNO', 'CustomerID'),
      pair('CUA1', 'BillingAddress1'),
      pair('CUA2', 'BillingAddress2'),
      pair('TOWN', 'BillingCity'),
      pair('ECAR', 'BillingState'),
      pair('PONO', 'BillingZipCode'),
      pair('CSCD', 'BillingCountry'),
      pair('PHNO', 'BillingPhoneNumber'),
      pair('MAIL', 'Email'),
    ],
  },
];
