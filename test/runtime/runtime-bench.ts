import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JsonValue } from '../../engine/contract/flow-document.ts';
import { createSampleLookups } from '../../engine/mapping/testing/sample-lookups.ts';
import { createCoreRegistry } from '../../engine/nodes/core-node-types.ts';
import { createBundle, credentialVariable } from '../../engine/runtime/bundle.ts';
import type { InboxStats } from '../../engine/runtime/inbox/inbox.ts';
import { type Sandbox, sandboxCredentials, startSandbox } from '../../engine/simulators/sandbox.ts';
import { type JsonRecord, loadFlow, readJson, TEMPLATES } from '../flows/sage300-template-bench.ts';
import { jsonRequest } from './json-request.ts';

// What the runtime suites share: the sandbox, the order-to-sage300 template exported to a bundle
// with the lookup tables its test bench seeds, credentials as `bridgeflow serve` reads them (from
// the environment), and helpers to create store orders and read what reached Sage.

const folder = join(TEMPLATES, 'order-to-sage300');

export interface RuntimeBench {
  sandbox: Sandbox;
  /** Temp folder holding the bundle; data folders go inside it. */
  folder: string;
  bundlePath: string;
  /** The BRIDGEFLOW_CREDENTIAL_* variables for the sandbox. */
  environment: NodeJS.ProcessEnv;
  /** Creates a 3dcart order from a template sample and returns it with its new OrderID. */
  createOrder(sampleName: SampleName): Promise<JsonRecord>;
  /** Sage web orders made for these 3dcart OrderIDs (PurchaseOrderNumber `3DC-<id>`). */
  sageOrdersFor(orderIds: readonly JsonValue[]): Promise<JsonRecord[]>;
  close(): Promise<void>;
}

export type SampleName = 'registered-customer-order' | 'guest-order' | 'unknown-sku-order';

export async function startRuntimeBench(): Promise<RuntimeBench> {
  const sandbox = await startSandbox({ portBase: 0 });
  const temp = await mkdtemp(join(tmpdir(), 'bridgeflow-serve-'));
  const bundlePath = join(temp, 'order-to-sage300.bundle.json');
  await writeFile(bundlePath, bundleText());
  const environment: NodeJS.ProcessEnv = {};
  for (const [id, fields] of Object.entries(sandboxCredentials(sandbox)))
    environment[credentialVariable(id)] = JSON.stringify(fields);
  const store = sandbox.threedcart.simulator.credentials();
  const storeHeaders = { SecureURL: store.secureUrl, PrivateKey: store.privateKey, Token: store.token };
  const sage = sandboxCredentials(sandbox)['sage300-erp'];
  const sageHeaders = {
    authorization: `Basic ${Buffer.from(`${sage?.username}:${sage?.password}`).toString('base64')}`,
  };
  // What the template's README asks of a Sage company: a DISC charge for order discounts.
  await jsonRequest(`${sandbox.sage300.url}/Sage300WebApi/v1.0/-/SAMINC/OE/OEMiscellaneousCharges`, {
    method: 'POST',
    headers: sageHeaders,
    body: { MiscellaneousChargesCode: 'DISC', Description: 'Web store discount', Amount: 0 },
  });
  return {
    sandbox,
    folder: temp,
    bundlePath,
    environment,
    async createOrder(sampleName) {
      const [sample] = readJson(join(folder, 'samples', `${sampleName}.json`)) as JsonRecord[];
      const { OrderID: _sampleId, ...order } = sample ?? {};
      const rows = (await jsonRequest(`${sandbox.threedcart.apiUrl}/Orders`, {
        method: 'POST',
        headers: storeHeaders,
        body: [order],
      })) as { Value: string }[];
      return { ...order, OrderID: Number(rows[0]?.Value) };
    },
    async sageOrdersFor(orderIds) {
      const state = (await jsonRequest(`${sandbox.sage300.url}/_admin/state`, { method: 'GET' })) as {
        companies: { SAMINC: { orders: JsonRecord[] } };
      };
      const numbers = new Set(orderIds.map((id) => `3DC-${String(id)}`));
      return state.companies.SAMINC.orders.filter((order) => numbers.has(String(order.PurchaseOrderNumber)));
    },
    async close() {
      await sandbox.close();
      await rm(temp, { recursive: true, force: true });
    },
  };
}

/** The template as `bridgeflow export` would bundle it, with the tables the Sage bench seeds. */
function bundleText(): string {
  const lookups = createSampleLookups(1);
  const flow = loadFlow(join(folder, 'order-to-sage300.flow.json'));
  return createBundle(flow, createCoreRegistry(), (name) => lookups.repository.getTable(name));
}

/** The runtime's health answer, as the tests read it. */
export interface Health {
  status: string;
  flows: { flowId: string; webhooks: { method: string; path: string; trigger: string }[] }[];
  queue: InboxStats;
}

export async function readHealth(baseUrl: string): Promise<Health> {
  const response = await fetch(`${baseUrl}/health`);
  return (await response.json()) as Health;
}

/** Polls the health endpoint until `done` holds for its queue, or fails after `timeoutMs`. */
export async function waitForQueue(
  baseUrl: string,
  done: (queue: InboxStats) => boolean,
  timeoutMs = 15_000,
): Promise<InboxStats> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { queue } = await readHealth(baseUrl);
    if (done(queue)) return queue;
    if (Date.now() > deadline) throw new Error(`The queue did not settle: ${JSON.stringify(queue)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Posts a 3dcart order webhook (a JSON list of orders) to the runtime. */
export async function postOrders(
  baseUrl: string,
  orders: readonly JsonValue[],
): Promise<{ status: number; body: JsonValue }> {
  const response = await fetch(`${baseUrl}/webhooks/threedcart/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(orders),
  });
  return { status: response.status, body: (await response.json()) as JsonValue };
}
