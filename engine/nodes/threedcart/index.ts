import type { NodeType } from '../node-type.ts';
import { getCustomerNode } from './get-customer/get-customer.node.ts';
import { getOrdersNode } from './get-orders/get-orders.node.ts';
import { getProductNode } from './get-product/get-product.node.ts';
import { orderWebhookNode } from './order-webhook/order-webhook.node.ts';
import { ordersChangedNode } from './orders-changed/orders-changed.node.ts';
import { saveCustomerNode } from './save-customer/save-customer.node.ts';
import { setStockNode } from './set-stock/set-stock.node.ts';
import { updateOrderStatusNode } from './update-order-status/update-order-status.node.ts';
import { updateShipmentNode } from './update-shipment/update-shipment.node.ts';

export { orderWebhookRequestParameters } from './order-webhook/order-webhook.node.ts';
export { STORE_SLOT } from './threedcart-node-support.ts';

/** The 3dcart node types, in palette order (the trigger first). */
export const THREEDCART_NODE_TYPES: readonly NodeType[] = [
  orderWebhookNode,
  getOrdersNode,
  ordersChangedNode,
  updateOrderStatusNode,
  updateShipmentNode,
  getCustomerNode,
  saveCustomerNode,
  getProductNode,
  setStockNode,
];
