import { afterEach, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../contract/flow-document.ts';
import { startTestServer, type TestServer } from '../../../run/http/test-server.ts';
import { parseWebhookRequest } from '../../webhook-trigger/webhook-request.ts';
import {
  apiPath,
  exchangesOf,
  field,
  outputOf,
  startBench,
  type ThreeDCartBench,
} from '../threedcart-test-bench.ts';
import { orderWebhookNode, orderWebhookRequestParameters } from './order-webhook.node.ts';

let bench: ThreeDCartBench | undefined;
let receiver: TestServer | undefined;
afterEach(async () => {
  await receiver?.close();
  await bench?.close();
  bench = receiver = undefined;
});

const SECRET = 'hook-secret-7731';
const sharedSecret = { authentication: { type: 'sharedSecret' } };

/** A receiver for the simulator's webhook POSTs, and a 3dcart "Order New" webhook pointing at it. */
async function subscribe(
  payload: 'array' | 'object',
): Promise<{ bench: ThreeDCartBench; receiver: TestServer }> {
  bench = await startBench({ simulator: { webhookPayload: payload } });
  receiver = await startTestServer((_request, response) => response.end());
  const { secureUrl = '', privateKey = '', token = '' } = bench.credentials;
  const created = await fetch(`${bench.running.apiUrl}/Webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      SecureURL: secureUrl,
      PrivateKey: privateKey,
      Token: token,
    },
    body: JSON.stringify({
      Name: 'ERP',
      Url: `${receiver.origin}/hooks/orders?token=${SECRET}`,
      EventType: 1,
      Format: 'JSON',
      Enabled: true,
    }),
  });
  expect(created.status).toBe(201);
  return { bench, receiver };
}

/** The run input as `bridgeflow serve` makes it: the received request read with parseWebhookRequest. */
function runInput(
  received: TestServer['requests'][number],
  parameters: Record<string, JsonValue>,
): JsonValue[] {
  const url = new URL(received.url, 'http://receiver');
  return parseWebhookRequest(
    { headers: received.headers, rawBody: received.body, query: Object.fromEntries(url.searchParams) },
    orderWebhookRequestParameters(orderWebhookNode.parameters.parse(parameters)),
    { maxBytes: 1_000_000, secret: SECRET },
  );
}

describe('threedcart.orderWebhook', () => {
  // webhook ─▶ (orders)
  it.each(['array', 'object'] as const)(
    're-reads the orders a %s payload names, so the flow gets them as they are now',
    async (payload) => {
      const { bench, receiver } = await subscribe(payload);
      const order = bench.running.simulator.createOrder();
      await bench.running.simulator.idle();
      expect(receiver.requests).toHaveLength(1);
      const input = runInput(
        receiver.requests[0] ?? { method: '', url: '', headers: {}, body: '' },
        sharedSecret,
      );
      // The order changes after the webhook was sent: the flow must see the change.
      const current = bench.running.simulator.setOrderStatus(order.OrderID, 2);
      const trace = await bench.runFlow(
        [{ id: 'node', type: 'threedcart.orderWebhook', parameters: sharedSecret }],
        [],
        input,
      );
      expect(trace.status).toBe('succeeded');
      expect(outputOf(trace)).toEqual([current]);
      expect(exchangesOf(trace).map(apiPath)).toEqual([`Orders/${order.OrderID}`]);
    },
  );

  // webhook ─▶ (orders)
  it('reads each distinct OrderID once, from JSON or form bodies', async () => {
    bench = await startBench();
    const input: JsonValue[] = [
      [{ OrderID: 20004 }, { OrderID: 20002 }, { OrderID: 20004, InvoiceNumber: 10004 }],
      { orderid: '20009' },
    ];
    const trace = await bench.runFlow([{ id: 'node', type: 'threedcart.orderWebhook' }], [], input);
    expect(outputOf(trace).map((order) => field(order, 'OrderID'))).toEqual([20004, 20002, 20009]);
    expect(exchangesOf(trace)).toHaveLength(3);
  });

  it('refuses a body without an OrderID, and a request with the wrong secret', async () => {
    bench = await startBench();
    const trace = await bench.runFlow(
      [{ id: 'node', type: 'threedcart.orderWebhook' }],
      [],
      [{ CustomerID: 5 }],
    );
    expect(trace.error).toMatchObject({
      code: 'WEBHOOK_PAYLOAD_INVALID',
      message: expect.stringContaining('without an OrderID'),
    });
    const wrong = {
      method: 'POST',
      url: '/hooks/orders?token=guess',
      headers: { 'content-type': 'application/json' },
      body: '[]',
    };
    expect(() => runInput(wrong, sharedSecret)).toThrow(/does not match/);
  });

  it('describes a trigger whose defaults suit 3dcart', () => {
    expect(orderWebhookNode.description).toMatchObject({ trigger: true, category: 'trigger', inputs: [] });
    expect(orderWebhookRequestParameters(orderWebhookNode.parameters.parse(sharedSecret))).toEqual({
      path: '/webhooks/threedcart/orders',
      method: 'POST',
      authentication: {
        type: 'sharedSecret',
        location: 'query',
        name: 'token',
        credentialSlot: 'webhookSecret',
      },
      responseMode: 'onReceived',
      splitArray: true,
      includeRequest: false,
      businessKey: '',
    });
    expect(orderWebhookNode.parameters.parse({}).businessKey).toBe('orderIdAndStatus');
  });
});
