import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocument, JsonValue } from '../../engine/contract/flow-document.ts';
import type { RunTrace } from '../../engine/contract/run-trace.ts';
import { formatFlow } from '../../engine/flow/flow-format.ts';
import { parseFlowText } from '../../engine/flow/load-flow.ts';
import { validateFlow } from '../../engine/flow/validate-flow.ts';
import { CachedLookupResolver } from '../../engine/mapping/lookups/lookup-resolver.ts';
import { LookupTableRepository } from '../../engine/mapping/lookups/lookup-table-repository.ts';
import { createCoreRegistry } from '../../engine/nodes/core-node-types.ts';
import { runFlow } from '../../engine/run/executor.ts';
import { createAxiosTransport } from '../../engine/run/http/axios-transport.ts';
import type { HttpRequest } from '../../engine/run/services.ts';
import { createFakeClock, createTestServices } from '../../engine/run/testing/test-services.ts';
import { catalogProducts } from '../../engine/simulators/common/seed-catalog.ts';
import {
  type RunningSage300Simulator,
  startSage300Simulator,
} from '../../engine/simulators/sage300/sage300-simulator.ts';
import {
  type RunningThreeDCartSimulator,
  startThreeDCartSimulator,
} from '../../engine/simulators/threedcart/threedcart-simulator.ts';
import { openDatabase } from '../../engine/store/database.ts';

// items ─▶ sage-stock ─▶ map-sku ─┬───────────────────────────────────▶ pair(input1) ─▶ changed ─▶ set-stock
//                                ├─▶ store-stock ─▶ store-stock-only ─▶ pair(input2)      └─discarded (unchanged)
//                                └─exception (item with no 3dcart SKU)

const folder = resolve(import.meta.dirname, '../../flows/templates/stock-to-threedcart');
const flowText = readFileSync(resolve(folder, 'stock-to-threedcart-sage300.flow.json'), 'utf8');
const items: JsonValue[] = JSON.parse(readFileSync(resolve(folder, 'samples/items-sage300.json'), 'utf8'));
const registry = createCoreRegistry();
const unformatted = (itemNumber: string) => itemNumber.replace(/[^A-Za-z0-9]/g, '');

function parsedFlow(): FlowDocument {
  const { document } = parseFlowText(flowText);
  if (!document) throw new Error('template does not parse');
  return document;
}

describe('template stock-to-threedcart (Sage 300 variant) against the sandbox', () => {
  const clock = createFakeClock();
  const sent: HttpRequest[] = [];
  let threedcart: RunningThreeDCartSimulator;
  let sage: RunningSage300Simulator;
  let repository: LookupTableRepository;
  const transport = createAxiosTransport();
  let run: () => Promise<RunTrace>;

  beforeAll(async () => {
    threedcart = await startThreeDCartSimulator({ seed: 1, clock: () => clock.now() });
    sage = await startSage300Simulator({ seed: 1 });
    repository = new LookupTableRepository(openDatabase(':memory:'));
    repository.createTable({ name: 'sage-item-to-threedcart-sku', keyLabel: 'Sage item' });
    repository.writeRows(
      'sage-item-to-threedcart-sku',
      catalogProducts(1)
        .filter((product) => product.inErp)
        .flatMap((product) => [
          { key: unformatted(product.sageItemNumber()), value: product.sku },
          ...product.variants.map((variant) => ({
            key: unformatted(product.sageItemNumber(variant.code)),
            value: variant.sku,
          })),
        ]),
      'replace',
    );
    const store = threedcart.simulator.credentials();
    const [erp] = sage.credentials();
    const secrets = {
      'threedcart-store': {
        apiUrl: threedcart.apiUrl,
        secureUrl: store.secureUrl,
        privateKey: store.privateKey,
        token: store.token,
      },
      'sage300-erp': {
        baseUrl: `${sage.url}/Sage300WebApi`,
        company: erp?.company ?? 'SAMINC',
        username: erp?.user ?? '',
        password: erp?.password ?? '',
      },
    };
    const lookups = new CachedLookupResolver(repository);
    const recording = {
      send(request: HttpRequest, signal: AbortSignal) {
        sent.push(request);
        return transport.send(request, signal);
      },
    };
    run = () =>
      runFlow({
        flow: parsedFlow(),
        registry,
        services: createTestServices({ http: recording, clock, secrets, lookups }),
        input: [items],
      });
  });
  afterAll(async () => {
    transport.close();
    await Promise.all([threedcart?.close(), sage?.close()]);
  });

  /** What Sage can ship of each item, summed over its locations: read from the simulator's own state. */
  async function sageAvailable(): Promise<Map<string, number>> {
    const state = (await (await fetch(`${sage.url}/_admin/state`)).json()) as {
      companies: { SAMINC: { itemQuantities: { ItemNumber: string; QuantityAvailableToShip: number }[] } };
    };
    const rows = state.companies.SAMINC.itemQuantities;
    state.companies.SAMINC.itemQuantities;
    const totals = new Map<string, number>();
    for (const row of rows)
      totals.set(row.ItemNumber, (totals.get(row.ItemNumber) ?? 0) + Number(row.QuantityAvailableToShip));
    return totals;
  }
  const stockWrites = (since: number) =>
    sent.slice(since).filter((request) => request.method === 'PUT' && request.url.includes('/Products'));

  it('is a valid flow, stored in the stable format', () => {
    expect(validateFlow(parsedFlow(), registry)).toEqual([]);
    expect(formatFlow(parsedFlow())).toBe(flowText);
  });

  it('sets the store stock of products and variants to what Sage can ship, and says which item has no SKU', async () => {
    const available = await sageAvailable();
    const trace = await run();
    expect(trace.status).toBe('succeeded');
    // The store's seed stock differs from Sage's, so the first run really writes.
    expect(stockWrites(0).length).toBeGreaterThan(0);
    const stock = threedcart.simulator.state().stock;
    const skuOf = new Map(
      catalogProducts(1).flatMap((product) => [
        [unformatted(product.sageItemNumber()), product.sku] as const,
        ...product.variants.map(
          (variant) => [unformatted(product.sageItemNumber(variant.code)), variant.sku] as const,
        ),
      ]),
    );
    const mapped = items
      .map((item) => unformatted(String((item as { ItemNumber: string }).ItemNumber)))
      .filter((itemNumber) => itemNumber !== 'ZZ99990');
    expect(mapped.length).toBe(7);
    for (const itemNumber of mapped) {
      const sku = skuOf.get(itemNumber) ?? '';
      expect([itemNumber, stock[sku]]).toEqual([
        itemNumber,
        Math.max(0, Math.floor(available.get(itemNumber) ?? 0)),
      ]);
    }
    const [exception] =
      trace.outputs.find((output) => output.nodeId === 'map-sku' && output.port === 'exception')?.items ?? [];
    expect(exception).toMatchObject({
      reasons: [
        {
          target: 'sku',
          code: 'lookupMiss',
          message: "Sage item 'ZZ99990' is not in table 'sage-item-to-threedcart-sku'",
        },
      ],
    });
  });

  it('writes nothing the second time', async () => {
    const before = threedcart.simulator.state().stock;
    const sentBefore = sent.length;
    const trace = await run();
    expect(trace.status).toBe('succeeded');
    expect(stockWrites(sentBefore)).toEqual([]);
    expect(threedcart.simulator.state().stock).toEqual(before);
  });
});
