import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { JsonValue } from '../../engine/contract/flow-document.ts';
import type { RunTrace } from '../../engine/contract/run-trace.ts';
import { parseFlowText } from '../../engine/flow/load-flow.ts';
import { CachedLookupResolver } from '../../engine/mapping/lookups/lookup-resolver.ts';
import { LookupTableRepository } from '../../engine/mapping/lookups/lookup-table-repository.ts';
import { createCoreRegistry } from '../../engine/nodes/core-node-types.ts';
import { runFlow } from '../../engine/run/executor.ts';
import { createAxiosTransport } from '../../engine/run/http/axios-transport.ts';
import type { HttpRequest, HttpTransport } from '../../engine/run/services.ts';
import { createFakeClock, createTestServices } from '../../engine/run/testing/test-services.ts';
import { catalogProducts } from '../../engine/simulators/common/seed-catalog.ts';
import { type RunningM3Simulator, startM3Simulator } from '../../engine/simulators/m3/m3-simulator.ts';
import {
  type RunningThreeDCartSimulator,
  startThreeDCartSimulator,
} from '../../engine/simulators/threedcart/threedcart-simulator.ts';
import { openDatabase } from '../../engine/store/database.ts';

// Test support for the M3 templates: the 3dcart and M3 sandbox simulators on 127.0.0.1 (port 0),
// sharing one fake clock with the engine so 3dcart's leaky bucket and the connector's rate limiter
// agree on time (as the node benches do); the production axios transport, counting what it sends;
// the credentials under the ids the templates use; lookup tables built from the seed catalog.

const SEED = 1;
const registry = createCoreRegistry();
let benchCount = 0;

/** Everything a template test needs. */
export interface M3TemplateBench {
  readonly threedcart: RunningThreeDCartSimulator;
  readonly m3: RunningM3Simulator;
  /** Every request that went on the wire, in order. */
  readonly sent: HttpRequest[];
  /** Runs the template on the trigger input. */
  run(template: string, input: readonly JsonValue[]): Promise<RunTrace>;
  /** `GET /_admin/state` of the M3 simulator. */
  m3State(): Promise<M3AdminState>;
  close(): Promise<void>;
}

/** The part of the M3 simulator's admin state the tests read. */
export interface M3AdminState {
  customers: Record<string, string>[];
  /** Confirmed customer orders: the head fields (GetHead) with the lines (LstLine). */
  orders: M3OrderState[];
}

/** One customer order in the M3 simulator's state. */
export interface M3OrderState {
  [field: string]: string | Record<string, string>[];
  CUOR: string;
  lines: Record<string, string>[];
}

export async function startM3TemplateBench(): Promise<M3TemplateBench> {
  const clock = createFakeClock();
  benchCount += 1;
  const storeUrl = `https://m3-templates-${process.pid}-${benchCount}.3dcartstores.com`;
  const threedcart = await startThreeDCartSimulator({ seed: SEED, storeUrl, clock: () => clock.now() });
  const m3 = await startM3Simulator({ seed: SEED, clock: () => clock.now() });
  const database = openDatabase(':memory:');
  const lookups = seedLookupTables(new LookupTableRepository(database));
  const axios = createAxiosTransport();
  const sent: HttpRequest[] = [];
  const transport: HttpTransport = {
    send(request, signal) {
      sent.push(request);
      return axios.send(request, signal);
    },
  };
  const store = threedcart.simulator.credentials();
  const erp = m3.credentials();
  const secrets = {
    'threedcart-store': {
      apiUrl: threedcart.apiUrl,
      secureUrl: store.secureUrl,
      privateKey: store.privateKey,
      token: store.token,
    },
    'm3-erp': {
      mode: 'basic',
      baseUrl: m3.url,
      username: erp.basic.username,
      password: erp.basic.password,
      company: erp.company,
    },
  };
  return {
    threedcart,
    m3,
    sent,
    run(template, input) {
      return runFlow({
        flow: loadTemplate(template),
        registry,
        services: createTestServices({ http: transport, clock, secrets, lookups }),
        input,
      });
    },
    async m3State() {
      const response = await fetch(`${m3.url}/_admin/state`);
      return (await response.json()) as M3AdminState;
    },
    async close() {
      axios.close();
      database.close();
      await Promise.all([threedcart.close(), m3.close()]);
    },
  };
}

/** The template's flow file as stored. */
export function templateText(template: string): string {
  return readFileSync(templateFile(template, `${template}.flow.json`), 'utf8');
}

/** The template's flow document, as a user would open it. */
export function loadTemplate(template: string) {
  const { document, problems } = parseFlowText(templateText(template));
  if (!document) throw new Error(`${template}: ${JSON.stringify(problems)}`);
  return document;
}

/** A sample payload of a template. */
export function templateSample(template: string, sample: string): JsonValue {
  return JSON.parse(readFileSync(templateFile(template, `samples/${sample}`), 'utf8'));
}

function templateFile(template: string, name: string): string {
  return resolve(import.meta.dirname, '../../flows/templates', template, name);
}

/**
 * The two tables the templates read, from the seed catalog the simulators serve (products the ERP
 * does not know are left out, so they miss): 3dcart SKU → M3 item and M3 item → 3dcart SKU. M3 keeps
 * one item per variant (the variant SKU maps to it), or one for a product without variants.
 */
function seedLookupTables(repository: LookupTableRepository): CachedLookupResolver {
  const pairs = catalogProducts(SEED)
    .filter((product) => product.inErp)
    .flatMap((product) =>
      product.variants.length === 0
        ? [{ sku: product.sku, item: product.m3ItemNumber() }]
        : product.variants.map((variant) => ({ sku: variant.sku, item: product.m3ItemNumber(variant.code) })),
    );
  repository.createTable({ name: 'sku-to-m3-item', keyLabel: 'SKU' });
  repository.writeRows(
    'sku-to-m3-item',
    pairs.map((pair) => ({ key: pair.sku, value: pair.item })),
    'replace',
  );
  repository.createTable({ name: 'm3-item-to-threedcart-sku', keyLabel: 'M3 item' });
  repository.writeRows(
    'm3-item-to-threedcart-sku',
    pairs.map((pair) => ({ key: pair.item, value: pair.sku })),
    'replace',
  );
  return new CachedLookupResolver(repository);
}

/** Items a node left on an output port the flow does not wire. */
export function leftOn(trace: RunTrace, nodeId: string, port = 'main'): JsonValue[] {
  return trace.outputs.find((output) => output.nodeId === nodeId && output.port === port)?.items ?? [];
}
