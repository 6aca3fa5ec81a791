import type { AdvancedOption, AdvancedOptionUpdate, Product, ProductUpdate } from './product-model.ts';
import { setOptionStock, setProductStock } from './product-stock.ts';
import type { ThreeDCartContext } from './threedcart-context.ts';

/**
 * A partial product update (§10 quirk 9). Stock goes through setProductStock ("Product Stock
 * Changed"); any other change tells "Product Changed". SKUInfo.CatalogID only names the product.
 */
export function updateProduct(context: ThreeDCartContext, product: Product, update: ProductUpdate): void {
  const { SKUInfo, ...fields } = update;
  const { CatalogID: _catalogId, Stock, ...skuFields } = SKUInfo ?? {};
  const oldSku = product.SKUInfo.SKU;
  Object.assign(product, fields);
  Object.assign(product.SKUInfo, skuFields);
  if (product.SKUInfo.SKU !== oldSku) {
    context.store.forgetSku(oldSku);
    context.store.indexSkus(product);
  }
  if (Object.keys(fields).length + Object.keys(skuFields).length > 0) {
    product.LastUpdate = context.now();
    context.emit('ProductChanged', product);
  }
  if (Stock !== undefined) setProductStock(context, product, Stock);
}

/** A partial variant update; AdvancedOptionCode names the variant and cannot change. */
export function updateAdvancedOption(
  context: ThreeDCartContext,
  product: Product,
  option: AdvancedOption,
  update: AdvancedOptionUpdate,
): void {
  const { AdvancedOptionCode: _code, AdvancedOptionStock, ...fields } = update;
  const oldSuffix = option.AdvancedOptionSufix;
  Object.assign(option, fields);
  if (option.AdvancedOptionSufix !== oldSuffix) {
    context.store.forgetSku(oldSuffix);
    context.store.indexSkus(product);
  }
  if (Object.keys(fields).length > 0) {
    product.LastUpdate = context.now();
    context.emit('ProductChanged', product);
  }
  if (AdvancedOptionStock !== undefined) setOptionStock(context, product, option, AdvancedOptionStock);
}
