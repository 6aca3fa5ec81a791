import type { CatalogProduct } from '../common/seed-catalog.ts';
import type { SeededRandom } from '../common/seeded-random.ts';
import { roundMoney } from './order-totals.ts';
import type { AdvancedOption, Product } from './product-model.ts';
import { addMinutes } from './threedcart-dates.ts';

// Seed products from the shared catalog, so SKUs match the ERP simulators' items.

const CATEGORY_IDS: Readonly<Record<string, number>> = { Apparel: 11, Home: 12, Office: 13, Outdoor: 14 };
const MANUFACTURERS = ['Northwind Goods', 'Contoso Outfitters', 'Fabrikam Supply', 'Tailspin Gear'] as const;

export function seedProduct(random: SeededRandom, entry: CatalogProduct, index: number): Product {
  const catalogId = index + 1;
  const created = addMinutes('2024-06-03T09:00:00', index * 613);
  const options = variantOptions(random, entry, catalogId);
  const ownStock = random.chance(0.06)
    ? -random.integer(1, 6)
    : random.chance(0.08)
      ? 0
      : random.integer(1, 150);
  const manufacturerIndex = index % MANUFACTURERS.length;
  const image = entry.sku.toLowerCase();
  return {
    SKUInfo: {
      CatalogID: catalogId,
      SKU: entry.sku,
      Name: entry.name,
      Cost: roundMoney(entry.price * 0.55),
      Price: entry.price,
      Currency: '',
      RetailPrice: roundMoney(entry.price * 1.25),
      SalePrice: roundMoney(entry.price * 0.9),
      OnSale: random.chance(0.1),
      // With variants, the product stock is the sum of theirs at seed time; afterwards the two are
      // independent, as in 3dcart (§10 quirk 12).
      Stock:
        options.length > 0 ? options.reduce((sum, option) => sum + option.AdvancedOptionStock, 0) : ownStock,
    },
    MFGID: `MFG-${entry.sku}`,
    GTIN: String(40_000_000_000_000 + catalogId * 17),
    ShortDescription: `${entry.name} from the ${entry.category} range.`,
    Description: `<p>${entry.name}: ${entry.category.toLowerCase()} essential.</p>`,
    ManufacturerID: manufacturerIndex + 1,
    ManufacturerName: MANUFACTURERS[manufacturerIndex] ?? '',
    ...productFlags(random),
    Weight: entry.weight,
    InventoryControl: -1,
    StockAlert: 5,
    WarehouseLocation: 'Main',
    WarehouseBin: `${String.fromCharCode(65 + (index % 6))}-${(index % 40) + 1}`,
    WarehouseAisle: String((index % 12) + 1),
    WarehouseCustom: '',
    MainImageFile: `assets/images/${image}.jpg`,
    ThumbnailFile: `assets/images/thumbnails/${image}.jpg`,
    LastUpdate: addMinutes(created, random.integer(60, 120_000)),
    DateCreated: created,
    CategoryList: [{ CategoryID: CATEGORY_IDS[entry.category] ?? 10, CategoryName: entry.category }],
    AdvancedOptionList: options,
  };
}

/** The storefront flags the Products filters test (§2): a few hidden, on special, shipped free. */
function productFlags(random: SeededRandom) {
  return {
    Hide: random.chance(0.02),
    NotForSale: false,
    NonTaxable: false,
    FreeShipping: random.chance(0.1),
    GiftCertificate: false,
    HomeSpecial: random.chance(0.05),
    CategorySpecial: random.chance(0.05),
    NonSearchable: false,
    SelfShip: false,
    DisableRewards: false,
  };
}

/**
 * The catalog's variants (3 colours × 3 sizes) as advanced options. Codes are option-id
 * combinations such as "10-13" (§3: "4-6-14"); the variant SKU goes in the misspelt Sufix.
 */
function variantOptions(random: SeededRandom, entry: CatalogProduct, catalogId: number): AdvancedOption[] {
  // Six option ids per product (three colours, three sizes), unique across the store.
  const firstOptionId = catalogId * 10;
  return entry.variants.map((variant, index) => {
    const colourId = firstOptionId + Math.floor(index / 3);
    const sizeId = firstOptionId + 3 + (index % 3);
    return {
      AdvancedOptionCode: `${colourId}-${sizeId}`,
      AdvancedOptionSufix: variant.sku,
      AdvancedOptionName: variant.options,
      AdvancedOptionCost: roundMoney(entry.price * 0.55),
      AdvancedOptionStock: random.chance(0.1) ? 0 : random.integer(1, 40),
      AdvancedOptionWeight: 0,
      AdvancedOptionPrice: roundMoney(entry.price + variant.priceDelta),
      AdvancedOptionGTIN: '',
    };
  });
}
