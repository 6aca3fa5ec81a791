import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { JsonValue } from '../../engine/contract/flow-document.ts';
import { createSampleLookups } from '../../engine/mapping/testing/sample-lookups.ts';
import { createCoreRegistry } from '../../engine/nodes/core-node-types.ts';
import { createBundle, credentialVariable } from '../../engine/runtime/bundle.ts';
import { type JsonRecord, loadFlow, readJson, TEMPLATES } from '../flows/sage300-template-bench.ts';
import { jsonRequest } from './json-request.ts';
import type { OrderSandboxAddress } from './order-sandbox.worker.ts';
import type { SenderJob } from './webhook-sender.worker.ts';

// What the load suites (done-when tests) and the runtime benchmark share: 3dcart and Sage 300
// simulators in their own thread, the order-to-sage300 template exported as a bundle (and a
// second export whose SKU table knows the unknown-SKU sample's OF-1011), credentials as
// `bridgeflow serve` reads them, thousands of store orders, and a webhook sender that behaves
// like 3dcart's: concurrent deliveries, each retried until it gets a 2xx.

const template = join(TEMPLATES, 'order-to-sage300');

export type SampleName = 'registered-customer-order' | 'guest-order' | 'unknown-sku-order';

export interface OrderLoad {
  address: OrderSandboxAddress;
  /** Temp folder; data folders go inside it. */
  folder: string;
  /** Folder with the template's bundle as the designer's sample tables export it. */
  bundleFolder: string;
  /** Folder with the same flow exported after the SKU table learned OF-1011. */
  fixedBundleFolder: string;
  /** BRIDGEFLOW_CREDENTIAL_* variables for the simulators. */
  environment: NodeJS.ProcessEnv;
  /** Creates `count` 3dcart orders from a template sample; the bodies 3dcart's webhook would carry. */
  createOrders(count: number, sample: SampleName): Promise<JsonRecord[]>;
  /** How many Sage sales orders carry each order's PO number `3DC-<OrderID>`. */
  sageOrderCounts(orders: readonly JsonRecord[]): Promise<number[]>;
  /** `PUT /_admin/faults` on the Sage simulator. */
  setSageFaults(settings: Record<string, number>): Promise<void>;
  /**
   * Both simulators back to their seed data (and the DISC charge): the simulated Sage filters by
   * looking at every order, so a benchmark way that ran after thousands of orders would be slower
   * for the simulator's sake, not its own.
   */
  resetSimulators(): Promise<void>;
  close(): Promise<void>;
}

export async function startOrderLoad(): Promise<OrderLoad> {
  const worker = new Worker(new URL('./order-sandbox.worker.ts', import.meta.url));
  const address = await new Promise<OrderSandboxAddress>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const folder = await mkdtemp(join(tmpdir(), 'bridgeflow-load-'));
  const bundleFolder = join(folder, 'bundle');
  const fixedBundleFolder = join(folder, 'bundle-fixed');
  await writeBundle(bundleFolder, false);
  await writeBundle(fixedBundleFolder, true);
  const storeHeaders = {
    SecureURL: address.store.secureUrl,
    PrivateKey: address.store.privateKey,
    Token: address.store.token,
  };
  const sageHeaders = {
    authorization: `Basic ${Buffer.from(`${address.sage.user}:${address.sage.password}`).toString('base64')}`,
  };
  // What the template's README asks of a Sage company: a DISC charge for order discounts.
  const addDiscountCharge = () =>
    jsonRequest(`${address.sageUrl}/Sage300WebApi/v1.0/-/SAMINC/OE/OEMiscellaneousCharges`, {
      method: 'POST',
      headers: sageHeaders,
      body: { MiscellaneousChargesCode: 'DISC', Description: 'Web store discount', Amount: 0 },
    });
  await addDiscountCharge();
  return {
    address,
    folder,
    bundleFolder,
    fixedBundleFolder,
    environment: environmentFor(address),
    createOrders: (count, sample) => createOrders(address, storeHeaders, count, sample),
    async sageOrderCounts(orders) {
      const state = (await jsonRequest(`${address.sageUrl}/_admin/state`, { method: 'GET' })) as {
        companies: { SAMINC: { orders: JsonRecord[] } };
      };
      const counts = new Map<string, number>();
      for (const order of state.companies.SAMINC.orders) {
        const number = String(order.PurchaseOrderNumber);
        counts.set(number, (counts.get(number) ?? 0) + 1);
      }
      return orders.map((order) => counts.get(`3DC-${String(order.OrderID)}`) ?? 0);
    },
    async setSageFaults(settings) {
      await jsonRequest(`${address.sageUrl}/_admin/faults`, { method: 'PUT', body: settings });
    },
    async resetSimulators() {
      await jsonRequest(`${address.sageUrl}/_admin/reset`, { method: 'POST' });
      await jsonRequest(`${address.threedcartUrl}/_admin/reset`, { method: 'POST' });
      await addDiscountCharge();
    },
    async close() {
      worker.postMessage('close');
      await new Promise((resolve) => worker.once('exit', resolve));
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** The credentials, with the store's API allowance: the simulator runs without 3dcart's bucket. */
function environmentFor(address: OrderSandboxAddress): NodeJS.ProcessEnv {
  const credentials: Record<string, Record<string, string>> = {
    'threedcart-store': {
      apiUrl: address.threedcartApiUrl,
      ...address.store,
      requestsPerSecond: '100000',
      requestBurst: '1000',
    },
    'sage300-erp': {
      baseUrl: `${address.sageUrl}/Sage300WebApi`,
      company: address.sage.company,
      username: address.sage.user,
      password: address.sage.password,
    },
  };
  const environment: NodeJS.ProcessEnv = {};
  for (const [id, fields] of Object.entries(credentials))
    environment[credentialVariable(id)] = JSON.stringify(fields);
  return environment;
}

/**
 * The template exported with the sample lookup tables; `knowsOf1011` adds the row the unknown-SKU
 * sample misses (OF-1011 sold as the Sage item of its sibling OF-1003), as a designer would.
 */
async function writeBundle(into: string, knowsOf1011: boolean): Promise<void> {
  const lookups = createSampleLookups(1);
  if (knowsOf1011) {
    const sibling = lookups.repository
      .getTable('sku-to-sage-item')
      ?.rows.find((row) => row.key === 'OF-1003');
    if (!sibling) throw new Error('The sample SKU table has no OF-1003');
    lookups.repository.writeRows('sku-to-sage-item', [{ key: 'OF-1011', value: sibling.value }], 'merge');
  }
  const flow = loadFlow(join(template, 'order-to-sage300.flow.json'));
  const text = createBundle(flow, createCoreRegistry(), (name) => lookups.repository.getTable(name));
  await mkdir(into, { recursive: true });
  await writeFile(join(into, 'order-to-sage300.bundle.json'), text);
}

/** 3dcart takes a list per POST; batches of 100, a few at a time. */
async function createOrders(
  address: OrderSandboxAddress,
  headers: Record<string, string>,
  count: number,
  sample: SampleName,
): Promise<JsonRecord[]> {
  const [body] = readJson(join(template, 'samples', `${sample}.json`)) as JsonRecord[];
  const { OrderID: _sampleId, ...order } = body ?? {};
  const batches = Array.from({ length: Math.ceil(count / 100) }, (_unused, index) =>
    Math.min(100, count - index * 100),
  );
  const created = await mapConcurrently(batches, 4, async (size) => {
    const rows = (await jsonRequest(`${address.threedcartApiUrl}/Orders`, {
      method: 'POST',
      headers,
      body: Array.from({ length: size }, () => order),
    })) as { Value: string }[];
    return rows.map((row): JsonRecord => ({ ...order, OrderID: Number(row.Value) }));
  });
  return created.flat();
}

/** What {@link deliverWebhooks} saw: per delivery, when it was first sent and answered 2xx. */
export interface Delivery {
  orderId: number;
  sentAt: number;
  acceptedAt: number;
  /** Attempts until a 2xx (3dcart sends again when it gets none). */
  attempts: number;
  status: number;
  body: JsonValue;
}

/**
 * Posts each body as a 3dcart order webhook to `target()` (read on every attempt: a restarted
 * runtime may listen elsewhere), `concurrency` at a time, retrying every delivery that got no 2xx
 * (a refused connection, a 503 while stopping) until `deadline`.
 */
export async function deliverWebhooks(
  target: () => string,
  bodies: readonly JsonRecord[][],
  options: {
    concurrency: number;
    deadline?: number;
    retryDelayMs?: number;
    /** Called after each delivery that got its 2xx. */
    onAccepted?: (delivery: Delivery) => void;
  },
): Promise<Delivery[]> {
  const deadline = options.deadline ?? Date.now() + 60_000;
  return mapConcurrently(bodies, options.concurrency, async (body) => {
    const sentAt = Date.now();
    for (let attempts = 1; ; attempts++) {
      try {
        const response = await fetch(`${target()}/webhooks/threedcart/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const answer = (await response.json()) as JsonValue;
        if (response.ok) {
          const orderId = Number(body[0]?.OrderID);
          const delivery = {
            orderId,
            sentAt,
            acceptedAt: Date.now(),
            attempts,
            status: response.status,
            body: answer,
          };
          options.onAccepted?.(delivery);
          return delivery;
        }
      } catch {
        // No answer (the runtime is down): like 3dcart, send it again later.
      }
      if (Date.now() > deadline) throw new Error(`A webhook was never accepted: ${JSON.stringify(body)}`);
      await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 50));
    }
  });
}

/** {@link deliverWebhooks} in a thread of its own (see webhook-sender.worker.ts). */
export async function deliverWebhooksFromThread(
  url: string,
  bodies: readonly JsonRecord[][],
  concurrency: number,
): Promise<Delivery[]> {
  const job: SenderJob = { url, bodies: [...bodies], concurrency };
  const worker = new Worker(new URL('./webhook-sender.worker.ts', import.meta.url), { workerData: job });
  try {
    return await new Promise<Delivery[]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}

/** Maps with at most `limit` calls in flight, keeping the order of `items`. */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
