import type { NodeType } from '../node-type.ts';
import { createCustomerNode } from './create-customer/create-customer.node.ts';
import { createJournalBatchNode } from './create-journal-batch/create-journal-batch.node.ts';
import { createOrderNode } from './create-order/create-order.node.ts';
import { createReceiptBatchNode } from './create-receipt-batch/create-receipt-batch.node.ts';
import { findCustomerNode } from './find-customer/find-customer.node.ts';
import { findOrderNode } from './find-order/find-order.node.ts';
import { findRecordNode } from './find-record/find-record.node.ts';
import { getItemNode } from './get-item/get-item.node.ts';
import { getQuantitiesNode } from './get-quantities/get-quantities.node.ts';
import { pollChangesNode } from './poll-changes/poll-changes.node.ts';
import { updateCustomerNode } from './update-customer/update-customer.node.ts';

/** The Sage 300 node types, in palette order: trigger, lookups, then writes. */
export const SAGE300_NODE_TYPES: readonly NodeType[] = [
  pollChangesNode,
  findCustomerNode,
  findOrderNode,
  findRecordNode,
  getItemNode,
  getQuantitiesNode,
  createCustomerNode,
  updateCustomerNode,
  createOrderNode,
  createJournalBatchNode,
  createReceiptBatchNode,
];
