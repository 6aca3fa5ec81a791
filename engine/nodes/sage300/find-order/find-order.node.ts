import { z } from 'zod';
import { odata } from '../../../connectors/sage300/sage300-odata.ts';
import { SAGE300_RESOURCES } from '../../../connectors/sage300/sage300-resources.ts';
import { defineNodeType, emit } from '../../node-type.ts';
import {
  expressionParameter,
  expressionProblems,
  FOUND_PORTS,
  optionalTextOf,
  resultPathParameter,
  sage300Client,
  sage300Description,
  selectParameter,
  textOf,
  withResult,
} from '../sage300-node-support.ts';

const parameters = z.object({
  /** JSONata on the item giving the PO number the order was created with, e.g. `"3DC-" & OrderID`. */
  purchaseOrderNumber: expressionParameter('PurchaseOrderNumber'),
  /** Optional JSONata giving the customer number too: PO numbers are the customer's, not unique in Sage. */
  customerNumber: z.string().trim().default(''),
  select: selectParameter,
  resultPath: resultPathParameter,
});

const DOCS = [
  'Looks for an OE sales order by its `PurchaseOrderNumber` (`$filter=PurchaseOrderNumber eq …`; OrderNumber is not the key, A6) and sends the item on **Found** or **Not found**.',
  '',
  'This is the idempotency check of order-to-cash flows: give each web order a PO number of its own (`"3DC-" & OrderID`), look it up first, and create the order only on **Not found**. A redelivered webhook or a retried run then finds the order instead of creating it twice.',
  '',
  '- **Customer number** (optional) narrows the search to one customer.',
  '- **Found** carries the order (only the **Select** properties when set), or the item with the order at **Result path**; **Not found** carries the item unchanged.',
  '- The lookup is a read: it runs in dry-run too.',
].join('\n');

/** Finds a Sage 300 sales order by PO number. */
export const findOrderNode = defineNodeType({
  kind: 'item',
  description: sage300Description({
    type: 'sage300.findOrder',
    label: 'Sage 300: find order by PO number',
    summary: 'Look up an OE order by PurchaseOrderNumber',
    docs: DOCS,
    outputs: FOUND_PORTS,
    expressionParameters: ['purchaseOrderNumber', 'customerNumber'],
    summaryParameters: ['purchaseOrderNumber'],
  }),
  parameters,
  validate: (values) => expressionProblems(values, ['purchaseOrderNumber', 'customerNumber']),
  async executeItem(json, context) {
    const { purchaseOrderNumber, customerNumber, select, resultPath } = context.parameters;
    const poNumber = await textOf(purchaseOrderNumber, json, 'PO number');
    const customer = await optionalTextOf(customerNumber, json, 'customer number');
    const byPo = odata.eq('PurchaseOrderNumber', poNumber);
    const filter = customer === undefined ? byPo : odata.and(byPo, odata.eq('CustomerNumber', customer));
    const client = await sage300Client(context);
    const matches = await client.list(SAGE300_RESOURCES.orders, { filter, select, limit: 2 });
    if (matches.length > 1) context.logger.warn('Several Sage 300 orders share a PO number', { poNumber });
    const [order] = matches;
    if (order === undefined) return emit(json, 'notFound');
    return emit(withResult(json, resultPath, order), 'found');
  },
});
