import { z } from 'zod';
import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import {
  orderWebhookNode,
  orderWebhookRequestParameters,
  webhookOrderIds,
} from '../../nodes/threedcart/order-webhook/order-webhook.node.ts';
import { parseWebhookRequest, type WebhookRequest } from '../../nodes/webhook-trigger/webhook-request.ts';
import {
  WEBHOOK_SECRET_FIELD,
  type WebhookTriggerParameters,
  webhookSecretSlot,
  webhookTriggerNode,
} from '../../nodes/webhook-trigger/webhook-trigger.node.ts';
import type { SecretStore } from '../../run/services.ts';
import type { Inbox } from '../inbox/inbox.ts';
import type { LoadedBundle } from './runtime-bundles.ts';

/** One URL the runtime answers: a webhook trigger node of a loaded flow. */
export interface WebhookRoute {
  path: string;
  method: string;
  flowId: string;
  flowHash: string;
  triggerNodeId: string;
  /** `threedcart`: the body is a list of orders, one job per OrderID. `generic`: one job per request. */
  kind: 'threedcart' | 'generic';
  parameters: WebhookTriggerParameters;
  /** Id of the credential holding the webhook secret, when the trigger checks one. */
  secretCredentialId: string | undefined;
}

/** What one accepted request added to the inbox. */
export interface IntakeResult {
  accepted: number;
  duplicates: number;
}

/**
 * The webhook routes of the loaded flows. Throws INPUT_INVALID when two triggers claim the same
 * method and path (the runtime could not tell whose request it is) or a trigger's parameters do
 * not parse.
 */
export function webhookRoutes(bundles: readonly LoadedBundle[]): WebhookRoute[] {
  const routes: WebhookRoute[] = [];
  const owners = new Map<string, string>();
  for (const bundle of bundles) {
    for (const node of bundle.flow.nodes) {
      if (node.disabled) continue;
      const owner = `flow "${bundle.manifest.flowId}" node "${node.id}"`;
      const parameters = triggerParameters(node.type, node.parameters, owner);
      if (parameters === undefined) continue;
      const key = `${parameters.method} ${parameters.path}`;
      const other = owners.get(key);
      if (other !== undefined)
        throw new BridgeflowError('INPUT_INVALID', `${other} and ${owner} both listen on ${key}`);
      owners.set(key, owner);
      const slot = webhookSecretSlot(parameters);
      routes.push({
        path: parameters.path,
        method: parameters.method,
        flowId: bundle.manifest.flowId,
        flowHash: bundle.manifest.contentHash,
        triggerNodeId: node.id,
        kind: node.type === orderWebhookNode.description.type ? 'threedcart' : 'generic',
        parameters,
        secretCredentialId: slot === undefined ? undefined : node.credentials?.[slot],
      });
    }
  }
  return routes;
}

function triggerParameters(
  type: string,
  values: { [key: string]: JsonValue },
  owner: string,
): WebhookTriggerParameters | undefined {
  if (type === webhookTriggerNode.description.type)
    return parseParameters(webhookTriggerNode.parameters, values, owner);
  if (type === orderWebhookNode.description.type)
    return orderWebhookRequestParameters(parseParameters(orderWebhookNode.parameters, values, owner));
  return undefined;
}

function parseParameters<T>(schema: z.ZodType<T>, values: JsonValue, owner: string): T {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  throw new BridgeflowError(
    'INPUT_INVALID',
    `${owner} has invalid parameters: ${z.prettifyError(parsed.error)}`,
  );
}

/**
 * Checks one request against its trigger and stores its jobs, before the caller answers:
 * INPUT_TOO_LARGE, WEBHOOK_PAYLOAD_INVALID and CONNECTOR_AUTH are thrown with nothing stored.
 * A redelivered order (same OrderID for the same flow) counts as a duplicate and starts nothing.
 */
export async function takeInWebhook(
  route: WebhookRoute,
  request: WebhookRequest,
  context: { inbox: Inbox; secrets: SecretStore; maxBytes: number },
): Promise<IntakeResult> {
  const secret = await webhookSecret(route, context.secrets);
  const items = parseWebhookRequest(request, route.parameters, {
    maxBytes: context.maxBytes,
    ...(secret === undefined ? {} : { secret }),
  });
  const jobs =
    route.kind === 'threedcart' ? orderJobs(items) : items.map((payload) => ({ payload, key: null }));
  const result: IntakeResult = { accepted: 0, duplicates: 0 };
  for (const job of jobs) {
    const { duplicate } = context.inbox.enqueue({
      flowId: route.flowId,
      flowHash: route.flowHash,
      trigger: route.triggerNodeId,
      businessKey: job.key,
      payload: job.payload,
    });
    if (duplicate) result.duplicates += 1;
    else result.accepted += 1;
  }
  return result;
}

/**
 * One job per order: a 3dcart body lists orders, and a job per order lets one bad order fail
 * (and be retried or replayed) without holding back the others. The key is the OrderID, so a
 * webhook 3dcart sends again never creates a second Sage order.
 */
function orderJobs(items: readonly JsonValue[]): { payload: JsonValue; key: string }[] {
  const jobs: { payload: JsonValue; key: string }[] = [];
  for (const body of items) {
    // Validates the whole body first, so a list with one bad record stores nothing.
    webhookOrderIds(body);
    const seen = new Set<number>();
    for (const record of Array.isArray(body) ? body : [body]) {
      const [orderId] = webhookOrderIds(record);
      if (orderId === undefined || seen.has(orderId)) continue;
      seen.add(orderId);
      jobs.push({ payload: record, key: String(orderId) });
    }
  }
  return jobs;
}

async function webhookSecret(route: WebhookRoute, secrets: SecretStore): Promise<string | undefined> {
  if (route.secretCredentialId === undefined) return undefined;
  const fields = await secrets.get(route.secretCredentialId);
  return fields?.[WEBHOOK_SECRET_FIELD];
}
