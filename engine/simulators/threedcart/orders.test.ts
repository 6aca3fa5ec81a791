import { afterEach, describe, expect, it } from 'vitest';
import type { Order } from './order-model.ts';
import { type Row, startTestSimulator, type ThreeDCartTestClient } from './threedcart-test-client.ts';

let client: ThreeDCartTestClient | undefined;
afterEach(async () => {
  await client?.running.close();
  client = undefined;
});

// 2025-07-01 16:00 UTC is 12:00 in New York (EDT).
const JULY_FIRST_NOON_NEW_YORK = Date.UTC(2025, 6, 1, 16, 0, 0);

async function start() {
  client = await startTestSimulator({ clock: () => JULY_FIRST_NOON_NEW_YORK });
  return client;
}

function pickProducts(api: ThreeDCartTestClient) {
  const { products } = api.simulator.state();
  const withVariants = products.find((product) => product.AdvancedOptionList.length > 0);
  const plain = products.find(
    (product) => product.AdvancedOptionList.length === 0 && product.SKUInfo.Stock > 5,
  );
  if (!withVariants || !plain) throw new Error('seed has no suitable products');
  const variant = withVariants.AdvancedOptionList[0];
  if (!variant) throw new Error('no variant');
  return { withVariants, variant, plain };
}

describe('3dcart GET /Orders', () => {
  it('returns one order by id as a one-element array, and 404 for an unknown id', async () => {
    const api = await start();
    const found = await api.get<Order[]>('Orders/20007');
    expect(found.status).toBe(200);
    expect(found.body).toHaveLength(1);
    expect(found.body[0]?.OrderID).toBe(20007);
    expect(await api.get('Orders/99999')).toMatchObject({
      status: 404,
      body: [{ Message: 'No orders found' }],
    });
  });

  it('filters by a date window in mm/dd/yyyy hh:mm:ss, store-local, bounds included', async () => {
    const api = await start();
    const { orders } = api.simulator.state();
    const expected = orders
      .filter((order) => order.OrderDate >= '2025-01-10T00:00:00' && order.OrderDate <= '2025-01-31T23:59:59')
      .map((order) => order.OrderID);
    expect(expected.length).toBeGreaterThan(5);
    const window = await api.get<Order[]>(
      'Orders?datestart=01/10/2025 00:00:00&dateend=01/31/2025 23:59:59&limit=300',
    );
    expect(window.body.map((order) => order.OrderID)).toEqual(expected);
    // A bound on the exact second of an order includes it.
    const first = orders[3]?.OrderDate ?? '';
    const [date, time] = first.split('T');
    const [year, month, day] = (date ?? '').split('-');
    const exact = await api.get<Order[]>(
      `Orders?datestart=${month}/${day}/${year} ${time}&dateend=${month}/${day}/${year} ${time}`,
    );
    expect(exact.body.map((order) => order.OrderID)).toEqual([orders[3]?.OrderID]);
    expect((await api.get('Orders?datestart=2025-13-45')).status).toBe(400);
  });

  it('filters by status, invoice number range, prefix, billing e-mail and last update', async () => {
    const api = await start();
    const { orders } = api.simulator.state();
    const sample = orders[12];
    if (!sample) throw new Error('no order');
    const count = async (query: string) =>
      ((await api.get(`Orders?countonly=1&${query}`)).body as Row).TotalCount;
    const shipped = orders.filter((order) => order.OrderStatusID === 4).length;
    expect(await count('orderstatus=4')).toBe(shipped);
    expect(await count('invoicenumberstart=10005&invoicenumberend=10009')).toBe(5);
    expect(await count(`invoicenumber=${sample.InvoiceNumber}`)).toBe(1);
    expect(await count('invoiceprefix=web-')).toBe(50);
    const sameEmail = orders.filter((order) => order.BillingEmail === sample.BillingEmail).length;
    expect(await count(`billingemail=${sample.BillingEmail.toUpperCase()}`)).toBe(sameEmail);
    const updatedSince = orders.filter((order) => order.LastUpdate >= '2025-03-01T00:00:00').length;
    expect(await count('lastupdatestart=03/01/2025')).toBe(updatedSince);
    expect((await api.get('Orders?orderstatus=shipped')).status).toBe(400);
  });
});

/** A storefront order: two of a variant, one plain product, a coupon, shipping and tax. */
function newOrderBody(variantSku: string, plainSku: string) {
  return {
    CustomerID: 3,
    BillingFirstName: 'Dana',
    BillingLastName: 'Smith',
    BillingAddress: '100 Main Street',
    BillingCountry: 'US',
    BillingEmail: 'dana.smith@example.com',
    OrderItemList: [
      { ItemID: variantSku, ItemQuantity: 2 },
      { ItemID: plainSku, ItemQuantity: 1 },
    ],
    ShipmentList: [{ ShipmentCost: 12.5, ShipmentMethodName: 'UPS Ground' }],
    PromotionList: [{ PromotionName: 'Spring10', Coupon: 'SPRING10', DiscountAmount: 5 }],
    SalesTax: 3.1,
  };
}

describe('3dcart POST /Orders', () => {
  it('creates an order (201, string Key/Value), completes lines from the catalog and takes stock', async () => {
    const api = await start();
    const { withVariants, variant, plain } = pickProducts(api);
    const created = await api.send(
      'POST',
      'Orders',
      newOrderBody(variant.AdvancedOptionSufix, plain.SKUInfo.SKU),
    );
    expect(created).toMatchObject({
      status: 201,
      body: [{ Key: 'OrderID', Value: '20051', Status: '201', Message: 'Created successfully' }],
    });
    const [order] = (await api.get<Order[]>('Orders/20051')).body;
    expect(order).toMatchObject({
      OrderDate: '2025-07-01T12:00:00',
      LastUpdate: '2025-07-01T12:00:00',
      OrderStatusID: 1,
      // Two seed orders are abandoned checkouts with InvoiceNumber 0, so 10049 is next.
      InvoiceNumber: 10049,
      OrderDiscount: 5,
      OrderDiscountCoupon: 5,
      OrderDiscountPromotion: 0,
      ShipmentList: [
        { ShipmentID: 0, ShipmentNumber: 1, ShipmentAddress: '100 Main Street', ShipmentCost: 12.5 },
      ],
    });
    const lines = order?.OrderItemList ?? [];
    expect(lines.map((line) => [line.ItemID, line.CatalogID, line.ItemShipmentID])).toEqual([
      [variant.AdvancedOptionSufix, withVariants.SKUInfo.CatalogID, 0],
      [plain.SKUInfo.SKU, plain.SKUInfo.CatalogID, 0],
    ]);
    expect(lines[0]?.ItemDescription).toContain('<br><b>Color:</b>&nbsp;');
    expect(lines[0]?.ItemOptions).toMatch(/^,\d+,\d+$/);
    const subtotal = lines.reduce(
      (sum, line) => sum + line.ItemQuantity * (line.ItemUnitPrice + line.ItemOptionPrice),
      0,
    );
    expect(order?.OrderAmount).toBeCloseTo(subtotal - 5 + 12.5 + 3.1, 2);
    const { stock } = api.simulator.state();
    expect(stock[variant.AdvancedOptionSufix]).toBe(variant.AdvancedOptionStock - 2);
    expect(stock[plain.SKUInfo.SKU]).toBe(plain.SKUInfo.Stock - 1);
  });

  it("stamps new orders in the store's time zone, without offset (§8)", async () => {
    const api = await startTestSimulator({ timezone: 'Asia/Tokyo', clock: () => JULY_FIRST_NOON_NEW_YORK });
    client = api;
    const body = {
      OrderItemList: [{ ItemID: 'AP-1001', ItemQuantity: 1 }],
      OrderDate: '2025-06-30T23:30:00Z',
    };
    await api.send('POST', 'Orders', body);
    const [order] = (await api.get<Order[]>('Orders/20051')).body;
    expect([order?.OrderDate, order?.LastUpdate]).toEqual(['2025-07-01T08:30:00', '2025-07-02T01:00:00']);
  });

  it('leaves stock alone with bypassorderprocessing', async () => {
    const api = await start();
    const { plain } = pickProducts(api);
    const body = { OrderItemList: [{ ItemID: plain.SKUInfo.SKU, ItemQuantity: 3 }] };
    expect((await api.send('POST', 'Orders?bypassorderprocessing=1&bypassorderemail=1', body)).status).toBe(
      201,
    );
    expect(api.simulator.state().stock[plain.SKUInfo.SKU]).toBe(plain.SKUInfo.Stock);
  });

  it('creates several orders from an array, 206 when some are invalid', async () => {
    const api = await start();
    const answer = await api.send('POST', 'Orders', [
      { OrderItemList: [{ ItemID: 'AP-1001', ItemQuantity: 1 }] },
      { OrderItemList: [] },
    ]);
    expect(answer.status).toBe(206);
    expect(answer.body).toMatchObject([{ Status: '201' }, { Key: 'Error', Status: '400' }]);
    expect((await api.send('POST', 'Orders', { BillingFirstName: 'No lines' })).status).toBe(400);
  });
});

describe('3dcart PUT /Orders', () => {
  it('updates only the fields sent (200 "updated successfully"), and 404 without content for a missing order', async () => {
    const api = await start();
    const [before] = (await api.get<Order[]>('Orders/20002')).body;
    // Status 8 (Custom1) is one no seed order has.
    const answer = await api.send('PUT', 'Orders/20002', {
      OrderStatusID: 8,
      InternalComments: 'Exported to ERP as SO-000123',
    });
    expect(answer).toMatchObject({
      status: 200,
      body: [{ Key: 'OrderID', Value: '20002', Status: '200', Message: 'updated successfully' }],
    });
    const [after] = (await api.get<Order[]>('Orders/20002')).body;
    expect(after).toEqual({
      ...before,
      OrderStatusID: 8,
      InternalComments: 'Exported to ERP as SO-000123',
      LastUpdate: '2025-07-01T12:00:00',
      ShipmentList: before?.ShipmentList.map((shipment) => ({
        ...shipment,
        ShipmentOrderStatus: 8,
        ShipmentLastUpdate: '2025-07-01T12:00:00',
      })),
    });
    const missing = await api.send('PUT', 'Orders/99999', { OrderStatusID: 2 });
    expect(missing.status).toBe(404);
    expect(missing.body).toBeUndefined();
    expect((await api.send('PUT', 'Orders/20002', { OrderStatusID: 'two' })).status).toBe(400);
  });

  it('updates in bulk: 200 when all succeed, 206 with a row per order when some fail', async () => {
    const api = await start();
    const all = await api.send('PUT', 'Orders', [
      { OrderID: 20003, InternalComments: 'a' },
      { OrderID: 20004, InternalComments: 'b' },
    ]);
    expect(all.status).toBe(200);
    const some = await api.send('PUT', 'Orders', [
      { OrderID: 20005, InternalComments: 'c' },
      { OrderID: 99999, InternalComments: 'd' },
    ]);
    expect(some).toMatchObject({
      status: 206,
      body: [
        { Key: 'OrderID', Value: '20005', Status: '200' },
        { Key: 'OrderID', Value: '99999', Status: '404' },
      ],
    });
    expect((await api.get<Order[]>('Orders/20005')).body[0]?.InternalComments).toBe('c');
  });
});

describe('3dcart GET /OrderStatus', () => {
  it('lists the statuses with Review as 13 by default, and gets one by id as an array', async () => {
    const api = await start();
    const list = await api.get<Row[]>('OrderStatus?limit=20');
    expect(list.body.map((status) => status.OrderStatusID)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13]);
    expect(await api.get('OrderStatus/1')).toMatchObject({
      status: 200,
      body: [{ OrderStatusID: 1, StatusDefinition: 'New', StatusText: 'New', Visible: true }],
    });
    expect((await api.get('OrderStatus/12')).status).toBe(404);
    expect((await api.get('OrderStatus?countonly=1')).body).toEqual({ TotalCount: 12 });
  });
});
