import { date, decimal, flag, integer, list, text } from './field-builders.ts';
import type { FieldSpec, RecordSchema } from './record-schema.ts';

// Facts: erp-apis.md A6 (field names, OEORDH widths), A8 (item numbers), A10 (dates, enums by name).
// Names marked [T] in A6 come from third-party code; widths not in A6 are marked "unverified".
// Left out on purpose: OrderUniquifier (system key), OrderTotal, NumberOfLinesOnOrder,
// LastShipmentNumber, LastInvoiceNumber (computed, returned by the POST) and the fiscal year/period.

/** A6: UpdateOperation on details (S-DEV §9). */
const UPDATE_OPERATIONS = ['Unspecified', 'Insert', 'Update', 'Delete'];

const optionalField = (description: string): FieldSpec[] => [
  text('OptionalField', 12, `${description} optional field code (width 12 unverified)`, { required: true }),
  text('Value', 60, 'Optional field value (width 60 unverified)'),
];

/** Ship-to or bill-to block: A6 widths, names/addresses 60, city/state 30, zip 20, country 30, phone 30. */
function addressFields(prefix: 'ShipTo' | 'BillTo', label: string): FieldSpec[] {
  return [
    text(`${prefix}Name`, 60, `${label} name (A6: 60)`),
    ...[1, 2, 3, 4].map((line) =>
      text(`${prefix}AddressLine${line}`, 60, `${label} address line ${line} (A6: 60)`),
    ),
    text(`${prefix}City`, 30, `${label} city (A6: 30)`),
    text(`${prefix}StateProvince`, 30, `${label} state or province (A6: 30)`),
    text(`${prefix}ZipPostalCode`, 20, `${label} ZIP or postal code (A6: 20)`),
    text(
      `${prefix}Country`,
      30,
      `${label} country (A6: 30; property name unverified, view has SHPCOUNTRY/BILCOUNTRY)`,
    ),
    text(`${prefix}PhoneNumber`, 30, `${label} phone (A6: 30)`),
    text(`${prefix}Contact`, 60, `${label} contact name (width 60 unverified)`),
  ];
}

const headerFields: FieldSpec[] = [
  text('CustomerNumber', 12, 'Sage customer number (A6 CUSTOMER 12; A7 key of ARCustomers)', {
    required: true,
  }),
  text('OrderNumber', 22, 'Leave out to let OE assign the next number (A6 ORDNUMBER 22)'),
  date('OrderDate', 'isoDate', 'Order date, e.g. 2024-05-14 (A6, A10); defaults to the session date'),
  date('ExpectedShipDate', 'isoDate', 'Expected ship date (A6 [T], A10)'),
  text('OrderType', undefined, 'Order type by name, e.g. "Active" (A6 [T]; other names unverified)'),
  text('PurchaseOrderNumber', 22, "Customer's PO number (A6 PONUMBER 22)"),
  text('OrderReference', 60, 'Order reference (A6 [T]; width 60 unverified)'),
  text('OrderDescription', 60, 'Order description (A6; width 60 unverified)'),
  text('OrderComment', 250, 'Order comment (A6 [T]; width 250 unverified)'),
  text('ShipToLocationCode', 6, 'AR ship-to location code; blank for a one-off address (A6 SHIPTO 6)'),
  text('ShipViaCode', 6, 'Ship-via code (A6 [T]; width 6 unverified)'),
  ...addressFields('ShipTo', 'Ship-to'),
  text('ShipToFaxNumber', 30, 'Ship-to fax (A6: 30)'),
  text('ShipToEmail', 50, 'Ship-to e-mail (A6 SHPEMAIL 50)', { format: 'email' }),
  text('ShipToContactPhone', 30, 'Ship-to contact phone (width 30 unverified)'),
  text('ShipToContactEmail', 50, 'Ship-to contact e-mail (width 50 unverified)', { format: 'email' }),
  ...addressFields('BillTo', 'Bill-to'),
  text('BillToContactEmail', 50, 'Bill-to contact e-mail (A6 BILEMAIL 50)', { format: 'email' }),
  text('CustomerGroupCode', 6, 'Customer group (A6 [T]; width 6 unverified)'),
  flag('OnHold', 'Put the order on hold (A6 [T]; boolean type unverified)'),
  text('TermsCode', 6, 'Terms code (A6 TERMS 6)'),
  text('TaxGroup', 12, 'Tax group (A6 [T]; width 12 unverified)'),
  text('TaxAuthority1', 12, 'Tax authority 1 (A6 [T]; width 12 unverified)'),
  integer('TaxClass1', 'Customer tax class for authority 1 (A6 [T]; type unverified)'),
  text('DefaultLocationCode', 6, 'Default IC location for lines (A6 [T]; width 6 unverified)'),
  text('DefaultPriceListCode', 6, 'Default price list (A6 PRICELIST 6)'),
  text('CustomerDiscountLevel', undefined, 'Discount level by name, e.g. "Base" (A6 [T])'),
  text('OrderHomeCurrency', 3, 'Home currency (A6 [T]; width 3 unverified)'),
  text('OrderSourceCurrency', 3, 'Order currency (A6 [T]; width 3 unverified)'),
  text('OrderRateType', 2, 'Exchange rate type (A6 [T]; width 2 unverified)'),
  flag('InvoiceWillBeProduced', 'Ship and invoice in the same POST (A4, A6)'),
  flag('PostInvoice', 'Post the invoice (A6 [T])'),
  text('Salesperson1', 8, 'Salesperson code (A6 [T]; width 8 unverified)'),
  decimal('SalesPercentage1', 'Share of salesperson 1, percent (A6 [T])'),
  list('OrderOptionalFields', 'Header optional fields (A6)', optionalField('Header')),
];

const detailFields: FieldSpec[] = [
  integer('LineNumber', 'Leave out: Sage numbers lines 32, 64, 96… (A6 [T])'),
  text('LineType', undefined, 'Item or Miscellaneous (A6 [V]); required here since it decides the line', {
    required: true,
    allowed: ['Item', 'Miscellaneous'],
  }),
  text('Item', 24, 'Formatted item number, e.g. A1-105/0 (A6, A8 ITEMNO 24; formatted width unverified)', {
    requiredWhen: { field: 'LineType', equals: ['Item'] },
  }),
  text('Description', 60, 'Line description (A6 [T]; width 60 unverified)'),
  text('Location', 6, 'IC location (A6; width 6 unverified)'),
  decimal('QuantityOrdered', 'Quantity in the order unit (A6; required on Item lines, unverified)', {
    requiredWhen: { field: 'LineType', equals: ['Item'] },
  }),
  decimal('QuantityShipped', 'Ship now, with InvoiceWillBeProduced (A4, A6)'),
  flag('StockItem', 'Whether the item is stocked (A6 [T])'),
  text('OrderUnitOfMeasure', 10, 'Order unit, e.g. Ea (A6; width 10 unverified)'),
  decimal('OrderUnitConversion', 'Order unit conversion factor (A6 [T])'),
  decimal('OrderUnitPrice', 'Price per order unit (A6 [T])'),
  flag('PriceOverride', 'Use the prices sent instead of Sage pricing (A6 [T])'),
  text('PricingUnitOfMeasure', 10, 'Pricing unit (A6 [T]; width 10 unverified)'),
  decimal('PricingUnitPrice', 'Price per pricing unit (A6 [T])'),
  decimal('PricingUnitConversion', 'Pricing unit conversion factor (A6 [T])'),
  text('PriceList', 6, 'Price list (A6 PRICELIST 6)'),
  text('MiscellaneousChargesCode', 6, 'OE miscellaneous charge code, e.g. FRT (A6; width 6 unverified)', {
    requiredWhen: { field: 'LineType', equals: ['Miscellaneous'] },
  }),
  decimal('ExtendedAmount', 'Line amount; for miscellaneous charges the charge (A6)'),
  text('TaxAuthority1', 12, 'Tax authority 1 (A6 [T]; width 12 unverified)'),
  integer('TaxClass1', 'Item tax class for authority 1 (A6 [T]; type unverified)'),
  flag('TaxIncluded1', 'Price includes tax 1 (A6 [T])'),
  text('KitBOMNumber', 6, 'Kit bill of materials (A6 [T]; width 6 unverified)'),
  text('UpdateOperation', undefined, 'Detail operation for PATCH (A4)', { allowed: UPDATE_OPERATIONS }),
  list('OrderDetailOptionalFields', 'Line optional fields (A6)', [
    integer('LineNumber', 'Line the value belongs to (A6)'),
    ...optionalField('Line'),
  ]),
];

/** Body of POST OE/OEOrders: header plus OrderDetails[] (erp-apis.md A6, example E1). */
export const SAGE300_OE_ORDER: RecordSchema = {
  id: 'sage300.OEOrder',
  title: 'Sage 300 sales order (OEOrders)',
  system: 'sage300',
  direction: 'target',
  description:
    'Body of POST OE/OEOrders. Sage prices, taxes and totals lines itself unless PriceOverride is set; ' +
    'property order matters (A2).',
  unknownFields: 'reject',
  fields: [
    ...headerFields,
    list('OrderDetails', 'Order lines (A6); at least one', detailFields, { required: true, minItems: 1 }),
  ],
};
