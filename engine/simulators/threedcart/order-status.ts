import type { SimulatorRoute } from '../common/simulator-http.ts';
import { idParam } from './api-route.ts';
import type { Order } from './order-model.ts';
import type { ThreeDCartContext } from './threedcart-context.ts';
import { listResponse, MAXIMUM_LIMIT } from './threedcart-paging.ts';
import { errorResponse } from './threedcart-responses.ts';

/** An order status as `GET /OrderStatus` returns it (reference/threedcart-api.md §3, §4). */
export interface OrderStatus {
  OrderStatusID: number;
  Sorting: number;
  StatusDefinition: string;
  StatusText: string;
  Visible: boolean;
}

export const STATUS = { new: 1, processing: 2, partial: 3, shipped: 4, notCompleted: 7 } as const;

/**
 * §4: ids 1–11 agree in every source; "Review" is 12 (SkuVault) or 13 (ShipWorks) — a setting.
 * StatusDefinition strings beyond "New" were never observed (§13.5); the manual's names are used.
 */
export function orderStatuses(reviewStatusId: 12 | 13): OrderStatus[] {
  const names = [
    'New',
    'Processing',
    'Partial',
    'Shipped',
    'Cancel',
    'Hold',
    'Not Completed',
    'Custom1',
    'Custom2',
    'Custom3',
    'Unpaid',
  ];
  const statuses = names.map((name, index) => ({
    OrderStatusID: index + 1,
    Sorting: index + 1,
    StatusDefinition: name,
    StatusText: name === 'Processing' ? 'In Process' : name,
    Visible: !name.startsWith('Custom'),
  }));
  statuses.push({
    OrderStatusID: reviewStatusId,
    Sorting: 12,
    StatusDefinition: 'Review',
    StatusText: 'Review',
    Visible: true,
  });
  return statuses;
}

/**
 * Sets the order status. UNVERIFIED (§13.6): the order-level status is taken to apply to every
 * shipment too, so a single-shipment order reads the same through both fields.
 */
export function setOrderStatus(context: ThreeDCartContext, order: Order, statusId: number): void {
  if (order.OrderStatusID === statusId) return;
  const now = context.now();
  order.OrderStatusID = statusId;
  order.LastUpdate = now;
  for (const shipment of order.ShipmentList) {
    shipment.ShipmentOrderStatus = statusId;
    shipment.ShipmentLastUpdate = now;
  }
  context.emit('OrderStatusChange', order);
}

/**
 * After a shipment's status changed (ShipWorks updates status that way, §2): the order takes the
 * shipments' status when they agree, and "Partial" when only some are shipped. UNVERIFIED (§13.6).
 */
export function followShipmentStatuses(context: ThreeDCartContext, order: Order): void {
  const statuses = new Set(order.ShipmentList.map((shipment) => shipment.ShipmentOrderStatus));
  const [only] = statuses;
  let next = order.OrderStatusID;
  if (statuses.size === 1 && only !== undefined) next = only;
  else if (statuses.has(STATUS.shipped)) next = STATUS.partial;
  if (next === order.OrderStatusID) return;
  order.OrderStatusID = next;
  order.LastUpdate = context.now();
  context.emit('OrderStatusChange', order);
}

/** `GET /OrderStatus` (limit, offset, countonly) and `GET /OrderStatus/{id}` (§2). */
export function orderStatusRoutes(context: ThreeDCartContext): SimulatorRoute[] {
  const statuses = orderStatuses(context.settings.reviewStatusId);
  const spec = {
    maximum: MAXIMUM_LIMIT.other,
    noun: 'order statuses',
    limitAboveMaximum: context.settings.limitAboveMaximum,
  };
  return [
    context.route('GET', 'OrderStatus', (request) => listResponse(statuses, () => true, request.query, spec)),
    context.route('GET', 'OrderStatus/(?<statusId>\\d+)', (request) => {
      const id = idParam(request, 'statusId');
      const status = statuses.find((candidate) => candidate.OrderStatusID === id);
      return status ? { status: 200, body: [status] } : errorResponse(404, 'No order statuses found');
    }),
  ];
}
