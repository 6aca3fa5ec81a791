import { afterEach, describe, expect, it } from 'vitest';
import { catalogPeople, catalogProducts } from '../common/seed-catalog.ts';
import type { Order } from './order-model.ts';
import { createThreeDCartSimulator } from './threedcart-simulator.ts';
import { startTestSimulator, type ThreeDCartTestClient } from './threedcart-test-client.ts';

let client: ThreeDCartTestClient | undefined;
afterEach(async () => {
  await client?.running.close();
  client = undefined;
});

const cents = (amount: number) => Math.round(amount * 100);

/** The totals rule of the real data (reference §3), worked out independently of the simulator. */
function totalsHold(order: Order): boolean {
  const items = order.OrderItemList.reduce(
    (sum, item) => sum + item.ItemQuantity * (cents(item.ItemUnitPrice) + cents(item.ItemOptionPrice)),
    0,
  );
  const shipping = order.ShipmentList.reduce((sum, shipment) => sum + cents(shipment.ShipmentCost), 0);
  const taxes = cents(order.SalesTax) + cents(order.SalesTax2) + cents(order.SalesTax3);
  return items - cents(order.OrderDiscount) + shipping + taxes === cents(order.OrderAmount);
}

const STORE_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

describe('3dcart seed data', () => {
  it('has the shared catalog: 200 products (some with variants) and 100 customers', async () => {
    client = await startTestSimulator({ seed: 7 });
    const { products, customers, orders } = client.simulator.state();
    expect(products.map((product) => product.SKUInfo.SKU)).toEqual(
      catalogProducts(7).map((entry) => entry.sku),
    );
    expect(products.filter((product) => product.AdvancedOptionList.length > 0).length).toBeGreaterThan(10);
    expect(customers.map((customer) => customer.Email)).toEqual(
      catalogPeople(7, 100).map((person) => person.email),
    );
    expect(orders).toHaveLength(50);
    const variantSkus = catalogProducts(7).flatMap((entry) => entry.variants.map((variant) => variant.sku));
    const optionSkus = products.flatMap((product) =>
      product.AdvancedOptionList.map((option) => option.AdvancedOptionSufix),
    );
    expect(optionSkus).toEqual(variantSkus);
  });

  it('keeps OrderAmount = items − discount + shipping + taxes, to the cent, in all 50 orders', async () => {
    client = await startTestSimulator();
    const orders = (await client.get<Order[]>('Orders?limit=300')).body;
    expect(orders).toHaveLength(50);
    expect(orders.filter((order) => !totalsHold(order)).map((order) => order.OrderID)).toEqual([]);
    for (const order of orders) {
      expect(order.OrderDiscount).toBe(
        (cents(order.OrderDiscountCoupon) + cents(order.OrderDiscountPromotion)) / 100,
      );
    }
  });

  it('covers guests, multi-shipment, coupons, promotions, international, unicode and abandoned orders for any seed', () => {
    for (const seed of [1, 2, 3, 42]) {
      const { orders } = createThreeDCartSimulator({ seed }).state();
      expect(orders.every(totalsHold)).toBe(true);
      expect(orders.some((order) => order.CustomerID === 0)).toBe(true);
      const multi = orders.filter((order) => order.ShipmentList.length > 1);
      expect(multi.length).toBeGreaterThan(3);
      for (const order of multi) {
        const shipmentIds = new Set(order.ShipmentList.map((shipment) => shipment.ShipmentID));
        expect(order.ShipmentList[0]?.ShipmentID).toBe(0);
        expect(order.OrderItemList.every((item) => shipmentIds.has(item.ItemShipmentID))).toBe(true);
        expect(new Set(order.OrderItemList.map((item) => item.ItemShipmentID)).size).toBe(2);
      }
      const coupons = orders.filter((order) =>
        order.PromotionList.some((promotion) => promotion.Coupon !== ''),
      );
      expect(coupons.length).toBeGreaterThan(5);
      expect(coupons.every((order) => order.OrderDiscountCoupon > 0)).toBe(true);
      expect(orders.some((order) => order.OrderDiscountPromotion > 0)).toBe(true);
      expect(orders.some((order) => !['US', 'CA'].includes(order.BillingCountry))).toBe(true);
      expect(
        orders.some((order) => /[^\u0020-\u007e]/.test(order.BillingFirstName + order.BillingLastName)),
      ).toBe(true);
      expect(orders.some((order) => order.OrderStatusID === 7 && order.InvoiceNumber === 0)).toBe(true);
    }
  });

  it('uses the documented types: store-local datetimes, string ids, free-text shipped dates', () => {
    const { orders, products } = createThreeDCartSimulator().state();
    for (const order of orders) {
      expect([order.OrderDate, order.LastUpdate]).toEqual([
        expect.stringMatching(STORE_DATETIME),
        expect.stringMatching(STORE_DATETIME),
      ]);
      expect(typeof order.BillingPaymentMethodID).toBe('string');
      expect(typeof order.RewardPoints).toBe('string');
      for (const item of order.OrderItemList) expect(item.ItemDateAdded).toMatch(STORE_DATETIME);
      for (const transaction of order.TransactionList)
        expect(transaction.TransactionDateTime).toMatch(STORE_DATETIME);
    }
    const shippedDates = orders.flatMap((order) =>
      order.ShipmentList.map((shipment) => shipment.ShipmentShippedDate),
    );
    expect(shippedDates).toContain('');
    expect(
      shippedDates.some((text) => /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M$/.test(text)),
    ).toBe(true);
    const optionStocks = products.flatMap((product) =>
      product.AdvancedOptionList.map((option) => option.AdvancedOptionStock),
    );
    expect(optionStocks.every(Number.isInteger)).toBe(true);
  });

  it('is deterministic: the same seed gives the same store, another seed another', () => {
    const first = createThreeDCartSimulator({ seed: 5 }).state();
    expect(createThreeDCartSimulator({ seed: 5 }).state()).toEqual(first);
    expect(createThreeDCartSimulator({ seed: 6 }).state().orders).not.toEqual(first.orders);
  });
});

describe('3dcart reset', () => {
  it('restores exactly the seed after changes, through reset() and POST /_admin/reset', async () => {
    const api = await startTestSimulator({ clock: () => Date.UTC(2025, 4, 1, 12, 0, 0) });
    client = api;
    const seed = api.simulator.state();
    const mutate = async () => {
      await api.send('POST', 'Orders', { OrderItemList: [{ ItemID: 'AP-1001', ItemQuantity: 2 }] });
      await api.send('PUT', 'Orders/20001', { OrderStatusID: 5 });
      await api.send('PUT', 'Products', [{ SKUInfo: { CatalogID: 2, Stock: 1 } }]);
      await api.send('POST', 'Customers', { Email: 'reset.person@example.com' });
      await api.send('DELETE', 'Customers/9');
      await api.send('POST', 'Webhooks', { Name: 'x', Url: 'http://127.0.0.1:9/x', EventType: 1 });
      api.simulator.createOrder();
    };
    await mutate();
    expect(api.simulator.state()).not.toEqual(seed);
    api.simulator.reset();
    expect(api.simulator.state()).toEqual(seed);

    await mutate();
    expect((await fetch(`${api.running.url}/_admin/reset`, { method: 'POST' })).status).toBe(200);
    const state = await (await fetch(`${api.running.url}/_admin/state`)).json();
    expect(state).toEqual(JSON.parse(JSON.stringify(seed)));
    // Keys start over too: the next order is 20051 again.
    expect(api.simulator.createOrder().OrderID).toBe(20051);
  });
});
