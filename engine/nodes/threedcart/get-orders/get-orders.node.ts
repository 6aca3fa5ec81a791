import { z } from 'zod';
import { orderStatusId } from '../../../connectors/threedcart/order-statuses.ts';
import { PAGE_MAXIMUM, type ThreeDCartClient } from '../../../connectors/threedcart/threedcart-client.ts';
import { filterDate, requireStoreTime } from '../../../connectors/threedcart/threedcart-dates.ts';
import type { JsonValue } from '../../../contract/flow-document.ts';
import { defineNodeType, emit, type ItemContext, type ItemOutput } from '../../node-type.ts';
import {
  evaluate,
  expressionParameter,
  expressionProblems,
  openStore,
  requireId,
  requireText,
  STORE_CREDENTIALS,
  timeoutParameter,
} from '../threedcart-node-support.ts';

const parameters = z.object({
  /** Which orders: one by id, by invoice number, every order in a status, or in a date window. */
  mode: z.enum(['id', 'invoiceNumber', 'status', 'dateWindow']).default('id'),
  orderId: expressionParameter('OrderID'),
  /** A number, or text with the prefix (`WEB-10452`). */
  invoiceNumber: expressionParameter('InvoiceNumber'),
  /** An id or a name (`"Shipped"`); a JSONata literal needs its quotes. */
  status: expressionParameter('"New"'),
  /** Start and end of the order date window, store-local; an expression giving null leaves that end open. */
  from: expressionParameter('from'),
  to: expressionParameter('to'),
  /** Orders per request; 3dcart allows up to 300 (reference/threedcart-api.md §5). */
  pageSize: z.number().int().min(1).max(PAGE_MAXIMUM.orders).default(PAGE_MAXIMUM.orders),
  timeoutMs: timeoutParameter,
});

type GetOrdersParameters = z.output<typeof parameters>;

const DOCS = [
  'Reads 3dcart orders, whole (items, shipments, transactions), one output item per order.',
  '',
  '- **By id** (`orderId`, default `OrderID` of the item) and **by invoice number** (`InvoiceNumber`; text such as `WEB-10452` is split into prefix and number). An order that does not exist sends the input item to **Not found**.',
  '- **By status** (an id or a name: `"New"`, `"Shipped"`…) and **by date window** (`from`/`to`, e.g. `"2025-03-01"`; store-local time, converted from the flow’s time zone when the value has an offset) read every page, so thousands of orders stream through; 3dcart pages by record, 300 at most per request.',
  '',
  'Each value is a JSONata expression on the input item. Requests wait their turn under the store’s rate limit (50 at once, then 2 a second) and reads are retried after 5xx and timeouts.',
].join('\n');

/** Reads orders by id, invoice number, status or date window. */
export const getOrdersNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'threedcart.getOrders',
    version: 1,
    label: '3dcart: get orders',
    category: 'connector',
    icon: 'shopping-cart',
    summary: 'Read orders by id, invoice number, status or date window',
    docs: DOCS,
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [
      { name: 'main', label: 'Orders' },
      { name: 'notFound', label: 'Not found', showLabel: true },
    ],
    credentials: STORE_CREDENTIALS,
    expressionParameters: ['orderId', 'invoiceNumber', 'status', 'from', 'to'],
    summaryParameters: ['mode'],
  },
  parameters,
  validate: (values) => expressionProblems(values, expressionsOf(values.mode)),
  async executeItem(json, context) {
    const client = await openStore(context);
    const orders = await readOrders(client, json, context);
    if (orders === 'notFound') return emit(json, 'notFound');
    return orders.map((order): ItemOutput => emit(order));
  },
});

function expressionsOf(mode: GetOrdersParameters['mode']): (keyof GetOrdersParameters & string)[] {
  if (mode === 'id') return ['orderId'];
  if (mode === 'invoiceNumber') return ['invoiceNumber'];
  if (mode === 'status') return ['status'];
  return ['from', 'to'];
}

async function readOrders(
  client: ThreeDCartClient,
  item: JsonValue,
  context: ItemContext<GetOrdersParameters>,
): Promise<JsonValue[] | 'notFound'> {
  const { parameters } = context;
  if (parameters.mode === 'id') {
    const orderId = requireId(await evaluate(parameters.orderId, item), 'orderId');
    const rows = await client.read(`Orders/${orderId}`);
    return rows.length === 0 ? 'notFound' : rows;
  }
  if (parameters.mode === 'invoiceNumber') {
    const rows = await collect(
      client,
      invoiceQuery(await evaluate(parameters.invoiceNumber, item)),
      parameters,
    );
    return rows.length === 0 ? 'notFound' : rows;
  }
  if (parameters.mode === 'status') {
    const status = orderStatusId(await evaluate(parameters.status, item), 'status');
    return collect(client, { orderstatus: status }, parameters);
  }
  const timezone = context.flowSettings.timezone;
  const window: Record<string, string> = {};
  for (const [end, query] of [
    ['from', 'datestart'],
    ['to', 'dateend'],
  ] as const) {
    const value = await evaluate(parameters[end], item);
    if (value === null || value === '') continue;
    window[query] = filterDate(requireStoreTime(requireText(value, end), timezone, end), 'dateTime');
  }
  return collect(client, window, parameters);
}

/** `invoicenumber` and, for text like `WEB-10452`, `invoiceprefix` (§2; SkuVault splits it so). */
function invoiceQuery(value: JsonValue): Record<string, string | number> {
  const text = requireText(value, 'invoiceNumber');
  const match = /^(.*?)(\d+)$/.exec(text);
  if (!match) return { invoicenumber: requireId(text, 'invoiceNumber') };
  const [, prefix = '', number = ''] = match;
  return prefix === ''
    ? { invoicenumber: Number(number) }
    : { invoicenumber: Number(number), invoiceprefix: prefix };
}

async function collect(
  client: ThreeDCartClient,
  query: Record<string, string | number>,
  parameters: GetOrdersParameters,
): Promise<JsonValue[]> {
  const orders: JsonValue[] = [];
  for await (const order of client.list('Orders', query, {
    maximum: PAGE_MAXIMUM.orders,
    pageSize: parameters.pageSize,
  })) {
    orders.push(order);
  }
  return orders;
}
