import { z } from 'zod';
import { orderStatusId } from '../../../connectors/threedcart/order-statuses.ts';
import { defineNodeType, emit } from '../../node-type.ts';
import {
  evaluate,
  expressionParameter,
  expressionProblems,
  openStore,
  requireId,
  STORE_CREDENTIALS,
  timeoutParameter,
  writeReport,
} from '../threedcart-node-support.ts';

const parameters = z.object({
  orderId: expressionParameter('OrderID'),
  /** An id or a name (`"Processing"`, `"Shipped"`); a JSONata literal needs its quotes. */
  status: expressionParameter('"Processing"'),
  /**
   * JSONata for text written to the order's InternalComments (e.g. the ERP order number); empty
   * leaves the comments alone. 3dcart replaces the field, so include the old text to keep it.
   */
  internalComment: z.string().default(''),
  timeoutMs: timeoutParameter,
});

/** Sets an order's status with `PUT /Orders/{id}` `{"OrderStatusID": n}` (reference/threedcart-api.md §2). */
export const updateOrderStatusNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'threedcart.updateOrderStatus',
    version: 1,
    label: '3dcart: update order status',
    category: 'connector',
    icon: 'shopping-cart',
    summary: 'Set the status of an order',
    docs: [
      'Sets the status of the order `orderId` (default: the item’s `OrderID`) to **status**: an id, or a name among New, Processing, Partial, Shipped, Cancelled, Hold, Not Completed, Custom1–3, Unpaid (ids 1–11 are the same on every store; merchants only relabel them). "Review" is 12 on some stores and 13 on others, so give its id.',
      '',
      'Outputs `{ OrderID, OrderStatusID, response }` with 3dcart’s result rows. In dry-run nothing is sent: the output says `dryRun: true` and carries the simulated response.',
      '',
      'With **internal comment** (a JSONata expression, e.g. `"Sage order " & OrderNumber`) the same call writes the order’s InternalComments, where merchants look for the ERP order number (threedcart-api.md §2: `PUT /Orders/{id}` takes a partial Order).',
      '',
      'To record tracking numbers and mark shipments shipped, use **3dcart: update shipment tracking**.',
    ].join('\n'),
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [{ name: 'main', label: 'Updated' }],
    credentials: STORE_CREDENTIALS,
    expressionParameters: ['orderId', 'status', 'internalComment'],
    summaryParameters: ['status'],
  },
  parameters,
  validate: (values) =>
    expressionProblems(
      values,
      values.internalComment ? ['orderId', 'status', 'internalComment'] : ['orderId', 'status'],
    ),
  async executeItem(json, context) {
    const { parameters } = context;
    const orderId = requireId(await evaluate(parameters.orderId, json), 'orderId');
    const statusId = orderStatusId(await evaluate(parameters.status, json), 'status');
    const comment = parameters.internalComment ? await evaluate(parameters.internalComment, json) : undefined;
    const body: { OrderStatusID: number; InternalComments?: string } = { OrderStatusID: statusId };
    if (comment !== undefined && comment !== null && comment !== '') body.InternalComments = String(comment);
    const client = await openStore(context);
    const result = await client.write('PUT', `Orders/${orderId}`, body);
    return emit({ OrderID: orderId, ...body, ...writeReport(result) });
  },
});
