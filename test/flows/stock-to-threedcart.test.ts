import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../engine/contract/flow-document.ts';
import { formatFlow } from '../../engine/flow/flow-format.ts';
import { validateFlow } from '../../engine/flow/validate-flow.ts';
import { createCoreRegistry } from '../../engine/nodes/core-node-types.ts';
import {
  leftOn,
  loadTemplate,
  type M3TemplateBench,
  startM3TemplateBench,
  templateSample,
  templateText,
} from './m3-template-bench.ts';

// items ─▶ m3-stock ─▶ map-sku ─┬────────────────────────────────────────▶ pair(input1) ─▶ changed ─▶ set-stock
//                              │                                          ▲                 └─discarded (unchanged)
//                              ├─▶ store-stock ─▶ store-stock-only ───────┘ (input2)
//                              └─exception (item with no 3dcart SKU)

const TEMPLATE = 'stock-to-threedcart';

function items(): JsonValue[] {
  const sample = templateSample(TEMPLATE, 'items.json');
  return Array.isArray(sample) ? sample : [sample];
}

/** Allocatable stock (AV01) in warehouses 100 + 200 of the seeded M3, by 3dcart SKU. */
const EXPECTED_STOCK: Record<string, number> = {
  'AP-1009': 52,
  'HM-1002': 240,
  'OD-1004': 61,
  'HM-1010': 157,
  'AP-1001-RED-S': 140,
  'AP-1001-RED-M': 87,
  'AP-1005-BLUE-L': 110,
  // M3 has none to allocate: never below zero in the store.
  'AP-1005-BLACK-M': 0,
};

describe('template stock-to-threedcart against the sandbox', () => {
  let bench: M3TemplateBench;
  beforeAll(async () => {
    bench = await startM3TemplateBench();
  });
  afterAll(async () => {
    await bench.close();
  });

  const storeStock = () => bench.threedcart.simulator.state().stock;
  const stockWrites = (since: number) =>
    bench.sent
      .slice(since)
      .filter((request) => request.method === 'PUT' && request.url.includes('/Products'));

  it('is a valid flow, stored in the stable format', () => {
    const flow = loadTemplate(TEMPLATE);
    expect(validateFlow(flow, createCoreRegistry())).toEqual([]);
    expect(formatFlow(flow)).toBe(templateText(TEMPLATE));
  });

  it('sets the store stock of products and variants to M3 stock summed over the warehouses, in bulk', async () => {
    const before = storeStock();
    const sentBefore = bench.sent.length;
    const trace = await bench.run(TEMPLATE, items());
    expect(trace.status).toBe('succeeded');
    const after = storeStock();
    expect(Object.fromEntries(Object.keys(EXPECTED_STOCK).map((sku) => [sku, after[sku]]))).toEqual(
      EXPECTED_STOCK,
    );
    // Nothing else moved: the parent product and the other variants keep their stock.
    const others = Object.keys(before).filter((sku) => !(sku in EXPECTED_STOCK));
    expect(others.map((sku) => after[sku])).toEqual(others.map((sku) => before[sku]));
    // One bulk PUT for the products, one per product for its variants.
    expect(stockWrites(sentBefore).map((request) => request.url.replace(/^.*\/v2\//, ''))).toEqual([
      'Products',
      'Products/1/AdvancedOptions',
      'Products/5/AdvancedOptions',
    ]);
  });

  it('sends an M3 item with no 3dcart SKU to the exception port with the reason', async () => {
    const trace = await bench.run(TEMPLATE, items());
    expect(leftOn(trace, 'map-sku', 'exception')).toEqual([
      expect.objectContaining({
        reasons: [
          {
            target: 'sku',
            code: 'lookupMiss',
            message: "M3 item 'OF1011' is not in table 'm3-item-to-threedcart-sku'",
          },
        ],
      }),
    ]);
  });

  it('sends no stock update when nothing changed', async () => {
    const before = storeStock();
    const sentBefore = bench.sent.length;
    const trace = await bench.run(TEMPLATE, items());
    expect(trace.status).toBe('succeeded');
    expect(stockWrites(sentBefore)).toEqual([]);
    expect(trace.nodes.find((node) => node.nodeId === 'set-stock')?.status).toBe('skipped');
    expect(leftOn(trace, 'changed', 'discarded')).toHaveLength(Object.keys(EXPECTED_STOCK).length);
    expect(storeStock()).toEqual(before);
  });

  it('updates only the SKUs whose store stock drifted from M3', async () => {
    bench.threedcart.simulator.setStock('HM-1002', 5);
    bench.threedcart.simulator.setStock('AP-1001-RED-M', 1);
    const sentBefore = bench.sent.length;
    const trace = await bench.run(TEMPLATE, items());
    expect(trace.status).toBe('succeeded');
    expect(leftOn(trace, 'set-stock')).toEqual([
      expect.objectContaining({ sku: 'HM-1002', stock: 240, previousStock: 5, target: 'product' }),
      expect.objectContaining({ sku: 'AP-1001-RED-M', stock: 87, previousStock: 1, target: 'variant' }),
    ]);
    expect(stockWrites(sentBefore)).toHaveLength(2);
    expect(storeStock()).toMatchObject({ 'HM-1002': 240, 'AP-1001-RED-M': 87 });
  });
});
