import { z } from 'zod';
import type { JsonValue } from '../../contract/flow-document.ts';
import { defineNodeType, emit, type ItemResult } from '../node-type.ts';

/** The credential slot a webhook secret is read from, and the credential field that holds it. */
export const WEBHOOK_SECRET_SLOT = 'webhookSecret';
export const WEBHOOK_SECRET_FIELD = 'secret';

const AuthenticationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({
    type: z.literal('sharedSecret'),
    /**
     * Where the caller puts the secret. 3dcart webhooks carry no secret and no custom headers
     * (reference/threedcart-api.md §9), so for them the secret goes in the URL's query string.
     */
    location: z.enum(['header', 'query']).default('header'),
    /** Header or query parameter name. */
    name: z.string().trim().min(1).default('X-Webhook-Secret'),
    credentialSlot: z.string().min(1).default(WEBHOOK_SECRET_SLOT),
  }),
  z.object({
    type: z.literal('hmacSha256'),
    /** Header with the HMAC-SHA256 of the raw body; a `sha256=` prefix is accepted. */
    headerName: z.string().trim().min(1).default('X-Signature-SHA256'),
    credentialSlot: z.string().min(1).default(WEBHOOK_SECRET_SLOT),
    encoding: z.enum(['hex', 'base64']).default('hex'),
  }),
]);

const parameters = z.object({
  /** URL path the runtime listens on. */
  path: z
    .string()
    .regex(/^\/[A-Za-z0-9._~\-/]*$/, 'A path starts with / and holds letters, digits and - . _ ~ /')
    .default('/webhooks/orders'),
  method: z.enum(['POST', 'PUT', 'PATCH', 'GET']).default('POST'),
  authentication: AuthenticationSchema.default({ type: 'none' }),
  /** `onReceived`: answer 202 once the request is stored. `lastNode`: answer with the flow's result. */
  responseMode: z.enum(['onReceived', 'lastNode']).default('onReceived'),
  /** A body that is a JSON array starts one item per element (3dcart posts an array of records). */
  splitArray: z.boolean().default(true),
  /** Make each item `{ body, headers, query }` instead of the body alone. */
  includeRequest: z.boolean().default(false),
  /**
   * JSONata over the request's item (the body, or `{ body, headers, query }`) giving what makes
   * two deliveries "the same", e.g. `id` or `body.order.number`: `bridgeflow serve` takes each key
   * in once, so a redelivered webhook is acknowledged and skipped. Empty: every request runs.
   */
  businessKey: z.string().default(''),
});

/** Parsed parameters of a webhook trigger. */
export type WebhookTriggerParameters = z.output<typeof parameters>;

/** Starts a run for each HTTP request the runtime receives on the node's path. */
export const webhookTriggerNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'core.webhookTrigger',
    version: 1,
    label: 'Webhook',
    category: 'trigger',
    icon: 'webhook',
    summary: 'Starts the flow when a system calls its URL',
    docs: [
      '`bridgeflow serve` listens on **Path** for **Method** requests and starts a run for each one. JSON and form bodies are parsed by their content type; with **Split array** a JSON array (3dcart posts `[{…order…}]`) gives one item per element. **Include request** makes each item `{ "body": …, "headers": …, "query": … }` (the secret header or parameter is left out).',
      '',
      '**Authentication**: a shared secret in a header or query parameter, or an HMAC-SHA256 signature of the raw body in a header (hex or base64), checked against the `secret` field of the credential in the chosen slot. A request that fails the check is refused with 401 and starts nothing.',
      '',
      '**Business key**: an expression such as `id` or `body.order.number`; `bridgeflow serve` takes each key in once, so a webhook the sender delivers again is answered 202 and skipped. A request whose key comes out empty is refused with 400.',
      '',
      "**Response**: `onReceived` answers 202 as soon as the request is safely stored; `lastNode` waits and answers with the flow's result.",
      '',
      'Example, a 3dcart "Order New" webhook: URL `https://bridge.example.com/webhooks/orders?token=…`, shared secret in the query parameter `token`.',
    ].join('\n'),
    trigger: true,
    inputs: [],
    outputs: [{ name: 'main', label: 'Items' }],
    credentials: [{ slot: WEBHOOK_SECRET_SLOT, type: 'webhookSecret', required: false }],
    expressionParameters: ['businessKey'],
    summaryParameters: ['method', 'path'],
  },
  parameters,
  executeItem(json, context) {
    const { splitArray, includeRequest } = context.parameters;
    if (!splitArray) return emit(json);
    if (includeRequest) return splitEnvelope(json);
    return Array.isArray(json) ? json.map((element) => emit(element)) : emit(json);
  },
});

/** One `{ body, headers, query }` item per element of an array body. */
function splitEnvelope(json: JsonValue): ItemResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return emit(json);
  const body = json.body;
  if (!Array.isArray(body)) return emit(json);
  return body.map((element) => emit({ ...json, body: element }));
}

/** The credential slot holding the secret the runtime must pass to `parseWebhookRequest`, if any. */
export function webhookSecretSlot(parameters: WebhookTriggerParameters): string | undefined {
  const { authentication } = parameters;
  return authentication.type === 'none' ? undefined : authentication.credentialSlot;
}
