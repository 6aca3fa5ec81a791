import type { NodeType } from '../node-type.ts';
import { addCustomerNode } from './add-customer/add-customer.node.ts';
import { availableStockNode } from './available-stock/available-stock.node.ts';
import { changeCustomerNode } from './change-customer/change-customer.node.ts';
import { createCustomerOrderNode } from './create-customer-order/create-customer-order.node.ts';
import { findCustomerByEmailNode } from './find-customer-by-email/find-customer-by-email.node.ts';
import { getCustomerNode } from './get-customer/get-customer.node.ts';
import { getOrderStatusNode } from './get-order-status/get-order-status.node.ts';
import { itemWarehouseBalanceNode } from './item-warehouse-balance/item-warehouse-balance.node.ts';
import { miTransactionNode } from './mi-transaction/mi-transaction.node.ts';
import { pollChangesNode } from './poll-changes/poll-changes.node.ts';

/** The Infor M3 node types, in palette order; every one reads the `m3` credential in slot `erp`. */
export const M3_NODE_TYPES: readonly NodeType[] = [
  pollChangesNode,
  getCustomerNode,
  findCustomerByEmailNode,
  addCustomerNode,
  changeCustomerNode,
  createCustomerOrderNode,
  getOrderStatusNode,
  itemWarehouseBalanceNode,
  availableStockNode,
  miTransactionNode,
];
