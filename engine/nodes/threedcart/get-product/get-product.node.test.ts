import { afterEach, describe, expect, it } from 'vitest';
import { exchangesOf, outputOf, startBench, type ThreeDCartBench } from '../threedcart-test-bench.ts';

let bench: ThreeDCartBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

function catalog(running: ThreeDCartBench['running']) {
  const products = running.simulator.state().products;
  const plain = products.find((product) => product.AdvancedOptionList.length === 0);
  const withVariants = products.find((product) => product.AdvancedOptionList.length > 1);
  if (!plain || !withVariants) throw new Error('The seed catalog lacks a product kind');
  const variant = withVariants.AdvancedOptionList[1];
  if (!variant) throw new Error('No variant');
  return { plain, withVariants, variant };
}

const skuQueries = (bench: ThreeDCartBench) =>
  bench.sent.map((request) =>
    `${request.url.split('/3dCartWebAPI/v2/')[1]} ${request.query?.sku ?? ''}`.trim(),
  );

describe('threedcart.getProduct', () => {
  // start ─▶ node ─▶ (product) / (notFound)
  it('finds products by SKU and variants through their product', async () => {
    bench = await startBench();
    const { plain, withVariants, variant } = catalog(bench.running);
    const trace = await bench.runNode('threedcart.getProduct', {}, [
      { sku: plain.SKUInfo.SKU.toLowerCase() },
      { sku: variant.AdvancedOptionSufix },
      { sku: 'NO-SUCH-SKU' },
    ]);
    expect(trace.status).toBe('succeeded');
    expect(outputOf(trace)).toEqual([
      {
        ...plain,
        matchedSku: plain.SKUInfo.SKU.toLowerCase(),
        matchedVariant: null,
        stock: plain.SKUInfo.Stock,
      },
      {
        ...withVariants,
        matchedSku: variant.AdvancedOptionSufix,
        matchedVariant: variant,
        stock: variant.AdvancedOptionStock,
      },
    ]);
    expect(outputOf(trace, 'notFound')).toEqual([{ sku: 'NO-SUCH-SKU' }]);
    // "AP-1001-RED-M" → "AP-1001-RED" → "AP-1001": 3dcart filters on the product SKU only.
    const variantSku = variant.AdvancedOptionSufix ?? '';
    expect(skuQueries(bench).slice(1, 4)).toEqual([
      `Products ${variantSku}`,
      `Products ${variantSku.split('-').slice(0, -1).join('-')}`,
      `Products ${withVariants.SKUInfo.SKU}`,
    ]);
    expect(exchangesOf(trace).filter((exchange) => exchange.status === 404).length).toBeGreaterThan(2);
  });

  // start ─▶ node ─▶ (product)
  it('finds a variant SKU unrelated to its product SKU with a catalog scan', async () => {
    bench = await startBench();
    const { withVariants, variant } = catalog(bench.running);
    const { apiUrl } = bench.running;
    const renamed = await fetch(`${apiUrl}/Products/${withVariants.SKUInfo.CatalogID}/AdvancedOptions`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headersOf(bench) },
      body: JSON.stringify([
        { AdvancedOptionCode: variant.AdvancedOptionCode, AdvancedOptionSufix: 'ODDBALL' },
      ]),
    });
    expect(renamed.status).toBe(200);
    const without = await bench.runNode('threedcart.getProduct', {}, [{ sku: 'oddball' }]);
    expect(outputOf(without, 'notFound')).toHaveLength(1);
    const scanned = await bench.runNode('threedcart.getProduct', { catalogScan: true }, [{ sku: 'oddball' }]);
    expect(outputOf(scanned)[0]).toMatchObject({
      SKUInfo: { CatalogID: withVariants.SKUInfo.CatalogID },
      matchedVariant: { AdvancedOptionCode: variant.AdvancedOptionCode, AdvancedOptionSufix: 'ODDBALL' },
    });
    expect(exchangesOf(scanned).at(-1)?.url).toContain('limit=200&offset=1');
  });
});

function headersOf(bench: ThreeDCartBench): Record<string, string> {
  const { secureUrl = '', privateKey = '', token = '' } = bench.credentials;
  return { SecureURL: secureUrl, PrivateKey: privateKey, Token: token };
}
