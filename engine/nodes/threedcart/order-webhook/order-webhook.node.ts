import { z } from 'zod';
import { isJsonObject, readWholeNumber } from '../../../connectors/threedcart/threedcart-records.ts';
import type { JsonValue } from '../../../contract/flow-document.ts';
import { BridgeflowError } from '../../../errors/bridgeflow-error.ts';
import { defineNodeType, emit, type ItemOutput } from '../../node-type.ts';
import {
  WEBHOOK_SECRET_SLOT,
  type WebhookTriggerParameters,
} from '../../webhook-trigger/webhook-trigger.node.ts';
import { openStore, STORE_CREDENTIALS, timeoutParameter } from '../threedcart-node-support.ts';

/**
 * 3dcart webhooks carry no secret, no signature and no custom headers (reference/threedcart-api.md
 * §9: the webhook object has no secret field), so the only check available is a shared secret in the
 * URL's query string, which the merchant writes into the webhook's Url.
 */
const AuthenticationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({
    type: z.literal('sharedSecret'),
    location: z.literal('query').default('query'),
    name: z.string().trim().min(1).default('token'),
    credentialSlot: z.string().min(1).default(WEBHOOK_SECRET_SLOT),
  }),
]);

const parameters = z.object({
  path: z
    .string()
    .regex(/^\/[A-Za-z0-9._~\-/]*$/, 'A path starts with / and holds letters, digits and - . _ ~ /')
    .default('/webhooks/threedcart/orders'),
  authentication: AuthenticationSchema.default({ type: 'none' }),
  /** `onReceived`: answer 202 once the request is stored. `lastNode`: answer with the flow's result. */
  responseMode: z.enum(['onReceived', 'lastNode']).default('onReceived'),
  /**
   * What makes two deliveries "the same" for `bridgeflow serve`, which takes each key in once.
   * `orderIdAndStatus` (default): the OrderID with the body's OrderStatusID. 3dcart sends "Order
   * New" and "Order Status Change" events for one order, and a retried delivery repeats its body
   * (reference §9: it retries a delivery that got no 2xx), so a retry is skipped while a later
   * status change still runs the flow; flows that act on new orders only check the ERP first
   * (the order templates look the order up by its PO number). `orderId`: once per order, ever.
   */
  businessKey: z.enum(['orderIdAndStatus', 'orderId']).default('orderIdAndStatus'),
  timeoutMs: timeoutParameter,
});

/** Parsed parameters of the 3dcart order webhook. */
export type OrderWebhookParameters = z.output<typeof parameters>;

/**
 * The generic webhook parameters the runtime reads this trigger's requests with
 * (`parseWebhookRequest`): same body parsing, size limit and shared-secret check as `core.webhookTrigger`.
 */
export function orderWebhookRequestParameters(values: OrderWebhookParameters): WebhookTriggerParameters {
  const { path, authentication, responseMode } = values;
  return {
    path,
    method: 'POST',
    authentication,
    responseMode,
    splitArray: true,
    includeRequest: false,
    // The runtime keys 3dcart deliveries by OrderID (and status) itself: see `businessKey` above.
    businessKey: '',
  };
}

/** Starts a run for each 3dcart order webhook and hands the flow the full, current orders. */
export const orderWebhookNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'threedcart.orderWebhook',
    version: 1,
    label: '3dcart: order webhook',
    category: 'trigger',
    icon: 'webhook',
    summary: 'Starts the flow when 3dcart reports a new or changed order',
    docs: [
      'Point a 3dcart webhook ("Order New" or "Order Status Change", format JSON) at `https://<bridge>/<path>`. `bridgeflow serve` answers it and starts a run.',
      '',
      '3dcart documents neither the payload nor a signature. This trigger accepts a list of orders (`[{…}]`) or one order (`{…}`), JSON or form-encoded, takes each `OrderID` and reads the order again through the API, so the flow always gets the whole order as it is now (a webhook can arrive late, twice or out of order). One item goes out per order.',
      '',
      '**Business key** (for `bridgeflow serve`, which takes each key in once): *OrderID and status* (default) skips a redelivered webhook but runs again when the order’s status changes; *OrderID* runs once per order.',
      '',
      'To keep strangers out, add a secret to the webhook URL (`…/orders?token=…`) and choose **Shared secret**; its value is the `secret` field of the `webhookSecret` credential.',
    ].join('\n'),
    trigger: true,
    inputs: [],
    outputs: [{ name: 'main', label: 'Orders' }],
    credentials: [
      ...STORE_CREDENTIALS,
      { slot: WEBHOOK_SECRET_SLOT, type: 'webhookSecret', required: false },
    ],
    summaryParameters: ['path'],
  },
  parameters,
  async executeItem(json, context) {
    const orderIds = webhookOrderIds(json);
    const client = await openStore(context);
    const outputs: ItemOutput[] = [];
    for (const orderId of orderIds) {
      const [order] = await client.read(`Orders/${orderId}`);
      if (order === undefined) {
        throw new BridgeflowError(
          'CONNECTOR_NOT_FOUND',
          `3dcart reported order ${orderId}, but the store has no such order`,
          {
            retryable: false,
          },
        );
      }
      outputs.push(emit(order));
    }
    return outputs;
  },
});

/** The distinct OrderIDs of a webhook body: an array of orders, or one order (reference §9). */
export function webhookOrderIds(body: JsonValue): number[] {
  const records = Array.isArray(body) ? body : [body];
  const ids = new Set<number>();
  for (const record of records) {
    const id = isJsonObject(record) ? readWholeNumber(fieldIgnoringCase(record, 'orderid')) : undefined;
    if (id === undefined || id <= 0) {
      throw new BridgeflowError(
        'WEBHOOK_PAYLOAD_INVALID',
        `The 3dcart webhook body has a record without an OrderID: ${JSON.stringify(record).slice(0, 200)}`,
        { retryable: false },
      );
    }
    ids.add(id);
  }
  if (ids.size === 0) {
    throw new BridgeflowError('WEBHOOK_PAYLOAD_INVALID', 'The 3dcart webhook body holds no order', {
      retryable: false,
    });
  }
  return [...ids];
}

/** Form bodies and hand-written tests spell the key `OrderId` or `orderid`; 3dcart's JSON says `OrderID`. */
function fieldIgnoringCase(record: { [key: string]: JsonValue }, lowerName: string): JsonValue | undefined {
  const key = Object.keys(record).find((name) => name.toLowerCase() === lowerName);
  return key === undefined ? undefined : record[key];
}
