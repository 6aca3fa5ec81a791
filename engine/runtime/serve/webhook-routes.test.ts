import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { parseFlowText } from '../../flow/load-flow.ts';
import type { Inbox } from '../inbox/inbox.ts';
import { createInboxFixture, type InboxFixture } from '../inbox/inbox-test-helpers.ts';
import type { LoadedBundle } from './runtime-bundles.ts';
import { takeInWebhook, type WebhookRoute, webhookRoutes } from './webhook-routes.ts';

// Business keys at intake: what makes two deliveries "the same" for each webhook trigger.

function bundleWith(trigger: { type: string; parameters: { [key: string]: JsonValue } }): LoadedBundle {
  const { document, problems } = parseFlowText(
    JSON.stringify({
      schemaVersion: 1,
      id: 'keyed',
      name: 'Keyed',
      settings: {},
      nodes: [{ id: 'hook', name: 'Hook', typeVersion: 1, position: { x: 0, y: 0 }, ...trigger }],
      edges: [],
    }),
  );
  if (!document) throw new Error(JSON.stringify(problems));
  const manifest = {
    flowId: 'keyed',
    flowName: 'Keyed',
    schemaVersion: 1,
    contentHash: `sha256:${'0'.repeat(64)}`,
    createdAt: '2026-11-22T00:00:00.000Z',
    requiredCredentials: [],
    requiredEnvironment: [],
    lookupTables: [],
  };
  return { manifest, flow: document, lookupTables: [], file: 'keyed.bundle.json' };
}

let fixture: InboxFixture;
let inbox: Inbox;
beforeEach(async () => {
  fixture = await createInboxFixture();
  inbox = fixture.open();
});
afterEach(() => fixture.cleanUp());

function post(route: WebhookRoute, body: JsonValue) {
  return takeInWebhook(
    route,
    { headers: { 'content-type': 'application/json' }, query: {}, rawBody: JSON.stringify(body) },
    { inbox, secrets: { get: async () => undefined }, maxBytes: 10_000 },
  );
}

describe('webhook business keys', () => {
  it('keys a generic webhook by its expression and skips a redelivery', async () => {
    const [route] = webhookRoutes([
      bundleWith({
        type: 'core.webhookTrigger',
        parameters: { path: '/hooks', businessKey: 'order.number' },
      }),
    ]);
    if (!route) throw new Error('no route');
    expect(await post(route, { order: { number: 'A-100' } })).toEqual({ accepted: 1, duplicates: 0 });
    expect(await post(route, { order: { number: 'A-100' }, resent: true })).toEqual({
      accepted: 0,
      duplicates: 1,
    });
    expect(await post(route, { order: { number: 'A-101' } })).toEqual({ accepted: 1, duplicates: 0 });
    const refused = await post(route, { order: {} }).catch((thrown: unknown) => thrown);
    expect(refused).toBeInstanceOf(BridgeflowError);
    expect(refused).toMatchObject({ code: 'WEBHOOK_PAYLOAD_INVALID' });
  });

  it('takes every request of a generic webhook without a key', async () => {
    const [route] = webhookRoutes([
      bundleWith({ type: 'core.webhookTrigger', parameters: { path: '/hooks' } }),
    ]);
    if (!route) throw new Error('no route');
    await post(route, { id: 1 });
    expect(await post(route, { id: 1 })).toEqual({ accepted: 1, duplicates: 0 });
  });

  it('keys 3dcart orders by OrderID and status, or by OrderID alone when the trigger says so', async () => {
    const [byStatus] = webhookRoutes([bundleWith({ type: 'threedcart.orderWebhook', parameters: {} })]);
    if (!byStatus) throw new Error('no route');
    expect(await post(byStatus, [{ OrderID: 7, OrderStatusID: 1 }])).toEqual({ accepted: 1, duplicates: 0 });
    expect(await post(byStatus, [{ OrderID: 7, OrderStatusID: 1 }])).toEqual({ accepted: 0, duplicates: 1 });
    expect(await post(byStatus, [{ OrderID: 7, OrderStatusID: 2 }])).toEqual({ accepted: 1, duplicates: 0 });
    const [once] = webhookRoutes([
      bundleWith({ type: 'threedcart.orderWebhook', parameters: { businessKey: 'orderId' } }),
    ]);
    if (!once) throw new Error('no route');
    expect(await post(once, [{ OrderID: 8, OrderStatusID: 1 }])).toEqual({ accepted: 1, duplicates: 0 });
    expect(await post(once, [{ OrderID: 8, OrderStatusID: 2 }])).toEqual({ accepted: 0, duplicates: 1 });
  });

  it('refuses to start on a business key expression that does not parse', () => {
    expect(() =>
      webhookRoutes([bundleWith({ type: 'core.webhookTrigger', parameters: { businessKey: 'order.(' } })]),
    ).toThrow(/node "hook" has an invalid business key expression/);
  });
});
