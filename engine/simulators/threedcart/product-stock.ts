import type { Order } from './order-model.ts';
import type { AdvancedOption, Product } from './product-model.ts';
import type { ThreeDCartContext } from './threedcart-context.ts';
import type { SkuTarget } from './threedcart-store.ts';

// Inventory lives in two places (reference/threedcart-api.md §10 quirk 12): the product's
// SKUInfo.Stock (a decimal) and each variant's AdvancedOptionStock (an int), written through
// different endpoints. They are independent: changing a variant does not touch the product stock.

/** Sets a product's stock; tells "Product Stock Changed" webhooks when it changed. */
export function setProductStock(context: ThreeDCartContext, product: Product, stock: number): void {
  if (product.SKUInfo.Stock === stock) return;
  product.SKUInfo.Stock = stock;
  product.LastUpdate = context.now();
  context.emit('ProductStockChanged', product);
}

/** Sets a variant's stock (whole units); tells "Product Stock Changed" webhooks when it changed. */
export function setOptionStock(
  context: ThreeDCartContext,
  product: Product,
  option: AdvancedOption,
  stock: number,
): void {
  const units = Math.round(stock);
  if (option.AdvancedOptionStock === units) return;
  option.AdvancedOptionStock = units;
  product.LastUpdate = context.now();
  context.emit('ProductStockChanged', product);
}

/**
 * Takes the stock an order's lines sold. Stock may go negative (oversold, §3). One webhook per
 * product touched, after all its lines are taken.
 */
export function takeOrderStock(context: ThreeDCartContext, order: Order): void {
  const changed = new Set<Product>();
  for (const item of order.OrderItemList) {
    const byCatalogId = context.store.products.get(item.CatalogID);
    const target: SkuTarget | undefined =
      context.store.findSku(item.ItemID) ?? (byCatalogId && { product: byCatalogId });
    if (target === undefined) continue;
    if (target.option !== undefined) {
      target.option.AdvancedOptionStock -= Math.round(item.ItemQuantity);
    } else {
      target.product.SKUInfo.Stock -= item.ItemQuantity;
    }
    changed.add(target.product);
  }
  const now = context.now();
  for (const product of changed) {
    product.LastUpdate = now;
    context.emit('ProductStockChanged', product);
  }
}
