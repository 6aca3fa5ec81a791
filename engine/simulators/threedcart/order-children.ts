import type { z } from 'zod';
import type { SimulatorRoute } from '../common/simulator-http.ts';
import { bodyItems, idParam } from './api-route.ts';
import type { Order } from './order-model.ts';
import { findOrder } from './order-routes.ts';
import type { ThreeDCartContext } from './threedcart-context.ts';
import { listResponse, MAXIMUM_LIMIT } from './threedcart-paging.ts';
import {
  ApiError,
  CREATED_MESSAGE,
  type ResultRow,
  resultRow,
  UPDATED_MESSAGE,
  writeResults,
} from './threedcart-responses.ts';
import { invalidMessage } from './write-rows.ts';

/** One list inside an order served as a sub-resource: `/Orders/{orderid}/{path}` (§2). */
export interface OrderChildSpec<T extends object, Create, Update> {
  /** Path segment: `Items`, `Shipments`, `Transactions`. */
  path: string;
  /** Key field, also the result rows' Key: `ItemIndexID`, `ShipmentID`, `TransactionIndexID`. */
  key: string;
  /** Plural noun for "No … found". */
  noun: string;
  list(order: Order): T[];
  idOf(child: T): number;
  createInput: z.ZodType<Create>;
  updateInput: z.ZodType<Update>;
  create(order: Order, input: Create): T;
  update(order: Order, child: T, input: Update): void;
}

/** GET (paged like every list), POST (one or many), bulk PUT, and PUT `/{childid}`. */
export function orderChildRoutes<T extends object, Create, Update>(
  context: ThreeDCartContext,
  spec: OrderChildSpec<T, Create, Update>,
): SimulatorRoute[] {
  const base = `Orders/(?<orderId>\\d+)/${spec.path}`;
  const { limitAboveMaximum } = context.settings;
  const paging = { maximum: MAXIMUM_LIMIT.other, noun: spec.noun, limitAboveMaximum };
  const updateRow = (order: Order, id: number, item: unknown) => updateChild(spec, order, id, item);
  return [
    context.route('GET', base, (request) =>
      listResponse(spec.list(findOrder(context, request)), () => true, request.query, paging),
    ),
    context.route('POST', base, (request) => {
      const order = findOrder(context, request);
      const rows = bodyItems(request.body).map((item): ResultRow => {
        const parsed = spec.createInput.safeParse(item);
        if (!parsed.success) return resultRow('Error', '', 400, invalidMessage(parsed.error.issues));
        return resultRow(spec.key, spec.idOf(spec.create(order, parsed.data)), 201, CREATED_MESSAGE);
      });
      return writeResults(rows, 201);
    }),
    // Bulk: an array of children, each naming itself by its key.
    context.route('PUT', base, (request) => {
      const order = findOrder(context, request);
      if (!Array.isArray(request.body)) throw new ApiError(400, `The body must be an array of ${spec.noun}`);
      return writeResults(
        request.body.map((item) => {
          const id = keyOf(item, spec.key);
          return id === undefined
            ? resultRow('Error', '', 400, `${spec.key} is required`)
            : updateRow(order, id, item);
        }),
        200,
      );
    }),
    context.route('PUT', `${base}/(?<childId>\\d+)`, (request) => {
      const order = findOrder(context, request);
      const id = idParam(request, 'childId');
      if (findChild(spec, order, id) === undefined) throw new ApiError(404, 'Not found', false);
      return writeResults([updateRow(order, id, request.body)], 200);
    }),
  ];
}

function findChild<T extends object>(
  spec: Pick<OrderChildSpec<T, never, never>, 'list' | 'idOf'>,
  order: Order,
  id: number,
) {
  return spec.list(order).find((child) => spec.idOf(child) === id);
}

/** One child's update as a result row: 404 and 400 become rows so a bulk PUT can answer 206. */
function updateChild<T extends object, Create, Update>(
  spec: OrderChildSpec<T, Create, Update>,
  order: Order,
  id: number,
  item: unknown,
): ResultRow {
  const child = findChild(spec, order, id);
  if (child === undefined) return resultRow(spec.key, id, 404, `${spec.key} not found`);
  const parsed = spec.updateInput.safeParse(item);
  if (!parsed.success) return resultRow('Error', '', 400, invalidMessage(parsed.error.issues));
  spec.update(order, child, parsed.data);
  return resultRow(spec.key, id, 200, UPDATED_MESSAGE);
}

function keyOf(item: unknown, key: string): number | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const value: unknown = Object.entries(item).find(([name]) => name === key)?.[1];
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}
