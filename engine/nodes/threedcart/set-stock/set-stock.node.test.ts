import { afterEach, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../contract/flow-document.ts';
import {
  apiPath,
  exchangesOf,
  nodeTrace,
  outputOf,
  startBench,
  type ThreeDCartBench,
} from '../threedcart-test-bench.ts';

let bench: ThreeDCartBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

function catalog(running: ThreeDCartBench['running']) {
  const products = running.simulator.state().products;
  const [first, second] = products.filter((product) => product.AdvancedOptionList.length === 0);
  const withVariants = products.find((product) => product.AdvancedOptionList.length > 2);
  const [red, blue] = withVariants?.AdvancedOptionList ?? [];
  if (!first || !second || !withVariants || !red || !blue)
    throw new Error('The seed catalog lacks a product kind');
  return { first, second, withVariants, red, blue };
}

const continueOnError = { settings: { continueOnError: true } } as const;

describe('threedcart.setStock', () => {
  // start ─▶ node ─▶ (updated)
  it('sets product stock in one bulk PUT and variant stock per product, failing only unknown SKUs', async () => {
    bench = await startBench();
    const { runNode, running } = bench;
    const { first, second, withVariants, red, blue } = catalog(running);
    const items: JsonValue[] = [
      { sku: first.SKUInfo.SKU, stock: 38 },
      { sku: red.AdvancedOptionSufix, stock: '7' },
      { sku: 'NOT-IN-STORE', stock: 1 },
      { sku: second.SKUInfo.SKU, stock: -2.5 },
      { sku: blue.AdvancedOptionSufix, stock: 2.5 },
    ];
    const trace = await runNode('threedcart.setStock', {}, items, continueOnError);
    expect(trace.status).toBe('succeeded');
    expect(running.simulator.state().stock).toMatchObject({
      [first.SKUInfo.SKU]: 38,
      [second.SKUInfo.SKU]: -2.5,
      [red.AdvancedOptionSufix]: 7,
      [blue.AdvancedOptionSufix]: blue.AdvancedOptionStock,
    });

    const writes = exchangesOf(trace).filter((exchange) => exchange.method === 'PUT');
    expect(writes.map((exchange) => [apiPath(exchange), exchange.requestBody])).toEqual([
      [
        'Products',
        [
          { SKUInfo: { CatalogID: first.SKUInfo.CatalogID, Stock: 38 } },
          { SKUInfo: { CatalogID: second.SKUInfo.CatalogID, Stock: -2.5 } },
        ],
      ],
      [
        `Products/${withVariants.SKUInfo.CatalogID}/AdvancedOptions`,
        [{ AdvancedOptionCode: red.AdvancedOptionCode, AdvancedOptionStock: 7 }],
      ],
    ]);
    expect(outputOf(trace)).toContainEqual({
      sku: red.AdvancedOptionSufix,
      stock: 7,
      target: 'variant',
      CatalogID: withVariants.SKUInfo.CatalogID,
      AdvancedOptionCode: red.AdvancedOptionCode,
      previousStock: red.AdvancedOptionStock,
      dryRun: false,
      status: '200',
      message: 'updated successfully',
    });
    const errors = nodeTrace(trace).errors.map((error) => [error.itemIndex, error.error.code]);
    expect(errors).toEqual([
      [2, 'CONNECTOR_NOT_FOUND'],
      [4, 'INPUT_INVALID'],
    ]);
  });

  // start ─▶ node ─▶ (updated)
  it('reads the catalog once for many SKUs and writes them in batches of 100', async () => {
    bench = await startBench();
    const { runNode, running } = bench;
    const products = running.simulator.state().products;
    const items = products.map((product, index) => ({ sku: product.SKUInfo.SKU, stock: index }));
    const trace = await runNode('threedcart.setStock', {}, items);
    expect(trace.status).toBe('succeeded');
    expect(outputOf(trace)).toHaveLength(products.length);
    const calls = exchangesOf(trace).map((exchange) => `${exchange.method} ${apiPath(exchange)}`);
    expect(calls).toEqual(['GET Products?limit=200&offset=1', 'PUT Products', 'PUT Products']);
    expect(exchangesOf(trace)[1]?.requestBody).toHaveLength(100);
    const stock = running.simulator.state().stock;
    expect(products.map((product) => stock[product.SKUInfo.SKU])).toEqual(
      products.map((_product, index) => index),
    );
  });

  // start ─▶ node ─▶ (updated)
  it('fails only the rows 3dcart refuses in a partial (206) answer', async () => {
    bench = await startBench();
    const { runNode, running } = bench;
    const { red, blue } = catalog(running);
    // AdvancedOptionStock is a 32-bit int in 3dcart; 1e20 is a whole number it cannot hold.
    const trace = await runNode(
      'threedcart.setStock',
      {},
      [
        { sku: red.AdvancedOptionSufix, stock: 1e20 },
        { sku: blue.AdvancedOptionSufix, stock: 4 },
      ],
      continueOnError,
    );
    expect(exchangesOf(trace).at(-1)?.status).toBe(206);
    expect(running.simulator.state().stock[blue.AdvancedOptionSufix]).toBe(4);
    expect(outputOf(trace)).toHaveLength(1);
    expect(nodeTrace(trace).errors[0]).toMatchObject({
      itemIndex: 0,
      error: { code: 'CONNECTOR_VALIDATION', remote: { status: 400, code: 'Error' } },
    });
  });

  // start ─▶ node ─▶ (updated)
  it('in dry-run writes nothing and marks every item', async () => {
    bench = await startBench();
    const { runNode, running } = bench;
    const { first } = catalog(running);
    const sku = first.SKUInfo.SKU;
    const trace = await runNode('threedcart.setStock', {}, [{ sku, stock: 999 }], { dryRun: true });
    expect(running.simulator.state().stock[sku]).toBe(first.SKUInfo.Stock);
    expect(outputOf(trace)[0]).toMatchObject({
      sku,
      dryRun: true,
      note: 'Dry run: this write was recorded, not sent to 3dcart',
      simulatedResponse: { dryRun: true, request: { method: 'PUT' } },
    });
    expect(exchangesOf(trace).at(-1)).toMatchObject({
      method: 'PUT',
      dryRun: true,
      requestBody: [{ SKUInfo: { Stock: 999 } }],
    });
    expect(bench.sent.every((request) => request.method === 'GET')).toBe(true);
  });
});
