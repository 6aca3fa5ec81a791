import type { Order, OrderItem, Promotion } from './order-model.ts';

// Order arithmetic in whole cents, so totals match to the cent as in the real data: in 306 of 306
// recorded orders OrderAmount = Σ ItemQuantity × (ItemUnitPrice + ItemOptionPrice) − OrderDiscount
// + Σ ShipmentCost + SalesTax + SalesTax2 + SalesTax3 (reference/threedcart-api.md §3).

export function toCents(amount: number): number {
  return Math.round(amount * 100);
}

export function fromCents(cents: number): number {
  return cents / 100;
}

export function roundMoney(amount: number): number {
  return fromCents(toCents(amount));
}

/** Σ quantity × (unit price + option price), in cents. */
export function itemsSubtotalCents(items: readonly OrderItem[]): number {
  return items.reduce(
    (sum, item) =>
      sum + Math.round(item.ItemQuantity * (toCents(item.ItemUnitPrice) + toCents(item.ItemOptionPrice))),
    0,
  );
}

/** OrderAmount by the formula above. */
export function computeOrderAmount(order: Order): number {
  const shipping = order.ShipmentList.reduce((sum, shipment) => sum + toCents(shipment.ShipmentCost), 0);
  const taxes = toCents(order.SalesTax) + toCents(order.SalesTax2) + toCents(order.SalesTax3);
  return fromCents(itemsSubtotalCents(order.OrderItemList) - toCents(order.OrderDiscount) + shipping + taxes);
}

/**
 * The two discount fields, when not sent, from the promotions: those with a coupon code are
 * coupon discounts, the rest automatic promotions (§3; DOC-DEF's labels look swapped, so the
 * names are taken at face value). OrderDiscount is their sum and read-only.
 */
export function discountsOf(
  sent: { OrderDiscountCoupon?: number; OrderDiscountPromotion?: number },
  promotions: readonly Promotion[],
): { OrderDiscount: number; OrderDiscountCoupon: number; OrderDiscountPromotion: number } {
  const sum = (coupon: boolean) =>
    promotions
      .filter((promotion) => (promotion.Coupon !== '') === coupon)
      .reduce((total, promotion) => total + toCents(promotion.DiscountAmount), 0);
  const coupon = sent.OrderDiscountCoupon !== undefined ? toCents(sent.OrderDiscountCoupon) : sum(true);
  const automatic =
    sent.OrderDiscountPromotion !== undefined ? toCents(sent.OrderDiscountPromotion) : sum(false);
  return {
    OrderDiscount: fromCents(coupon + automatic),
    OrderDiscountCoupon: fromCents(coupon),
    OrderDiscountPromotion: fromCents(automatic),
  };
}
