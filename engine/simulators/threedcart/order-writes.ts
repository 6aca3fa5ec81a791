import { buildOrder } from './order-builder.ts';
import type { Order, OrderCreateInput, OrderUpdate } from './order-model.ts';
import { STATUS, setOrderStatus } from './order-status.ts';
import { computeOrderAmount, discountsOf } from './order-totals.ts';
import { takeOrderStock } from './product-stock.ts';
import type { ThreeDCartContext } from './threedcart-context.ts';
import { parseBodyDate } from './threedcart-dates.ts';
import { ApiError } from './threedcart-responses.ts';

/**
 * Creates an order as `POST /Orders` does: stored, "Order New" webhooks told, then stock taken
 * (unless `bypassorderprocessing`, §2, or the order is an abandoned checkout).
 */
export function createOrder(
  context: ThreeDCartContext,
  input: OrderCreateInput,
  bypassProcessing: boolean,
): Order {
  const now = context.now();
  const orderDate = input.OrderDate === undefined ? now : bodyDate(context, input.OrderDate, 'OrderDate');
  const order = buildOrder(context.store, context.settings.storeUrl, input, { orderDate, lastUpdate: now });
  context.store.orders.set(order.OrderID, order);
  context.emit('OrderNew', order);
  const takesStock = context.settings.decrementStockOnOrder && order.OrderStatusID !== STATUS.notCompleted;
  if (takesStock && !bypassProcessing) takeOrderStock(context, order);
  return order;
}

/**
 * A partial update (§10 quirk 9): only the fields sent change. A new OrderStatusID goes through
 * setOrderStatus so shipments follow and "Order Status Change" webhooks are told.
 */
export function updateOrder(context: ThreeDCartContext, order: Order, update: OrderUpdate): void {
  const { OrderStatusID, OrderDate, ...fields } = update;
  Object.assign(order, fields);
  if (OrderDate !== undefined) order.OrderDate = bodyDate(context, OrderDate, 'OrderDate');
  if (fields.OrderDiscountCoupon !== undefined || fields.OrderDiscountPromotion !== undefined) {
    Object.assign(order, discountsOf(order, order.PromotionList));
  }
  order.LastUpdate = context.now();
  if (OrderStatusID !== undefined) setOrderStatus(context, order, OrderStatusID);
}

/**
 * After lines or shipment costs changed. UNVERIFIED: whether 3dcart recomputes OrderAmount on such
 * edits; the sandbox does (taxes kept), so the documented total formula keeps holding.
 */
export function recomputeOrderAmount(context: ThreeDCartContext, order: Order): void {
  order.OrderAmount = computeOrderAmount(order);
  order.LastUpdate = context.now();
}

export function bodyDate(context: ThreeDCartContext, value: string, field: string): string {
  const parsed = parseBodyDate(value, context.settings.timezone);
  if (parsed === undefined) throw new ApiError(400, `${field}: '${value}' is not a valid date`);
  return parsed;
}
