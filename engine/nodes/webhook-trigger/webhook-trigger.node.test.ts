import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { runFlow } from '../../run/executor.ts';
import { buildFlow } from '../../run/testing/flow-builder.ts';
import { createTestServices } from '../../run/testing/test-services.ts';
import { NodeRegistry } from '../registry.ts';
import { setFieldsNode } from '../set-fields/set-fields.node.ts';
import { parseWebhookRequest } from './webhook-request.ts';
import { webhookSecretSlot, webhookTriggerNode } from './webhook-trigger.node.ts';

const registry = new NodeRegistry([webhookTriggerNode, setFieldsNode]);

/** webhook ─▶ stamp ─▶ (out) */
function runWebhook(parameters: Record<string, JsonValue>, input: JsonValue[]) {
  const flow = buildFlow(
    [
      { id: 'webhook', type: 'core.webhookTrigger', parameters },
      { id: 'stamp', type: 'core.setFields', parameters: { fields: [{ path: 'source', value: '3dcart' }] } },
    ],
    ['webhook -> stamp'],
  );
  return runFlow({ flow, registry, services: createTestServices(), input });
}

const orders: JsonValue = [
  { OrderID: 1, InvoiceNumber: 'INV-1' },
  { OrderID: 2, InvoiceNumber: 'INV-2' },
];

describe('core.webhookTrigger', () => {
  // webhook ─▶ stamp ─▶ (out)
  it('starts one item per record of a posted JSON array', async () => {
    const input = parseWebhookRequest(
      { headers: { 'content-type': 'application/json' }, rawBody: JSON.stringify(orders), query: {} },
      webhookTriggerNode.parameters.parse({}),
      { maxBytes: 1_000_000 },
    );
    const trace = await runWebhook({}, input);
    expect(trace.status).toBe('succeeded');
    expect(trace.nodes[0]?.outputs).toEqual([
      { port: 'main', json: { OrderID: 1, InvoiceNumber: 'INV-1' }, from: [0] },
      { port: 'main', json: { OrderID: 2, InvoiceNumber: 'INV-2' }, from: [0] },
    ]);
    expect(trace.outputs[0]?.items).toEqual([
      { OrderID: 1, InvoiceNumber: 'INV-1', source: '3dcart' },
      { OrderID: 2, InvoiceNumber: 'INV-2', source: '3dcart' },
    ]);
  });

  // webhook ─▶ stamp ─▶ (out)
  it('keeps an array whole when splitArray is off', async () => {
    const trace = await runWebhook({ splitArray: false }, [orders]);
    expect(trace.nodes[0]?.outputs).toEqual([{ port: 'main', json: orders, from: [0] }]);
  });

  // webhook ─▶ stamp ─▶ (out)
  it('splits the body of a request envelope into one envelope per record', async () => {
    const parameters = {
      includeRequest: true,
      authentication: { type: 'sharedSecret', location: 'query', name: 'token' },
    };
    const input = parseWebhookRequest(
      {
        headers: { 'Content-Type': 'application/json', 'User-Agent': '3dcart' },
        rawBody: JSON.stringify(orders),
        query: { token: 's3cret-token', store: 'eu' },
      },
      webhookTriggerNode.parameters.parse(parameters),
      { maxBytes: 1_000_000, secret: 's3cret-token' },
    );
    const trace = await runWebhook(parameters, input);
    expect(trace.nodes[0]?.outputs?.map((output) => output.json)).toEqual([
      {
        body: { OrderID: 1, InvoiceNumber: 'INV-1' },
        headers: { 'content-type': 'application/json', 'user-agent': '3dcart' },
        query: { store: 'eu' },
      },
      {
        body: { OrderID: 2, InvoiceNumber: 'INV-2' },
        headers: { 'content-type': 'application/json', 'user-agent': '3dcart' },
        query: { store: 'eu' },
      },
    ]);
  });

  it('describes a trigger with defaults an editor can show', () => {
    const description = registry.get('core.webhookTrigger', 1)?.description;
    expect(description).toMatchObject({ trigger: true, category: 'trigger', inputs: [] });
    expect(description?.defaults).toMatchObject({
      path: '/webhooks/orders',
      method: 'POST',
      authentication: { type: 'none' },
      responseMode: 'onReceived',
      splitArray: true,
      includeRequest: false,
    });
    expect(description?.credentials).toEqual([
      { slot: 'webhookSecret', type: 'webhookSecret', required: false },
    ]);
  });

  it('rejects a path that is not a URL path', () => {
    expect(webhookTriggerNode.parameters.safeParse({ path: 'orders' }).success).toBe(false);
    expect(webhookTriggerNode.parameters.safeParse({ path: '/hooks/3dcart orders' }).success).toBe(false);
  });

  it('names the credential slot the runtime must read the secret from', () => {
    expect(webhookSecretSlot(webhookTriggerNode.parameters.parse({}))).toBeUndefined();
    const hmac = webhookTriggerNode.parameters.parse({
      authentication: { type: 'hmacSha256', credentialSlot: 'shopSecret' },
    });
    expect(webhookSecretSlot(hmac)).toBe('shopSecret');
  });
});
