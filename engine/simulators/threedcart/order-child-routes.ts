import type { SimulatorRoute } from '../common/simulator-http.ts';
import { buildItem, buildTransaction } from './order-builder.ts';
import { orderChildRoutes } from './order-children.ts';
import { OrderItemSchema, ShipmentSchema, TransactionSchema } from './order-model.ts';
import { followShipmentStatuses } from './order-status.ts';
import { SHIPMENT_TEMPLATE } from './order-templates.ts';
import { recomputeOrderAmount } from './order-writes.ts';
import type { ThreeDCartContext } from './threedcart-context.ts';

// `/Orders/{orderid}/Items`, `/Shipments` and `/Transactions` (reference/threedcart-api.md §2).
// Keys are server-kept: a body cannot change ItemIndexID, ShipmentID or TransactionIndexID.

const ItemInput = OrderItemSchema.omit({ ItemIndexID: true }).partial();
const ShipmentInput = ShipmentSchema.omit({
  ShipmentID: true,
  ShipmentNumber: true,
  ShipmentLastUpdate: true,
}).partial();
const TransactionInput = TransactionSchema.omit({ TransactionIndexID: true, OrderID: true }).partial();

export function orderChildResourceRoutes(context: ThreeDCartContext): SimulatorRoute[] {
  return [...itemRoutes(context), ...shipmentRoutes(context), ...transactionRoutes(context)];
}

function itemRoutes(context: ThreeDCartContext): SimulatorRoute[] {
  return orderChildRoutes(context, {
    path: 'Items',
    key: 'ItemIndexID',
    noun: 'items',
    list: (order) => order.OrderItemList,
    idOf: (item) => item.ItemIndexID,
    createInput: ItemInput,
    updateInput: ItemInput,
    create: (order, input) => {
      const item = buildItem(context.store, input, order.ShipmentList, context.now());
      order.OrderItemList.push(item);
      recomputeOrderAmount(context, order);
      return item;
    },
    update: (order, item, input) => {
      Object.assign(item, input);
      recomputeOrderAmount(context, order);
    },
  });
}

function shipmentRoutes(context: ThreeDCartContext): SimulatorRoute[] {
  return orderChildRoutes(context, {
    path: 'Shipments',
    key: 'ShipmentID',
    noun: 'shipments',
    list: (order) => order.ShipmentList,
    idOf: (shipment) => shipment.ShipmentID,
    createInput: ShipmentInput,
    updateInput: ShipmentInput,
    create: (order, input) => {
      const now = context.now();
      const shipment = {
        ...SHIPMENT_TEMPLATE,
        ShipmentOrderStatus: order.OrderStatusID,
        ...input,
        ShipmentID: context.store.allocate('shipment'),
        ShipmentNumber: order.ShipmentList.length + 1,
        ShipmentLastUpdate: now,
      };
      order.ShipmentList.push(shipment);
      recomputeOrderAmount(context, order);
      followShipmentStatuses(context, order);
      return shipment;
    },
    // Tracking and status go back this way (ShipWorks, §2): ShipmentTrackingCode, the free-text
    // ShipmentShippedDate (stored as sent, §8) and ShipmentOrderStatus.
    update: (order, shipment, input) => {
      Object.assign(shipment, input);
      shipment.ShipmentLastUpdate = context.now();
      if (input.ShipmentCost !== undefined) recomputeOrderAmount(context, order);
      else order.LastUpdate = context.now();
      if (input.ShipmentOrderStatus !== undefined) followShipmentStatuses(context, order);
    },
  });
}

function transactionRoutes(context: ThreeDCartContext): SimulatorRoute[] {
  return orderChildRoutes(context, {
    path: 'Transactions',
    key: 'TransactionIndexID',
    noun: 'transactions',
    list: (order) => order.TransactionList,
    idOf: (transaction) => transaction.TransactionIndexID,
    createInput: TransactionInput,
    updateInput: TransactionInput,
    create: (order, input) => {
      const transaction = buildTransaction(context.store, order, input, context.now());
      order.TransactionList.push(transaction);
      order.LastUpdate = context.now();
      return transaction;
    },
    update: (order, transaction, input) => {
      Object.assign(transaction, input);
      order.LastUpdate = context.now();
    },
  });
}
