import type { JsonValue } from '../../contract/flow-document.ts';
import { PAGE_MAXIMUM, type ThreeDCartClient } from './threedcart-client.ts';
import {
  type AdvancedOptionKeys,
  AdvancedOptionKeysSchema,
  type Checked,
  checkRecord,
  type ProductKeys,
  ProductKeysSchema,
} from './threedcart-records.ts';

// A SKU in 3dcart is either a product's SKUInfo.SKU or a variant's AdvancedOptionSufix
// (reference/threedcart-api.md §3, §10 quirk 12). `GET /Products?sku=` filters on the product SKU
// only (§2), so a variant SKU is found through its product: variant SKUs extend the product SKU in
// practice ("DRL-18V" → "DRL-18V-BLK", §12), so the lookup tries the SKU with trailing `-…` parts
// removed, and can fall back to reading the whole catalog. SKUs compare ignoring case, as the
// store's SQL Server collation does.

/** Where a SKU's stock lives: the product, or one of its variants. */
export interface SkuTarget {
  /** The SKU as asked for. */
  sku: string;
  product: Checked<ProductKeys>;
  /** The variant (advanced option) whose AdvancedOptionSufix is the SKU. */
  variant?: Checked<AdvancedOptionKeys>;
}

/** How SKUs are looked up: one by one, by reading the catalog once, or by their number (auto). */
export type SkuLookup = 'auto' | 'bySku' | 'catalogScan';

/** Above this many SKUs, `auto` reads the catalog (200 products a call) instead of one call per SKU. */
export const AUTO_SCAN_THRESHOLD = 25;
/** How many trailing `-…` parts are removed to find a variant's product. */
const PARENT_STEPS = 3;

/** The product or variant with this SKU, or undefined; with `catalogScan` it reads the catalog last. */
export async function findProductBySku(
  client: ThreeDCartClient,
  sku: string,
  options: { catalogScan: boolean },
): Promise<SkuTarget | undefined> {
  for (const candidate of [sku, ...parentSkus(sku)]) {
    for (const row of await client.read('Products', { sku: candidate })) {
      const target = matchProduct(checkProduct(row), sku);
      if (target) return target;
    }
  }
  if (!options.catalogScan) return undefined;
  return (await scanCatalog(client, new Set([sku.toLowerCase()]))).get(sku.toLowerCase());
}

/** Targets of many SKUs, keyed by SKU in lower case; unknown SKUs are absent. */
export async function resolveSkus(
  client: ThreeDCartClient,
  skus: readonly string[],
  lookup: SkuLookup,
): Promise<Map<string, SkuTarget>> {
  const wanted = new Set(skus.map((sku) => sku.toLowerCase()));
  const scan = lookup === 'catalogScan' || (lookup === 'auto' && wanted.size > AUTO_SCAN_THRESHOLD);
  if (scan) return scanCatalog(client, wanted);
  const found = new Map<string, SkuTarget>();
  for (const sku of new Set(skus)) {
    if (found.has(sku.toLowerCase())) continue;
    const target = await findProductBySku(client, sku, { catalogScan: false });
    if (target) found.set(sku.toLowerCase(), target);
  }
  return found;
}

/** Reads every product once, page by page, keeping the products and variants with wanted SKUs. */
async function scanCatalog(
  client: ThreeDCartClient,
  wanted: ReadonlySet<string>,
): Promise<Map<string, SkuTarget>> {
  const found = new Map<string, SkuTarget>();
  for await (const row of client.list('Products', {}, { maximum: PAGE_MAXIMUM.products })) {
    const product = checkProduct(row);
    for (const target of targetsOf(product)) {
      const key = target.sku.toLowerCase();
      if (wanted.has(key) && !found.has(key)) found.set(key, target);
    }
    if (found.size === wanted.size) break;
  }
  return found;
}

function checkProduct(row: JsonValue): Checked<ProductKeys> {
  return checkRecord(row, ProductKeysSchema, 'product');
}

/** The product itself and each of its variants, each under its own SKU. */
function targetsOf(product: Checked<ProductKeys>): SkuTarget[] {
  const targets: SkuTarget[] = [{ sku: product.keys.SKUInfo.SKU, product }];
  for (const variant of variantsOf(product)) {
    const sku = variant.keys.AdvancedOptionSufix;
    if (sku) targets.push({ sku, product, variant });
  }
  return targets;
}

function matchProduct(product: Checked<ProductKeys>, sku: string): SkuTarget | undefined {
  const wanted = sku.toLowerCase();
  const target = targetsOf(product).find((candidate) => candidate.sku.toLowerCase() === wanted);
  return target && { ...target, sku };
}

function variantsOf(product: Checked<ProductKeys>): Checked<AdvancedOptionKeys>[] {
  const list = product.json.AdvancedOptionList;
  if (!Array.isArray(list)) return [];
  return list.map((option) => checkRecord(option, AdvancedOptionKeysSchema, 'advanced option'));
}

/** "A-1-RED-M" → ["A-1-RED", "A-1", "A"], at most {@link PARENT_STEPS}. */
export function parentSkus(sku: string): string[] {
  const parents: string[] = [];
  let current = sku;
  while (parents.length < PARENT_STEPS) {
    const cut = current.lastIndexOf('-');
    if (cut <= 0) break;
    current = current.slice(0, cut);
    parents.push(current);
  }
  return parents;
}
