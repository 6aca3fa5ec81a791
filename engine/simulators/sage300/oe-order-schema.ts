import { updateOperation } from './detail-operations.ts';
import {
  choice,
  date,
  type EntitySchema,
  type FieldDefinition,
  flag,
  list,
  number,
  text,
} from './sage300-fields.ts';

// OE/OEOrders (OE0520 OEORDH, details OE0500 OEORDD), erp-apis.md A6. Field names are those of the
// Sage samples and third-party connectors; widths from S-AOM OEORDH/OEORDH1: ORDNUMBER 22, CUSTOMER 12,
// SHIPTO 6, PONUMBER 22, TERMS 6, PRICELIST 6, names and addresses 60, city and state 30, zip 20,
// country and phone 30, e-mails 50. Fields marked [U] below are assumed from the view, not seen.

/** The parts of a ship-to or bill-to address, by property suffix, with the customer field each defaults from. */
export const ADDRESS_PARTS: readonly (readonly [suffix: string, width: number, customerField: string])[] = [
  ['Name', 60, 'CustomerName'],
  ['AddressLine1', 60, 'AddressLine1'],
  ['AddressLine2', 60, 'AddressLine2'],
  ['AddressLine3', 60, 'AddressLine3'],
  ['AddressLine4', 60, 'AddressLine4'],
  ['City', 30, 'City'],
  ['StateProvince', 30, 'StateProvince'],
  ['ZipPostalCode', 20, 'ZipPostalCode'],
  // ShipToCountry/BillToCountry are presumed from SHPCOUNTRY/BILCOUNTRY [U].
  ['Country', 30, 'Country'],
  ['PhoneNumber', 30, 'PhoneNumber'],
  ['FaxNumber', 30, 'FaxNumber'],
  // BillToEmail mirrors ShipToEmail (OEORDH1 BILEMAIL) [U].
  ['Email', 50, 'Email'],
  ['Contact', 60, 'ContactName'],
  ['ContactPhone', 30, 'ContactsPhone'],
  ['ContactEmail', 50, 'ContactsEmail'],
];

function addressFields(prefix: 'ShipTo' | 'BillTo'): Record<string, FieldDefinition> {
  return Object.fromEntries(ADDRESS_PARTS.map(([suffix, width]) => [`${prefix}${suffix}`, text(width)]));
}

const optionalFieldSchema: EntitySchema = {
  name: 'OrderOptionalField',
  fields: { OptionalField: text(12), Value: text(60), UpdateOperation: updateOperation },
};

const detailOptionalFieldSchema: EntitySchema = {
  name: 'OrderDetailOptionalField',
  fields: {
    LineNumber: number(),
    OptionalField: text(12),
    Value: text(60),
    UpdateOperation: updateOperation,
  },
};

export const orderDetailSchema: EntitySchema = {
  name: 'OrderDetail',
  fields: {
    OrderUniquifier: number(),
    LineNumber: number(),
    LineType: choice(['Item', 'Miscellaneous']),
    Item: text(24),
    Description: text(60),
    Location: text(6),
    StockItem: flag(true),
    QuantityOrdered: number(),
    OriginalQuantityOrdered: number(),
    QuantityShipped: number(),
    QuantityBackordered: number(),
    QuantityCommitted: number(),
    OrderUnitOfMeasure: text(10),
    OrderUnitConversion: number(1),
    OrderUnitPrice: number(),
    PriceOverride: flag(),
    PricingUnitOfMeasure: text(10),
    PricingUnitPrice: number(),
    PricingUnitConversion: number(1),
    PriceList: text(6),
    MiscellaneousChargesCode: text(6),
    ExtendedAmount: number(),
    TaxAuthority1: text(12),
    TaxClass1: number(1),
    TaxIncluded1: flag(),
    KitBOMNumber: text(16),
    DetailNumber: number(),
    UpdateOperation: updateOperation,
    OrderDetailOptionalFields: list(detailOptionalFieldSchema),
  },
};

export const orderSchema: EntitySchema = {
  name: 'OEOrder',
  fields: {
    OrderUniquifier: number(),
    OrderNumber: text(22),
    CustomerNumber: text(12),
    CustomerGroupCode: text(6),
    OrderDate: date(),
    ExpectedShipDate: date(),
    OrderType: choice(['Active', 'Future', 'Standing', 'Quote']),
    OrderDescription: text(60),
    OrderReference: text(60),
    PurchaseOrderNumber: text(22),
    OrderComment: text(250),
    OnHold: flag(),
    ShipToLocationCode: text(6),
    ShipViaCode: text(6),
    ...addressFields('ShipTo'),
    ...addressFields('BillTo'),
    TermsCode: text(6),
    TaxGroup: text(12),
    TaxAuthority1: text(12),
    TaxClass1: number(1),
    DefaultLocationCode: text(6),
    DefaultPriceListCode: text(6),
    CustomerDiscountLevel: choice(['Base', 'Level1', 'Level2', 'Level3', 'Level4', 'Level5']),
    OrderFiscalYear: text(4),
    OrderFiscalPeriod: number(),
    OrderHomeCurrency: text(3),
    OrderSourceCurrency: text(3),
    OrderRateType: text(2),
    Salesperson1: text(8),
    SalesPercentage1: number(),
    InvoiceWillBeProduced: flag(),
    PostInvoice: flag(),
    NumberOfLinesOnOrder: number(),
    // OrderSubtotal (INVSUBTOT) and TaxAmount1 (TAMOUNT1) are named after the view fields [U].
    OrderSubtotal: number(),
    TaxAmount1: number(),
    OrderTotal: number(),
    OrderCompleted: choice(['Incomplete', 'Complete']),
    LastShipmentNumber: text(22),
    LastInvoiceNumber: text(22),
    UpdateOperation: updateOperation,
    OrderOptionalFields: list(optionalFieldSchema),
    OrderDetails: list(orderDetailSchema),
  },
};
