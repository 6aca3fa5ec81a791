import { z } from 'zod';
import { isJsonObject } from '../../connectors/threedcart/threedcart-records.ts';
import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError, toErrorData } from '../../errors/bridgeflow-error.ts';
import { type CompiledExpression, compileExpression } from '../../expressions/expression.ts';
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
  /** How a delivery's business key is found (see the triggers' `businessKey` parameter). */
  businessKey: BusinessKeyRule;
}

/**
 * `orderId` / `orderIdAndStatus`: the 3dcart order webhook's choice. `expression`: the generic
 * webhook's JSONata over the request item. `none`: every request is a new job.
 */
export type BusinessKeyRule =
  | { kind: 'orderId' }
  | { kind: 'orderIdAndStatus' }
  | { kind: 'expression'; source: string; expression: CompiledExpression }
  | { kind: 'none' };

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
      const trigger = triggerParameters(node.type, node.parameters, owner);
      if (trigger === undefined) continue;
      const { parameters, businessKey } = trigger;
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
        businessKey,
      });
    }
  }
  return routes;
}

function triggerParameters(
  type: string,
  values: { [key: string]: JsonValue },
  owner: string,
): { parameters: WebhookTriggerParameters; businessKey: BusinessKeyRule } | undefined {
  if (type === webhookTriggerNode.description.type) {
    const parameters = parseParameters(webhookTriggerNode.parameters, values, owner);
    return { parameters, businessKey: expressionRule(parameters.businessKey, owner) };
  }
  if (type === orderWebhookNode.description.type) {
    const parameters = parseParameters(orderWebhookNode.parameters, values, owner);
    return {
      parameters: orderWebhookRequestParameters(parameters),
      businessKey: { kind: parameters.businessKey },
    };
  }
  return undefined;
}

/** The generic webhook's key expression, compiled once; a syntax error refuses the start. */
function expressionRule(source: string, owner: string): BusinessKeyRule {
  if (source.trim() === '') return { kind: 'none' };
  try {
    return { kind: 'expression', source, expression: compileExpression(source) };
  } catch (thrown) {
    throw new BridgeflowError(
      'INPUT_INVALID',
      `${owner} has an invalid business key expression: ${toErrorData(thrown).message}`,
    );
  }
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
    route.kind === 'threedcart' ? orderJobs(items, route.businessKey) : await requestJobs(items, route);
  // One savepoint for the request's jobs, so a body listing several orders is stored whole or not
  // at all, in the commit it shares with the other webhooks and workers of this moment.
  const results = await context.inbox.batch(() =>
    jobs.map((job) =>
      context.inbox.enqueue({
        flowId: route.flowId,
        flowHash: route.flowHash,
        trigger: route.triggerNodeId,
        businessKey: job.key,
        payload: job.payload,
      }),
    ),
  );
  const duplicates = results.filter((each) => each.duplicate).length;
  return { accepted: results.length - duplicates, duplicates };
}

/**
 * One job per order: a 3dcart body lists orders, and a job per order lets one bad order fail
 * (and be retried or replayed) without holding back the others. The key is the OrderID (with the
 * order status unless the trigger says `orderId`), so a webhook 3dcart sends again is skipped.
 */
function orderJobs(
  items: readonly JsonValue[],
  rule: BusinessKeyRule,
): { payload: JsonValue; key: string }[] {
  const jobs: { payload: JsonValue; key: string }[] = [];
  for (const body of items) {
    // Validates the whole body first, so a list with one bad record stores nothing.
    webhookOrderIds(body);
    const seen = new Set<number>();
    for (const record of Array.isArray(body) ? body : [body]) {
      const [orderId] = webhookOrderIds(record);
      if (orderId === undefined || seen.has(orderId)) continue;
      seen.add(orderId);
      jobs.push({ payload: record, key: orderKey(orderId, record, rule) });
    }
  }
  return jobs;
}

/**
 * `1001` or `1001/status 2`. A body without a status (a hand-written or form webhook) keys on the
 * OrderID alone, so its own redeliveries are still skipped.
 */
function orderKey(orderId: number, record: JsonValue, rule: BusinessKeyRule): string {
  if (rule.kind !== 'orderIdAndStatus' || !isJsonObject(record)) return String(orderId);
  const status = Object.entries(record).find(([name]) => name.toLowerCase() === 'orderstatusid')?.[1];
  return typeof status === 'number' || (typeof status === 'string' && status.trim() !== '')
    ? `${orderId}/status ${String(status).trim()}`
    : String(orderId);
}

/** One job per request, keyed by the trigger's expression when it has one. */
async function requestJobs(
  items: readonly JsonValue[],
  route: WebhookRoute,
): Promise<{ payload: JsonValue; key: string | null }[]> {
  const rule = route.businessKey;
  if (rule.kind !== 'expression') return items.map((payload) => ({ payload, key: null }));
  const jobs: { payload: JsonValue; key: string | null }[] = [];
  for (const payload of items)
    jobs.push({ payload, key: keyText(await rule.expression.evaluate(payload), rule.source) });
  return jobs;
}

/**
 * A key from the expression's value: text, a number or a list of them (joined with commas).
 * Anything else is refused (400): a sender whose requests lack the key would otherwise have
 * every delivery run, or all of them collapse into one.
 */
function keyText(value: unknown, source: string): string {
  const parts = Array.isArray(value) ? value : [value];
  const texts = parts.map((part) =>
    typeof part === 'string' || typeof part === 'number' || typeof part === 'boolean'
      ? String(part).trim()
      : '',
  );
  if (texts.length === 0 || texts.some((text) => text === '')) {
    throw new BridgeflowError(
      'WEBHOOK_PAYLOAD_INVALID',
      `The request has no business key: the trigger's expression ${source} gave ${JSON.stringify(value) ?? 'nothing'}`,
      { retryable: false },
    );
  }
  return texts.join(',');
}

async function webhookSecret(route: WebhookRoute, secrets: SecretStore): Promise<string | undefined> {
  if (route.secretCredentialId === undefined) return undefined;
  const fields = await secrets.get(route.secretCredentialId);
  return fields?.[WEBHOOK_SECRET_FIELD];
}
