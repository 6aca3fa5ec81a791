import type { SimulatorRoute } from '../common/simulator-http.ts';
import { type ApiRequest, idParam } from './api-route.ts';
import { type Product, ProductUpdateSchema, type SkuInfo } from './product-model.ts';
import { updateProduct } from './product-writes.ts';
import { FilterBuilder } from './query-filters.ts';
import type { ThreeDCartContext } from './threedcart-context.ts';
import { listResponse, MAXIMUM_LIMIT } from './threedcart-paging.ts';
import {
  ApiError,
  errorResponse,
  type ResultRow,
  resultRow,
  UPDATED_MESSAGE,
  writeResults,
} from './threedcart-responses.ts';
import { invalidMessage } from './write-rows.ts';

// `/Products` and `/Products/skuinfo` (reference/threedcart-api.md §2 "Products").

export function productRoutes(context: ThreeDCartContext): SimulatorRoute[] {
  const { route, settings, store } = context;
  const products = {
    maximum: MAXIMUM_LIMIT.products,
    noun: 'products',
    limitAboveMaximum: settings.limitAboveMaximum,
  };
  return [
    route('GET', 'Products', (request) =>
      listResponse(store.products.values(), productFilter(request.query), request.query, products),
    ),
    // UNVERIFIED: the skuinfo list is taken to share the Products maximum (200).
    route('GET', 'Products/skuinfo', (request) =>
      listResponse(
        skuInfosOf(store.products.values()),
        skuInfoFilter(request.query),
        request.query,
        products,
      ),
    ),
    // §10 quirk 1 (SHIPWORKS reads the product by id as a list).
    route('GET', 'Products/(?<catalogId>\\d+)', (request) => {
      const product = store.products.get(idParam(request, 'catalogId'));
      return product ? { status: 200, body: [product] } : errorResponse(404, 'No products found');
    }),
    route('GET', 'Products/(?<catalogId>\\d+)/skuinfo', (request) => {
      const product = store.products.get(idParam(request, 'catalogId'));
      return product ? { status: 200, body: [product.SKUInfo] } : errorResponse(404, 'No products found');
    }),
    route('PUT', 'Products/(?<catalogId>\\d+)', (request) => {
      const product = findProduct(context, request);
      updateProduct(context, product, ProductUpdateSchema.parse(request.body));
      return writeResults([resultRow('CatalogID', product.SKUInfo.CatalogID, 200, UPDATED_MESSAGE)], 200);
    }),
    route('PUT', 'Products', (request) => putProducts(context, request)),
  ];
}

/** The product named by the path; PUT to a missing one is 404 without content (§7). */
export function findProduct(context: ThreeDCartContext, request: ApiRequest): Product {
  const product = context.store.products.get(idParam(request, 'catalogId'));
  if (product === undefined) throw new ApiError(404, 'Not found', false);
  return product;
}

/**
 * Bulk update, e.g. stock: `[{"SKUInfo":{"CatalogID":311,"Stock":38}}]` (SkuVault, §2, §12). One row
 * per element keyed by CatalogID; 206 when only some succeeded.
 */
function putProducts(context: ThreeDCartContext, request: ApiRequest) {
  if (!Array.isArray(request.body)) throw new ApiError(400, 'The body must be an array of products');
  const rows = request.body.map((item): ResultRow => {
    const parsed = ProductUpdateSchema.safeParse(item);
    if (!parsed.success) return resultRow('Error', '', 400, invalidMessage(parsed.error.issues));
    const catalogId = parsed.data.SKUInfo?.CatalogID;
    if (catalogId === undefined) return resultRow('Error', '', 400, 'SKUInfo.CatalogID is required');
    const product = context.store.products.get(catalogId);
    if (product === undefined) return resultRow('CatalogID', catalogId, 404, 'Product not found');
    updateProduct(context, product, parsed.data);
    return resultRow('CatalogID', catalogId, 200, UPDATED_MESSAGE);
  });
  return writeResults(rows, 200);
}

/** §2 Products filters; the flags read `1`/`true` as set. */
function productFilter(query: ReadonlyMap<string, string>) {
  return new FilterBuilder<Product>(query)
    .equals('sku', (product) => product.SKUInfo.SKU)
    .contains('name', (product) => product.SKUInfo.Name)
    .range('costfrom', 'costto', (product) => product.SKUInfo.Cost)
    .range('pricefrom', 'priceto', (product) => product.SKUInfo.Price)
    .range('stockfrom', 'stockto', (product) => product.SKUInfo.Stock)
    .flag('hide', (product) => product.Hide)
    .flag('freeshipping', (product) => product.FreeShipping)
    .flag('onsale', (product) => product.SKUInfo.OnSale)
    .flag('nontax', (product) => product.NonTaxable)
    .flag('notforsale', (product) => product.NotForSale)
    .flag('giftcertificate', (product) => product.GiftCertificate)
    .flag('homespecial', (product) => product.HomeSpecial)
    .flag('categoryspecial', (product) => product.CategorySpecial)
    .flag('nonsearchable', (product) => product.NonSearchable)
    .flag('selfship', (product) => product.SelfShip)
    .flag('rewarddisable', (product) => product.DisableRewards)
    .dateRange('lastupdatestart', 'lastupdateend', (product) => product.LastUpdate)
    .build();
}

function skuInfoFilter(query: ReadonlyMap<string, string>) {
  return new FilterBuilder<SkuInfo>(query)
    .number('catalogid', (sku) => sku.CatalogID)
    .equals('sku', (sku) => sku.SKU)
    .contains('name', (sku) => sku.Name)
    .build();
}

function* skuInfosOf(products: Iterable<Product>): Iterable<SkuInfo> {
  for (const product of products) yield product.SKUInfo;
}
