import { z } from 'zod';
import { PAGE_MAXIMUM } from '../../../connectors/threedcart/threedcart-client.ts';
import { filterDate, requireStoreTime } from '../../../connectors/threedcart/threedcart-dates.ts';
import {
  type Checked,
  checkRecord,
  type OrderKeys,
  OrderKeysSchema,
} from '../../../connectors/threedcart/threedcart-records.ts';
import type { JsonValue } from '../../../contract/flow-document.ts';
import { defineNodeType, emit, type ItemContext, type ItemOutput } from '../../node-type.ts';
import {
  evaluate,
  expressionParameter,
  expressionProblems,
  openStore,
  requireText,
  STORE_CREDENTIALS,
  timeoutParameter,
} from '../threedcart-node-support.ts';

/** Abandoned checkouts (reference/threedcart-api.md §4, §10 quirk 10); SkuVault and ShipWorks skip them. */
const NOT_COMPLETED_STATUS = 7;

const parameters = z.object({
  /** The previous run's watermark (store-local `yyyy-MM-ddTHH:mm:ss`); null starts from `initialWatermark`. */
  watermark: expressionParameter('watermark'),
  /** Ids of the orders already emitted at exactly the watermark time (from the previous watermark item). */
  seenAtWatermark: expressionParameter('orderIdsAtWatermark'),
  /** Where to start when there is no watermark yet; empty reads every order. */
  initialWatermark: z.string().trim().default(''),
  /**
   * `date` sends `lastupdatestart` as a day, as documented for Orders (§2, §8), and filters the
   * times here; `dateTime` sends the time too (fewer orders read, where the store accepts it).
   */
  filterPrecision: z.enum(['date', 'dateTime']).default('date'),
  skipNotCompleted: z.boolean().default(true),
  pageSize: z.number().int().min(1).max(PAGE_MAXIMUM.orders).default(PAGE_MAXIMUM.orders),
  timeoutMs: timeoutParameter,
});

type OrdersChangedParameters = z.output<typeof parameters>;

const DOCS = [
  'Reads the orders created or changed since a watermark, for polling flows: each order goes out on **Orders**, oldest change first, then one item goes out on **Watermark**:',
  '',
  '```json',
  '{ "watermark": "2025-03-04T14:25:41", "orderIdsAtWatermark": [20931], "orderCount": 12 }',
  '```',
  '',
  'Store that item and feed it to the next run (the defaults read `watermark` and `orderIdsAtWatermark` from the input item). Times are the store’s local time, as 3dcart gives `LastUpdate`. An order changed in the same second as the watermark is still caught, and one already emitted at that second is not emitted again.',
  '',
  'Abandoned checkouts (status 7, Not Completed) are left out unless **Skip not completed** is off. Every page is read: 3dcart pages by record, 300 orders a request.',
].join('\n');

/** Orders changed since the last watermark, plus the new watermark. */
export const ordersChangedNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'threedcart.ordersChanged',
    version: 1,
    label: '3dcart: orders changed since',
    category: 'connector',
    icon: 'shopping-cart',
    summary: 'Poll orders created or changed since a watermark',
    docs: DOCS,
    trigger: false,
    inputs: [{ name: 'main', label: 'Watermark' }],
    outputs: [
      { name: 'main', label: 'Orders' },
      { name: 'watermark', label: 'Watermark', showLabel: true },
    ],
    credentials: STORE_CREDENTIALS,
    expressionParameters: ['watermark', 'seenAtWatermark'],
    summaryParameters: ['initialWatermark'],
  },
  parameters,
  validate: (values) => expressionProblems(values, ['watermark', 'seenAtWatermark']),
  async executeItem(json, context) {
    const since = await previousWatermark(json, context);
    const orders = await changedOrders(since, context);
    const outputs: ItemOutput[] = orders
      .filter((order) => !(context.parameters.skipNotCompleted && isNotCompleted(order)))
      .map((order) => emit(order.json));
    outputs.push(emit(nextWatermark(since, orders, outputs.length), 'watermark'));
    return outputs;
  },
});

interface Watermark {
  /** Store-local time; undefined reads every order. */
  time: string | undefined;
  seen: ReadonlySet<number>;
}

async function previousWatermark(
  item: JsonValue,
  context: ItemContext<OrdersChangedParameters>,
): Promise<Watermark> {
  const { parameters, flowSettings } = context;
  const value = await evaluate(parameters.watermark, item);
  const text = value === null || value === '' ? parameters.initialWatermark : requireText(value, 'watermark');
  if (text === '') return { time: undefined, seen: new Set() };
  const time = requireStoreTime(text, flowSettings.timezone, 'watermark');
  const seenValue = value === null ? null : await evaluate(parameters.seenAtWatermark, item);
  const seen = Array.isArray(seenValue) ? seenValue.filter((id) => typeof id === 'number') : [];
  return { time, seen: new Set(seen) };
}

/** Every order changed at or after the watermark and not already emitted, oldest change first. */
async function changedOrders(
  since: Watermark,
  context: ItemContext<OrdersChangedParameters>,
): Promise<Checked<OrderKeys>[]> {
  const { parameters } = context;
  const client = await openStore(context);
  const query =
    since.time === undefined ? {} : { lastupdatestart: filterDate(since.time, parameters.filterPrecision) };
  const orders: Checked<OrderKeys>[] = [];
  const paging = { maximum: PAGE_MAXIMUM.orders, pageSize: parameters.pageSize };
  for await (const row of client.list('Orders', query, paging)) {
    const order = checkRecord(row, OrderKeysSchema, 'order');
    if (isNew(order.keys, since)) orders.push(order);
  }
  return orders.sort((left, right) => compareChange(left.keys, right.keys));
}

function isNew(order: OrderKeys, since: Watermark): boolean {
  if (since.time === undefined || order.LastUpdate === undefined) return true;
  if (order.LastUpdate > since.time) return true;
  return order.LastUpdate === since.time && !since.seen.has(order.OrderID);
}

function compareChange(left: OrderKeys, right: OrderKeys): number {
  const byTime = (left.LastUpdate ?? '').localeCompare(right.LastUpdate ?? '');
  return byTime !== 0 ? byTime : left.OrderID - right.OrderID;
}

function isNotCompleted(order: Checked<OrderKeys>): boolean {
  return order.json.OrderStatusID === NOT_COMPLETED_STATUS;
}

/**
 * The latest change seen, with the ids changed at exactly that second: the next poll asks from that
 * second again (3dcart times have no fraction, §8) and skips those ids. Skipped abandoned checkouts
 * count as seen. Without new orders the watermark stays as it was.
 */
function nextWatermark(
  since: Watermark,
  orders: readonly Checked<OrderKeys>[],
  orderCount: number,
): JsonValue {
  const latest = orders.reduce<string | undefined>(
    (max, order) =>
      order.keys.LastUpdate !== undefined && (max === undefined || order.keys.LastUpdate > max)
        ? order.keys.LastUpdate
        : max,
    since.time,
  );
  const atLatest = new Set(latest === since.time ? since.seen : []);
  for (const order of orders) if (order.keys.LastUpdate === latest) atLatest.add(order.keys.OrderID);
  return {
    watermark: latest ?? null,
    orderIdsAtWatermark: [...atLatest].sort((left, right) => left - right),
    orderCount,
  };
}
