import type {
  Order,
  OrderCreateInput,
  OrderFields,
  OrderItem,
  Shipment,
  Transaction,
} from './order-model.ts';
import {
  ITEM_TEMPLATE,
  ORDER_TEMPLATE,
  PROMOTION_TEMPLATE,
  QUESTION_TEMPLATE,
  SHIPMENT_TEMPLATE,
  TRANSACTION_TEMPLATE,
} from './order-templates.ts';
import { computeOrderAmount, discountsOf, roundMoney } from './order-totals.ts';
import type { SkuTarget, ThreeDCartStore } from './threedcart-store.ts';

type ShipmentInput = NonNullable<OrderCreateInput['ShipmentList']>[number];
type ItemInput = OrderCreateInput['OrderItemList'][number];
type TransactionInput = NonNullable<OrderCreateInput['TransactionList']>[number];

export interface OrderStamps {
  orderDate: string;
  lastUpdate: string;
}

/**
 * A complete order from a `POST /Orders` body (or seed data in the same form): keys allocated,
 * lines completed from the catalog, a shipment to the billing address when none is sent, discount
 * and total computed when not sent. Stores nothing and has no side effects beyond key allocation.
 */
export function buildOrder(
  store: ThreeDCartStore,
  storeUrl: string,
  input: OrderCreateInput,
  stamps: OrderStamps,
): Order {
  const { ShipmentList, OrderItemList, PromotionList, TransactionList, QuestionList, ...fields } = input;
  const orderId = store.allocate('order');
  const statusId = fields.OrderStatusID ?? 1;
  const shipments = buildShipments(store, ShipmentList ?? [], fields, statusId, stamps.lastUpdate);
  const promotions = (PromotionList ?? []).map((promotion) => ({ ...PROMOTION_TEMPLATE, ...promotion }));
  const order: Order = {
    ...ORDER_TEMPLATE,
    ...fields,
    InvoiceNumber: fields.InvoiceNumber ?? store.allocate('invoice'),
    OrderID: orderId,
    OrderDate: stamps.orderDate,
    OrderStatusID: statusId,
    LastUpdate: stamps.lastUpdate,
    ContinueURL: `${storeUrl.replace(/\/+$/, '')}/continue_order.asp?orderkey=${orderKey(storeUrl, orderId)}`,
    ShipmentList: shipments,
    OrderItemList: OrderItemList.map((item) => buildItem(store, item, shipments, stamps.orderDate)),
    PromotionList: promotions,
    ...discountsOf(fields, promotions),
    TransactionList: [],
    QuestionList: (QuestionList ?? []).map((question) => ({
      ...QUESTION_TEMPLATE,
      ...question,
      QuestionAnswerIndexID: store.allocate('questionAnswerIndex'),
      OrderID: orderId,
    })),
  };
  order.OrderAmount = fields.OrderAmount ?? computeOrderAmount(order);
  order.TransactionList = (TransactionList ?? []).map((transaction) =>
    buildTransaction(store, order, transaction, stamps.orderDate),
  );
  return order;
}

/**
 * The first shipment is ShipmentID 0 as in all recorded orders (§3, §10 quirk 8; UNVERIFIED for
 * current stores, §13.10); further ones get keys. IDs sent in the body are kept (seed data uses it).
 */
function buildShipments(
  store: ThreeDCartStore,
  inputs: readonly ShipmentInput[],
  fields: Partial<OrderFields>,
  statusId: number,
  lastUpdate: string,
): Shipment[] {
  const list = inputs.length > 0 ? inputs : [{}];
  return list.map((input, index) => ({
    ...SHIPMENT_TEMPLATE,
    ShipmentFirstName: fields.BillingFirstName ?? '',
    ShipmentLastName: fields.BillingLastName ?? '',
    ShipmentCompany: fields.BillingCompany ?? '',
    ShipmentAddress: fields.BillingAddress ?? '',
    ShipmentAddress2: fields.BillingAddress2 ?? '',
    ShipmentCity: fields.BillingCity ?? '',
    ShipmentState: fields.BillingState ?? '',
    ShipmentZipCode: fields.BillingZipCode ?? '',
    ShipmentCountry: fields.BillingCountry ?? '',
    ShipmentPhone: fields.BillingPhoneNumber ?? '',
    ShipmentOrderStatus: statusId,
    ...input,
    ShipmentID: input.ShipmentID ?? (index === 0 ? 0 : store.allocate('shipment')),
    ShipmentNumber: index + 1,
    ShipmentLastUpdate: lastUpdate,
  }));
}

/** An order line completed from the product or variant its SKU (ItemID) or CatalogID names. */
export function buildItem(
  store: ThreeDCartStore,
  input: ItemInput,
  shipments: readonly Shipment[],
  dateAdded: string,
): OrderItem {
  const byCatalogId = input.CatalogID !== undefined ? store.products.get(input.CatalogID) : undefined;
  const target =
    (input.ItemID ? store.findSku(input.ItemID) : undefined) ??
    (byCatalogId ? { product: byCatalogId } : undefined);
  const primary = shipments[0]?.ShipmentID ?? 0;
  const shipmentId = shipments.some((shipment) => shipment.ShipmentID === input.ItemShipmentID)
    ? (input.ItemShipmentID ?? primary)
    : primary;
  const base = { ...ITEM_TEMPLATE, ItemDateAdded: dateAdded };
  const keys = { ItemShipmentID: shipmentId, ItemIndexID: store.allocate('itemIndex') };
  if (target === undefined) {
    // UNVERIFIED: whether 3dcart refuses lines for unknown SKUs; the sandbox keeps them as sent.
    return { ...base, ItemDescription: input.ItemID ?? '', ...input, ...keys };
  }
  const { product, option } = target;
  const sku = product.SKUInfo;
  const { unitPrice, optionPrice } = catalogPrices(target);
  return {
    ...base,
    CatalogID: sku.CatalogID,
    ItemID: option?.AdvancedOptionSufix ?? sku.SKU,
    ItemDescription: itemDescription(sku.Name, option?.AdvancedOptionName, optionPrice),
    ItemUnitPrice: unitPrice,
    ItemWeight: product.Weight,
    ItemOptionPrice: optionPrice,
    ItemPageAdded: `${sku.Name.replace(/[^A-Za-z0-9]+/g, '-')}_p_${sku.CatalogID}.html`,
    ItemUnitCost: option?.AdvancedOptionCost ?? sku.Cost,
    ItemUnitStock: option?.AdvancedOptionStock ?? sku.Stock,
    ItemOptions: option ? `,${option.AdvancedOptionCode.split('-').join(',')}` : '',
    ItemImage1: product.ThumbnailFile,
    ItemWarehouseBin: product.WarehouseBin,
    ...input,
    ...keys,
  };
}

/**
 * What a line of this product or variant costs. UNVERIFIED (§13.7): a variant's surcharge is sent as
 * ItemOptionPrice rather than folded into ItemUnitPrice.
 */
export function catalogPrices({ product, option }: SkuTarget): { unitPrice: number; optionPrice: number } {
  const sku = product.SKUInfo;
  return {
    unitPrice: sku.OnSale ? sku.SalePrice : sku.Price,
    optionPrice: option ? Math.max(0, roundMoney(option.AdvancedOptionPrice - sku.Price)) : 0,
  };
}

/**
 * §3, §10 quirk 11: HTML with the option names, e.g. `Hoodie<br><b>Color:</b>&nbsp;Red`, and an
 * option line that costs extra carries ` - $2.00`.
 */
function itemDescription(name: string, optionText: string | undefined, extra: number): string {
  if (optionText === undefined) return name;
  const lines = optionText.split(', ').map((part) => {
    const [label = '', value = ''] = part.split(': ');
    return `<b>${label}:</b>&nbsp;${value}`;
  });
  const price = extra > 0 ? ` - $${extra.toFixed(2)}` : '';
  return `${name}<br>${lines.join('<br>')}${price}`;
}

export function buildTransaction(
  store: ThreeDCartStore,
  order: Order,
  input: TransactionInput,
  dateTime: string,
): Transaction {
  return {
    ...TRANSACTION_TEMPLATE,
    TransactionDateTime: dateTime,
    TransactionMethod: order.BillingPaymentMethod,
    TransactionAmount: order.OrderAmount,
    ...input,
    TransactionIndexID: store.allocate('transactionIndex'),
    OrderID: order.OrderID,
  };
}

/** The continue-order key of §12, stable for a store and order. */
function orderKey(storeUrl: string, orderId: number): string {
  // Not a secret, only stable and unguessable-looking; two 32-bit FNV-1a halves are enough and
  // cost a fraction of a SHA-256 on every created order.
  const text = `${storeUrl}#${orderId}`;
  let first = 0x811c9dc5;
  let second = 0x01000193 ^ orderId;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    first = Math.imul(first ^ code, 0x01000193) >>> 0;
    second = Math.imul(second ^ code, 0x5bd1e995) >>> 0;
  }
  return `${first.toString(36).padStart(7, '0')}${second.toString(36).padStart(7, '0')}`.slice(0, 16);
}
