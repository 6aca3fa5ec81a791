import type { SimulatorRoute } from '../common/simulator-http.ts';
import { type ApiRequest, bodyItems, idParam } from './api-route.ts';
import { type Order, OrderBulkUpdateSchema, OrderCreateSchema, OrderUpdateSchema } from './order-model.ts';
import { createOrder, updateOrder } from './order-writes.ts';
import { FilterBuilder } from './query-filters.ts';
import type { ThreeDCartContext } from './threedcart-context.ts';
import { isTrue, listResponse, MAXIMUM_LIMIT } from './threedcart-paging.ts';
import {
  ApiError,
  CREATED_MESSAGE,
  errorResponse,
  type ResultRow,
  resultRow,
  UPDATED_MESSAGE,
  writeResults,
} from './threedcart-responses.ts';
import { invalidMessage } from './write-rows.ts';

// `/Orders` (reference/threedcart-api.md §2 "Orders"). There is no DELETE: "There are no methods
// to delete orders at this time" (DOC-ORD), so DELETE answers 405 like any unknown verb.

export function orderRoutes(context: ThreeDCartContext): SimulatorRoute[] {
  const { route, settings } = context;
  const spec = {
    maximum: MAXIMUM_LIMIT.orders,
    noun: 'orders',
    limitAboveMaximum: settings.limitAboveMaximum,
  };
  return [
    route('GET', 'Orders', (request) =>
      listResponse(context.store.orders.values(), orderFilter(request.query), request.query, spec),
    ),
    // §10 quirk 1: by id, still an array of one.
    route('GET', 'Orders/(?<orderId>\\d+)', (request) => {
      const order = context.store.orders.get(idParam(request, 'orderId'));
      return order ? { status: 200, body: [order] } : errorResponse(404, 'No orders found');
    }),
    route('POST', 'Orders', (request) => postOrders(context, request)),
    route('PUT', 'Orders', (request) => putOrders(context, request)),
    route('PUT', 'Orders/(?<orderId>\\d+)', (request) => {
      const order = findOrder(context, request);
      updateOrder(context, order, OrderUpdateSchema.parse(request.body));
      return writeResults([resultRow('OrderID', order.OrderID, 200, UPDATED_MESSAGE)], 200);
    }),
  ];
}

/** The order named by the path; PUT to a missing one is 404 without content (§7). */
export function findOrder(context: ThreeDCartContext, request: ApiRequest): Order {
  const order = context.store.orders.get(idParam(request, 'orderId'));
  if (order === undefined) throw new ApiError(404, 'Not found', false);
  return order;
}

/** §2 filters. `lastupdatestart/end` are documented as dates but take times too. */
function orderFilter(query: ReadonlyMap<string, string>) {
  return new FilterBuilder<Order>(query)
    .number('invoicenumber', (order) => order.InvoiceNumber)
    .range('invoicenumberstart', 'invoicenumberend', (order) => order.InvoiceNumber)
    .equals('invoiceprefix', (order) => order.InvoiceNumberPrefix)
    .number('orderstatus', (order) => order.OrderStatusID)
    .dateRange('datestart', 'dateend', (order) => order.OrderDate)
    .dateRange('lastupdatestart', 'lastupdateend', (order) => order.LastUpdate)
    .equals('billingemail', (order) => order.BillingEmail)
    .build();
}

/** One order or an array of them; one result row each (201, or 206 when some failed). */
function postOrders(context: ThreeDCartContext, request: ApiRequest) {
  const bypass = isTrue(request.query.get('bypassorderprocessing'));
  const rows = bodyItems(request.body).map((item): ResultRow => {
    const parsed = OrderCreateSchema.safeParse(item);
    if (!parsed.success) return resultRow('Error', '', 400, invalidMessage(parsed.error.issues));
    const order = createOrder(context, parsed.data, bypass);
    return resultRow('OrderID', order.OrderID, 201, CREATED_MESSAGE);
  });
  return writeResults(rows, 201);
}

/** Bulk partial update: an array of orders each naming its OrderID (§2, NOCK). */
function putOrders(context: ThreeDCartContext, request: ApiRequest) {
  if (!Array.isArray(request.body)) throw new ApiError(400, 'The body must be an array of orders');
  const rows = request.body.map((item): ResultRow => {
    const parsed = OrderBulkUpdateSchema.safeParse(item);
    if (!parsed.success) return resultRow('Error', '', 400, invalidMessage(parsed.error.issues));
    const { OrderID, ...update } = parsed.data;
    const order = context.store.orders.get(OrderID);
    if (order === undefined) return resultRow('OrderID', OrderID, 404, 'Order not found');
    updateOrder(context, order, update);
    return resultRow('OrderID', OrderID, 200, UPDATED_MESSAGE);
  });
  return writeResults(rows, 200);
}
