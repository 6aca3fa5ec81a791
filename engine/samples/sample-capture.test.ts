import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '../contract/flow-document.ts';
import { type ClosableHttpTransport, createAxiosTransport } from '../run/http/axios-transport.ts';
import { systemClock } from '../run/system-services.ts';
import { createMemoryLogger } from '../run/testing/test-services.ts';
import {
  type RunningThreeDCartSimulator,
  startThreeDCartSimulator,
} from '../simulators/threedcart/threedcart-simulator.ts';
import { createAnonymiser } from './sample-anonymiser.ts';
import { captureOrderSample, captureOrders } from './sample-capture.ts';
import { SampleLibrary } from './sample-library.ts';

type Order = { [key: string]: JsonValue };

function isOrder(value: JsonValue | undefined): value is Order {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

describe('capturing 3dcart orders as samples', () => {
  let store: RunningThreeDCartSimulator;
  let transport: ClosableHttpTransport;
  let credentials: Record<string, string>;
  let folder: string;

  beforeAll(async () => {
    store = await startThreeDCartSimulator({ port: 0 });
    transport = createAxiosTransport();
    const keys = store.simulator.credentials();
    credentials = {
      apiUrl: store.apiUrl,
      secureUrl: keys.secureUrl,
      privateKey: keys.privateKey,
      token: keys.token,
    };
    folder = await mkdtemp(join(tmpdir(), 'bridgeflow-capture-'));
  });
  afterAll(async () => {
    transport.close();
    await store.close();
    await rm(folder, { recursive: true, force: true });
  });

  const services = () => ({ http: transport, clock: systemClock, logger: createMemoryLogger() });

  it('reads an order through the connector and saves it as a sample', async () => {
    const library = new SampleLibrary({ workspaceDir: folder });
    const ref = { location: 'workspace', set: 'captured', name: 'order 20001' } as const;
    const capture = await captureOrderSample(library, ref, {
      orderIds: [20001],
      credentials,
      services: services(),
    });
    const saved = await library.read(ref);
    expect(saved).toEqual(capture.orders);
    expect(Array.isArray(saved) && isOrder(saved[0]) ? saved[0].OrderID : undefined).toBe(20001);
    expect(capture.exchanges.map((exchange) => [exchange.method, exchange.status])).toEqual([['GET', 200]]);
    // The credential's secrets never reach the recorded exchange.
    expect(JSON.stringify(capture.exchanges)).not.toContain(credentials.privateKey);
    await expect(
      captureOrderSample(library, ref, { orderIds: [20002], credentials, services: services() }),
    ).rejects.toMatchObject({ code: 'INPUT_INVALID' });
  });

  it('replaces names, e-mails, phones and addresses by the same fakes for the same person', async () => {
    const original = await captureOrders({ orderIds: [20001, 20002], credentials, services: services() });
    const [first] = original.orders;
    if (!isOrder(first)) throw new Error('no order');
    // The same shopper twice: once as captured, once with the e-mail in other case.
    const again = { ...first, BillingEmail: String(first.BillingEmail).toUpperCase() };
    const anonymiser = createAnonymiser();
    const [one, two] = [anonymiser.anonymise(first), anonymiser.anonymise(again)];
    if (!isOrder(one) || !isOrder(two)) throw new Error('not orders');
    for (const field of [
      'BillingFirstName',
      'BillingLastName',
      'BillingEmail',
      'BillingPhoneNumber',
      'BillingAddress',
    ]) {
      expect(one[field], field).not.toBe(first[field]);
      expect(two[field], field).toBe(one[field]);
    }
    expect(one.BillingEmail).toMatch(/@example\.com$/);
    // What the flow's rules need stays: amounts, SKUs, city, country.
    expect([one.OrderAmount, one.BillingCity, one.BillingCountry, one.OrderItemList]).toEqual([
      first.OrderAmount,
      first.BillingCity,
      first.BillingCountry,
      first.OrderItemList,
    ]);
    const text = JSON.stringify(one);
    for (const personal of [first.BillingLastName, first.BillingEmail, first.BillingAddress]) {
      if (typeof personal === 'string' && personal !== '') expect(text).not.toContain(personal);
    }
  });

  it('says which order the store does not have', async () => {
    await expect(
      captureOrders({ orderIds: [99999], credentials, services: services() }),
    ).rejects.toMatchObject({
      code: 'CONNECTOR_NOT_FOUND',
      message: expect.stringContaining('99999'),
    });
  });
});
