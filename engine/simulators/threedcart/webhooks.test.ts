import { afterEach, describe, expect, it } from 'vitest';
import type { ThreeDCartSimulatorOptions } from './threedcart-settings.ts';
import {
  type Row,
  startReceiver,
  startTestSimulator,
  type ThreeDCartTestClient,
  type WebhookReceiver,
} from './threedcart-test-client.ts';
import { DEFAULT_WEBHOOK_EVENT_TYPES as EVENT } from './webhook-model.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function start(options: ThreeDCartSimulatorOptions = {}) {
  const api = await startTestSimulator({
    webhookRetry: { attempts: 3, backoffMs: 5, timeoutMs: 2_000 },
    ...options,
  });
  closers.push(() => api.running.close());
  return api;
}

async function receiver(statuses: number[] = [], delayMs = 0) {
  const started = await startReceiver(statuses, delayMs);
  closers.push(() => started.close());
  return started;
}

async function subscribe(
  api: ThreeDCartTestClient,
  hook: WebhookReceiver,
  eventType: number,
  enabled = true,
) {
  const answer = await api.send('POST', 'Webhooks', {
    Name: `hook ${eventType}`,
    Url: hook.url,
    EventType: eventType,
    Format: 'JSON',
    Enabled: enabled,
  });
  expect(answer.status).toBe(201);
}

describe('3dcart /Webhooks CRUD', () => {
  it('creates (201, Key "Id"), lists, gets, updates, filters and deletes webhooks', async () => {
    const api = await start({ clock: () => Date.UTC(2024, 3, 18, 22, 44, 0) });
    const created = await api.send('POST', 'Webhooks', {
      Name: 'ERP new orders',
      Url: 'https://erp-bridge.example.com/hooks/3dcart',
      EventType: EVENT.OrderNew,
      Format: 'JSON',
      Enabled: true,
    });
    expect(created).toMatchObject({
      status: 201,
      body: [{ Key: 'Id', Value: '1', Status: '201', Message: 'Created successfully' }],
    });
    expect((await api.get('Webhooks/1')).body).toEqual([
      {
        Id: 1,
        Name: 'ERP new orders',
        Url: 'https://erp-bridge.example.com/hooks/3dcart',
        EventType: EVENT.OrderNew,
        DateCreated: '04/18/2024 18:44',
        DateUpdated: '04/18/2024 18:44',
        Format: 'JSON',
        Enabled: true,
      },
    ]);
    expect((await api.send('PUT', 'Webhooks/1', { Enabled: false })).status).toBe(200);
    expect((await api.get('Webhooks?enabled=0&countonly=1')).body).toEqual({ TotalCount: 1 });
    expect((await api.get('Webhooks?enabled=-1&name=erp')).status).toBe(200);
    expect((await api.get('Webhooks?datecreatedstart=04/19/2024')).status).toBe(404);
    expect((await api.send('DELETE', 'Webhooks/1')).status).toBe(200);
    expect((await api.get('Webhooks/1')).status).toBe(404);
    expect((await api.get('Webhooks')).status).toBe(404);
    expect((await api.send('POST', 'Webhooks', { Name: 'x', Url: 'not a url', EventType: 1 })).status).toBe(
      400,
    );
  });
});

describe('3dcart webhook delivery', () => {
  it('posts new orders as a JSON array of the order, without holding up the API answer', async () => {
    const api = await start();
    const hook = await receiver([], 200);
    await subscribe(api, hook, EVENT.OrderNew);
    const created = await api.send('POST', 'Orders', {
      OrderItemList: [{ ItemID: 'AP-1001', ItemQuantity: 1 }],
    });
    expect(created.status).toBe(201);
    expect(api.simulator.deliveries()[0]?.state).toBe('pending');
    await api.simulator.idle();
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]?.contentType).toContain('application/json');
    expect(hook.received[0]?.body).toMatchObject([
      { OrderID: 20051, OrderItemList: [{ ItemID: 'AP-1001' }] },
    ]);
    expect(api.simulator.state().webhookDeliveries).toMatchObject([
      { webhookId: 1, event: 'OrderNew', state: 'delivered', attempts: [{ status: 200 }] },
    ]);
  });

  it('tells status changes, new customers and stock changes to their own subscribers only', async () => {
    const api = await start();
    const statusHook = await receiver();
    const customerHook = await receiver();
    const stockHook = await receiver();
    const disabledHook = await receiver();
    await subscribe(api, statusHook, EVENT.OrderStatusChange);
    await subscribe(api, customerHook, EVENT.CustomerNew);
    await subscribe(api, stockHook, EVENT.ProductStockChanged);
    await subscribe(api, disabledHook, EVENT.OrderStatusChange, false);
    await api.send('PUT', 'Orders/20002', { OrderStatusID: 9 });
    await api.send('PUT', 'Orders/20002', { OrderStatusID: 9 }); // no change, no event
    await api.send('POST', 'Customers', { Email: 'webhook.person@example.com' });
    await api.send('PUT', 'Products', [{ SKUInfo: { CatalogID: 3, Stock: 77 } }]);
    await api.simulator.idle();
    expect(statusHook.received.map((hit) => (hit.body as Row[])[0]?.OrderStatusID)).toEqual([9]);
    expect(customerHook.received.map((hit) => (hit.body as Row[])[0]?.Email)).toEqual([
      'webhook.person@example.com',
    ]);
    expect(
      stockHook.received.map((hit) => ((hit.body as Row[])[0]?.SKUInfo as Row | undefined)?.Stock),
    ).toEqual([77]);
    expect(disabledHook.received).toEqual([]);
  });

  it('retries a failing receiver with back-off until it accepts', async () => {
    const api = await start();
    const hook = await receiver([500, 503]);
    await subscribe(api, hook, EVENT.OrderNew);
    await api.send('POST', 'Orders', { OrderItemList: [{ ItemID: 'HM-1002', ItemQuantity: 1 }] });
    await api.simulator.idle();
    expect(hook.received).toHaveLength(3);
    expect(hook.received[2]?.body).toEqual(hook.received[0]?.body);
    const [delivery] = api.simulator.deliveries();
    expect(delivery?.state).toBe('delivered');
    expect(delivery?.attempts.map((attempt) => attempt.status)).toEqual([500, 503, 200]);
  });

  it('gives up after the configured attempts, also when the receiver is unreachable', async () => {
    const api = await start();
    const hook = await receiver([500, 500, 500, 500]);
    await subscribe(api, hook, EVENT.CustomerNew);
    const gone = await receiver();
    await subscribe(api, gone, EVENT.CustomerNew);
    await gone.close();
    await api.send('POST', 'Customers', { Email: 'retry.person@example.com' });
    await api.simulator.idle();
    const deliveries = api.simulator.deliveries();
    expect(deliveries.map((delivery) => [delivery.state, delivery.attempts.length])).toEqual([
      ['failed', 3],
      ['failed', 3],
    ]);
    expect(deliveries[1]?.attempts[0]?.error).toBeTruthy();
  });

  it('sends the bare record when webhookPayload is "object"', async () => {
    const api = await start({ webhookPayload: 'object' });
    const hook = await receiver();
    await subscribe(api, hook, EVENT.CustomerNew);
    await api.send('POST', 'Customers', { Email: 'object.person@example.com' });
    await api.simulator.idle();
    expect(hook.received[0]?.body).toMatchObject({ Email: 'object.person@example.com' });
  });
});

describe('3dcart load-driver helpers', () => {
  it('creates random orders, changes status and stock, firing the same webhooks as the API', async () => {
    const api = await start();
    const hook = await receiver();
    for (const eventType of [EVENT.OrderNew, EVENT.OrderStatusChange, EVENT.ProductStockChanged]) {
      await subscribe(api, hook, eventType);
    }
    const order = api.simulator.createOrder();
    expect(order.OrderID).toBe(20051);
    expect(order.OrderItemList.length).toBeGreaterThan(0);
    expect((await api.get('Orders/20051')).status).toBe(200);
    api.simulator.setOrderStatus(20051, 2);
    api.simulator.setStock('AP-1001', 5);
    await api.simulator.idle();
    const events = api.simulator.deliveries().map((delivery) => delivery.event);
    expect(events[0]).toBe('OrderNew');
    expect(events).toContain('OrderStatusChange');
    expect(events).toContain('ProductStockChanged');
    expect(api.simulator.state().stock['AP-1001']).toBe(5);
    expect(() => api.simulator.setStock('NO-SUCH-SKU', 1)).toThrow();
  });
});
