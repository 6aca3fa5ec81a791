import { afterEach, describe, expect, it } from 'vitest';
import type { AdvancedOption, Product, SkuInfo } from './product-model.ts';
import { type Row, startTestSimulator, type ThreeDCartTestClient } from './threedcart-test-client.ts';

let client: ThreeDCartTestClient | undefined;
afterEach(async () => {
  await client?.running.close();
  client = undefined;
});

async function start() {
  client = await startTestSimulator();
  return client;
}

function firstWithVariants(api: ThreeDCartTestClient): Product {
  const product = api.simulator.state().products.find((candidate) => candidate.AdvancedOptionList.length > 0);
  if (!product) throw new Error('seed has no product with variants');
  return product;
}

describe('3dcart GET /Products', () => {
  it('gets one product by CatalogID as an array, with SKUInfo and advanced options', async () => {
    const api = await start();
    const product = firstWithVariants(api);
    const answer = await api.get<Product[]>(`Products/${product.SKUInfo.CatalogID}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([product]);
    expect(product.AdvancedOptionList[0]).toHaveProperty('AdvancedOptionSufix');
    expect((await api.get('Products/9999')).status).toBe(404);
  });

  it('filters by sku, name, price range and flags', async () => {
    const api = await start();
    const { products } = api.simulator.state();
    const count = async (query: string) =>
      ((await api.get(`Products?countonly=1&${query}`)).body as Row).TotalCount;
    expect(await count('sku=ap-1001')).toBe(1);
    expect(await count('name=Hoodie')).toBe(
      products.filter((product) => product.SKUInfo.Name.includes('Hoodie')).length,
    );
    const cheap = products.filter(
      (product) => product.SKUInfo.Price >= 10 && product.SKUInfo.Price <= 20,
    ).length;
    expect(await count('pricefrom=10&priceto=20')).toBe(cheap);
    expect(await count('onsale=1')).toBe(products.filter((product) => product.SKUInfo.OnSale).length);
    expect(await count('stockto=0')).toBe(products.filter((product) => product.SKUInfo.Stock <= 0).length);
  });

  it('serves the SKUInfo section alone, listed and by id', async () => {
    const api = await start();
    const list = await api.get<SkuInfo[]>('Products/skuinfo?limit=200');
    expect(list.body).toHaveLength(200);
    expect(Object.keys(list.body[0] ?? {})).toEqual([
      'CatalogID',
      'SKU',
      'Name',
      'Cost',
      'Price',
      'Currency',
      'RetailPrice',
      'SalePrice',
      'OnSale',
      'Stock',
    ]);
    expect(
      (await api.get<SkuInfo[]>('Products/skuinfo?sku=OF-1003')).body.map((sku) => sku.CatalogID),
    ).toEqual([3]);
    expect((await api.get<SkuInfo[]>('Products/3/skuinfo')).body[0]?.SKU).toBe('OF-1003');
  });
});

describe('3dcart PUT /Products (stock)', () => {
  it('updates stock in bulk by SKUInfo.CatalogID: 200, then 206 with a missing product', async () => {
    const api = await start();
    const all = await api.send('PUT', 'Products', [
      { SKUInfo: { CatalogID: 3, Stock: 38 } },
      { SKUInfo: { CatalogID: 4, Stock: 0 } },
    ]);
    expect(all).toMatchObject({
      status: 200,
      body: [
        { Key: 'CatalogID', Value: '3', Status: '200', Message: 'updated successfully' },
        { Key: 'CatalogID', Value: '4', Status: '200' },
      ],
    });
    const some = await api.send('PUT', 'Products', [
      { SKUInfo: { CatalogID: 3, Stock: 12.5 } },
      { SKUInfo: { CatalogID: 9999, Stock: 1 } },
    ]);
    expect(some.status).toBe(206);
    expect((await api.get<SkuInfo[]>('Products/3/skuinfo')).body[0]?.Stock).toBe(12.5);
    expect((await api.get<SkuInfo[]>('Products/4/skuinfo')).body[0]?.Stock).toBe(0);
  });

  it('updates one product partially', async () => {
    const api = await start();
    const [before] = (await api.get<Product[]>('Products/5')).body;
    expect(
      (await api.send('PUT', 'Products/5', { SKUInfo: { Price: 19.99 }, FreeShipping: true })).status,
    ).toBe(200);
    const [after] = (await api.get<Product[]>('Products/5')).body;
    expect(after?.SKUInfo).toEqual({ ...before?.SKUInfo, Price: 19.99 });
    expect(after?.FreeShipping).toBe(true);
    expect((await api.send('PUT', 'Products/9999', { Hide: true })).status).toBe(404);
  });
});

describe('3dcart /Products/{id}/AdvancedOptions (variant stock)', () => {
  it('lists variants and updates their stock by code, in bulk and one at a time', async () => {
    const api = await start();
    const product = firstWithVariants(api);
    const path = `Products/${product.SKUInfo.CatalogID}/AdvancedOptions`;
    const options = (await api.get<AdvancedOption[]>(path)).body;
    expect(options).toEqual(product.AdvancedOptionList);
    const [first, second] = options;
    if (!first || !second) throw new Error('too few variants');
    const bulk = await api.send('PUT', path, [
      { AdvancedOptionCode: first.AdvancedOptionCode, AdvancedOptionStock: 22 },
      { AdvancedOptionCode: 'no-such-code', AdvancedOptionStock: 1 },
    ]);
    expect(bulk).toMatchObject({
      status: 206,
      body: [
        { Key: 'AdvancedOptionCode', Value: first.AdvancedOptionCode, Status: '200' },
        { Value: 'no-such-code', Status: '404' },
      ],
    });
    const single = await api.send('PUT', `${path}/${second.AdvancedOptionCode}`, { AdvancedOptionStock: 7 });
    expect(single.status).toBe(200);
    const { stock } = api.simulator.state();
    expect([stock[first.AdvancedOptionSufix], stock[second.AdvancedOptionSufix]]).toEqual([22, 7]);
    // The product's own stock is a separate number (§10 quirk 12).
    expect(stock[product.SKUInfo.SKU]).toBe(product.SKUInfo.Stock);
    expect(
      (
        await api.send('PUT', path, [
          { AdvancedOptionCode: first.AdvancedOptionCode, AdvancedOptionStock: 1.5 },
        ])
      ).status,
    ).toBe(400);
  });

  it('answers 404 for a product without variants', async () => {
    const api = await start();
    const plain = api.simulator.state().products.find((product) => product.AdvancedOptionList.length === 0);
    expect(await api.get(`Products/${plain?.SKUInfo.CatalogID}/AdvancedOptions`)).toMatchObject({
      status: 404,
      body: [{ Message: 'No advanced options found' }],
    });
  });
});
