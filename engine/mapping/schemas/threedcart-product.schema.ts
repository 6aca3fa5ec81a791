import { date, decimal, flag, integer, list, object, text } from './field-builders.ts';
import type { FieldSpec, RecordSchema } from './record-schema.ts';

// Facts: threedcart-api.md §3 (Product, ProductSKU, AdvancedOption: names, types, widths), §8 (dates),
// §12 (example). A product has about 120 fields (§3); the ones a mapping is likely to read are listed
// and the rest pass through (unknown fields allowed on sources).

const STORE_TIME = 'storeLocalDateTime';

/** ProductSKU, the SKUInfo section (§3). Also the field source of the stock update body. */
export const THREEDCART_SKU_INFO_FIELDS: readonly FieldSpec[] = [
  integer('CatalogID', 'Product id, the key (§3)', { required: true }),
  text('SKU', 255, 'Product SKU (§3: 255)'),
  text('Name', 255, 'Product name (§3: 255)'),
  decimal('Cost', 'Cost (§3)'),
  decimal('Price', 'Price (§3)'),
  text('Currency', undefined, 'Currency, often blank (§3)'),
  decimal('RetailPrice', 'Retail (list) price (§3)'),
  decimal('SalePrice', 'Sale price (§3)'),
  flag('OnSale', 'On sale (§3)'),
  decimal('Stock', 'Stock; a decimal that can be negative (§3)'),
];

const advancedOptionFields: FieldSpec[] = [
  text('AdvancedOptionCode', 50, 'Option combination code, the key, e.g. "4-6-14" (§3: 50)'),
  text('AdvancedOptionSufix', 50, 'Variant SKU or suffix; the name is misspelt in the API (§3: 50)'),
  text('AdvancedOptionName', undefined, 'Variant name (§3)'),
  decimal('AdvancedOptionCost', 'Variant cost (§3)'),
  integer('AdvancedOptionStock', 'Variant stock, a whole number (§3)'),
  decimal('AdvancedOptionWeight', 'Variant weight (§3)'),
  decimal('AdvancedOptionPrice', 'Variant price (§3)'),
  text('AdvancedOptionGTIN', undefined, 'Variant GTIN (§3)'),
];

const warehouseFields = ['Location', 'Bin', 'Aisle', 'Custom'].map((part) =>
  text(`Warehouse${part}`, 150, `Warehouse ${part.toLowerCase()} (§3: 150)`),
);

const flagFields: FieldSpec[] = [
  'NonTaxable',
  'NotForSale',
  'Hide',
  'GiftCertificate',
  'HomeSpecial',
  'CategorySpecial',
  'NonSearchable',
  'GiftWrapItem',
  'SelfShip',
  'FreeShipping',
  'DisableRewards',
].map((name) => flag(name, `${name} flag (§3)`));

/** A product as GET /Products returns it (threedcart-api.md §3, example §12). */
export const THREEDCART_PRODUCT: RecordSchema = {
  id: 'threedcart.Product',
  title: '3dcart product',
  system: '3dcart',
  direction: 'source',
  description:
    'One element of GET /Products. Product stock is SKUInfo.Stock; variant stock is ' +
    'AdvancedOptionList[].AdvancedOptionStock and is updated elsewhere (§3, §10).',
  unknownFields: 'allow',
  fields: [
    object('SKUInfo', 'SKU, name, prices and stock (§3 ProductSKU)', THREEDCART_SKU_INFO_FIELDS, {
      required: true,
    }),
    text('MFGID', 50, 'Manufacturer part number (§3: 50)'),
    text('GTIN', 50, 'GTIN (§3: 50)'),
    text('ShortDescription', undefined, 'Short description (§3)'),
    text('Description', undefined, 'Description, HTML (§3)'),
    integer('ManufacturerID', 'Manufacturer id (§3)'),
    text('ManufacturerName', undefined, 'Manufacturer (§3)'),
    date('LastUpdate', STORE_TIME, 'Last change, store-local time (§3, §8)'),
    date('DateCreated', STORE_TIME, 'Created, store-local time (§3, §8)'),
    ...flagFields,
    ...['ShipCost', 'Weight', 'Height', 'Width', 'Depth'].map((name) => decimal(name, `${name} (§3)`)),
    integer(
      'InventoryControl',
      '-1 store default, 1 out of stock, 2 back order, 3 waiting list (§3, inferred)',
    ),
    ...['StockAlert', 'ReorderQuantity'].map((name) => integer(name, `${name} (§3)`)),
    ...warehouseFields,
    text('TaxCode', undefined, 'Tax code (§3)'),
    list('CategoryList', 'Categories (§3)', [
      integer('CategoryID', 'Category id (§3)'),
      text('CategoryName', undefined, 'Category name (§3)'),
    ]),
    list('AdvancedOptionList', 'Variants with their own SKU, price and stock (§3)', advancedOptionFields),
  ],
};
