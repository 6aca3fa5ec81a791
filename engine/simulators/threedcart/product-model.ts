import { z } from 'zod';
import { text } from './order-model.ts';

// Products as the 3dcart REST API shapes them (reference/threedcart-api.md §3 "Product",
// "ProductSKU", "AdvancedOption"). Only the fields a flow reads or writes are modelled; the real
// object has about 120 more (images, meta tags, price levels…).

export const SkuInfoSchema = z.object({
  CatalogID: z.int(),
  SKU: text,
  Name: text,
  Cost: z.number(),
  Price: z.number(),
  Currency: text,
  RetailPrice: z.number(),
  SalePrice: z.number(),
  OnSale: z.boolean(),
  // §3: a decimal, and it can be negative (oversold).
  Stock: z.number(),
});
export type SkuInfo = z.output<typeof SkuInfoSchema>;

export const AdvancedOptionSchema = z.object({
  // An option-id combination such as "12-15"; the code is the key, there is no numeric id (§3).
  AdvancedOptionCode: text,
  // Sic: the API spells it "Sufix" (§10 quirk 7). It holds the variant SKU.
  AdvancedOptionSufix: text,
  AdvancedOptionName: text,
  AdvancedOptionCost: z.number(),
  // §10 quirk 6: an int here, where SKUInfo.Stock is a decimal.
  AdvancedOptionStock: z.int(),
  AdvancedOptionWeight: z.number(),
  AdvancedOptionPrice: z.number(),
  AdvancedOptionGTIN: text,
});
export type AdvancedOption = z.output<typeof AdvancedOptionSchema>;

export const CategoryRefSchema = z.object({ CategoryID: z.int(), CategoryName: text });

/** Product fields a client may write besides SKUInfo. */
export const ProductFieldsSchema = z.object({
  MFGID: text,
  GTIN: text,
  ShortDescription: text,
  Description: text,
  ManufacturerID: z.int(),
  ManufacturerName: text,
  Hide: z.boolean(),
  NotForSale: z.boolean(),
  NonTaxable: z.boolean(),
  FreeShipping: z.boolean(),
  GiftCertificate: z.boolean(),
  HomeSpecial: z.boolean(),
  CategorySpecial: z.boolean(),
  NonSearchable: z.boolean(),
  SelfShip: z.boolean(),
  DisableRewards: z.boolean(),
  Weight: z.number(),
  InventoryControl: z.int(),
  StockAlert: z.int(),
  WarehouseLocation: text,
  WarehouseBin: text,
  WarehouseAisle: text,
  WarehouseCustom: text,
  MainImageFile: text,
  ThumbnailFile: text,
});
export type ProductFields = z.output<typeof ProductFieldsSchema>;

export type Product = { SKUInfo: SkuInfo } & ProductFields & {
    LastUpdate: string;
    DateCreated: string;
    CategoryList: z.output<typeof CategoryRefSchema>[];
    AdvancedOptionList: AdvancedOption[];
  };

/** Body of `PUT /Products/{id}` and one element of the bulk `PUT /Products`. */
export const ProductUpdateSchema = ProductFieldsSchema.partial().extend({
  SKUInfo: SkuInfoSchema.partial().optional(),
});
export type ProductUpdate = z.output<typeof ProductUpdateSchema>;

/** One element of `PUT /Products/{id}/AdvancedOptions`: the code names the variant. */
export const AdvancedOptionUpdateSchema = AdvancedOptionSchema.partial().extend({
  AdvancedOptionCode: z.string(),
});
export type AdvancedOptionUpdate = z.output<typeof AdvancedOptionUpdateSchema>;
