import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerNumber, LAMP, MUG, mugProduct, quantities, webOrder } from './sage300-order-fixtures.ts';
import {
  entryOf,
  errorOf,
  listOf,
  query,
  rowsOf,
  startTestSimulator,
  type TestSimulator,
} from './sage300-test-client.ts';

let simulator: TestSimulator;
beforeEach(async () => {
  simulator = await startTestSimulator({ now: () => new Date('2025-05-14T08:00:00Z') });
});
afterEach(async () => {
  await simulator.close();
});

describe('OE/OEOrders POST', () => {
  it('creates the order with generated keys, lines 32/64/96 and server-side totals', async () => {
    const created = await simulator.call('POST', '/OE/OEOrders', { body: webOrder() });
    expect(created.status).toBe(201);
    const order = entryOf(created);
    const mugPrice = mugProduct?.price ?? 0;
    const taxGroup = entryOf(await simulator.call('GET', `/AR/ARCustomers('${customerNumber}')`)).TaxGroup;
    const rate = Number(
      entryOf(await simulator.call('GET', `/TX/TXTaxGroups('${String(taxGroup)}')`)).TaxRate,
    );
    const subtotal = Math.round((39.9 + mugPrice) * 100) / 100;
    const tax = Math.round(subtotal * rate) / 100;
    expect(order).toMatchObject({
      OrderUniquifier: 100007,
      OrderNumber: 'ORD000007',
      CustomerNumber: customerNumber,
      OrderDate: '2024-05-14T00:00:00Z',
      PurchaseOrderNumber: '3DC-100245',
      OrderType: 'Active',
      NumberOfLinesOnOrder: 3,
      OrderSubtotal: subtotal,
      TaxAmount1: tax,
      OrderTotal: Math.round((subtotal + 7.5 + tax) * 100) / 100,
      LastShipmentNumber: '',
      LastInvoiceNumber: '',
    });
    expect(created.headers.get('location')).toMatch(/\/OE\/OEOrders\(100007\)$/);
    const lines = listOf(order, 'OrderDetails');
    expect(lines.map((line) => [line.LineNumber, line.LineType, line.Item, line.ExtendedAmount])).toEqual([
      [32, 'Item', LAMP, 39.9],
      [64, 'Miscellaneous', '', 7.5],
      [96, 'Item', MUG, mugPrice],
    ]);
    expect(lines[0]).toMatchObject({
      OrderUniquifier: 100007,
      QuantityCommitted: 2,
      QuantityBackordered: 0,
      PricingUnitPrice: 19.95,
    });
    expect(lines[2]).toMatchObject({
      Location: '1',
      PricingUnitPrice: mugPrice,
      Description: mugProduct?.name,
    });
  });

  it('commits quantities at the location: committed rises, available falls, on hand stays', async () => {
    const before = await quantities(simulator, LAMP);
    await simulator.call('POST', '/OE/OEOrders', { body: webOrder() });
    const after = await quantities(simulator, LAMP);
    expect(after.QuantityOnHand).toBe(before.QuantityOnHand);
    expect(after.QuantityCommitted).toBe(Number(before.QuantityCommitted) + 2);
    expect(after.QuantityAvailableToShip).toBe(Number(before.QuantityAvailableToShip) - 2);
  });

  it('ships and invoices in the same POST, taking stock off hand', async () => {
    const before = await quantities(simulator, LAMP);
    const order = entryOf(
      await simulator.call('POST', '/OE/OEOrders', {
        body: webOrder({
          InvoiceWillBeProduced: true,
          OrderDetails: [{ Item: LAMP, QuantityOrdered: 2, QuantityShipped: 2 }],
        }),
      }),
    );
    expect(order).toMatchObject({
      LastShipmentNumber: 'SH000004',
      LastInvoiceNumber: 'IN000004',
      OrderCompleted: 'Complete',
    });
    const after = await quantities(simulator, LAMP);
    expect(after.QuantityOnHand).toBe(Number(before.QuantityOnHand) - 2);
    expect(after.QuantityCommitted).toBe(before.QuantityCommitted);
  });

  it('backorders what the location cannot supply, and refuses to ship more than is on hand', async () => {
    const { QuantityAvailableToShip: available, QuantityOnHand: onHand } = await quantities(
      simulator,
      LAMP,
      '1',
    );
    const big = Number(available) + 5;
    const order = entryOf(
      await simulator.call('POST', '/OE/OEOrders', {
        body: webOrder({ OrderDetails: [{ Item: LAMP, QuantityOrdered: big }] }),
      }),
    );
    expect(listOf(order, 'OrderDetails')[0]).toMatchObject({
      QuantityCommitted: available,
      QuantityBackordered: 5,
    });
    expect((await quantities(simulator, LAMP)).QuantityAvailableToShip).toBe(0);
    const tooMany = Number(onHand) + 1;
    const ship = await simulator.call('POST', '/OE/OEOrders', {
      body: webOrder({ OrderDetails: [{ Item: LAMP, QuantityOrdered: tooMany, QuantityShipped: tooMany }] }),
    });
    expect(errorOf(ship)).toEqual([400, 'RecordInvalid', expect.stringContaining('cannot ship')]);
  });

  it('finds the order by key and by PurchaseOrderNumber', async () => {
    const order = entryOf(await simulator.call('POST', '/OE/OEOrders', { body: webOrder() }));
    expect(
      entryOf(await simulator.call('GET', `/OE/OEOrders(${String(order.OrderUniquifier)})`)).OrderNumber,
    ).toBe('ORD000007');
    const found = rowsOf(
      await simulator.call(
        'GET',
        `/OE/OEOrders${query({ $filter: "PurchaseOrderNumber eq '3DC-100245'", $top: 1 })}`,
      ),
    );
    expect(found.map((row) => row.OrderUniquifier)).toEqual([order.OrderUniquifier]);
    const byNumber = rowsOf(
      await simulator.call('GET', `/OE/OEOrders${query({ $filter: "OrderNumber eq 'ORD000007'" })}`),
    );
    expect(byNumber).toHaveLength(1);
  });

  it('keeps a caller-supplied OrderNumber and refuses a duplicate one', async () => {
    const mine = entryOf(
      await simulator.call('POST', '/OE/OEOrders', { body: webOrder({ OrderNumber: 'WEB100245' }) }),
    );
    expect(mine.OrderNumber).toBe('WEB100245');
    const again = await simulator.call('POST', '/OE/OEOrders', {
      body: webOrder({ OrderNumber: 'WEB100245' }),
    });
    expect(errorOf(again)).toEqual([409, 'RecordDuplicate', 'Order number WEB100245 already exists.']);
    expect(
      entryOf(
        await simulator.call('POST', '/OE/OEOrders', { body: webOrder({ OrderNumber: '*** NEW ***' }) }),
      ).OrderNumber,
    ).toBe('ORD000007');
  });

  it('defaults the ship-to and bill-to addresses from the customer when none is sent', async () => {
    const sent = webOrder();
    for (const field of Object.keys(sent)) if (field.startsWith('ShipTo')) delete sent[field];
    const order = entryOf(await simulator.call('POST', '/OE/OEOrders', { body: sent }));
    const customer = entryOf(await simulator.call('GET', `/AR/ARCustomers('${customerNumber}')`));
    expect(order).toMatchObject({
      ShipToName: customer.CustomerName,
      ShipToCity: customer.City,
      BillToAddressLine1: customer.AddressLine1,
      TermsCode: customer.Terms,
      TaxGroup: customer.TaxGroup,
    });
  });
});

describe('OE/OEOrders other verbs', () => {
  it('answers $template with the new-order defaults', async () => {
    const template = entryOf(await simulator.call('POST', '/OE/OEOrders($template)'));
    expect(template).toMatchObject({
      OrderUniquifier: 0,
      OrderNumber: '*** NEW ***',
      OrderDate: '2025-05-14T00:00:00Z',
      OrderType: 'Active',
      CustomerDiscountLevel: 'Base',
      DefaultLocationCode: '1',
      OrderDetails: [],
    });
  });

  it('answers 405 MethodNotAllowed to PUT, PATCH and DELETE (GET and POST only)', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const reply = await simulator.call(method, '/OE/OEOrders(100001)', { body: { OrderDescription: 'x' } });
      expect(errorOf(reply)).toEqual([405, 'MethodNotAllowed', expect.any(String)]);
    }
  });

  it('serves the six historical orders: three invoiced, three open and committed', async () => {
    const orders = rowsOf(await simulator.call('GET', '/OE/OEOrders'));
    expect(
      orders.map((order) => [order.OrderNumber, order.PurchaseOrderNumber, order.LastInvoiceNumber]),
    ).toEqual([
      ['ORD000001', 'HIST-0001', 'IN000001'],
      ['ORD000002', 'HIST-0002', 'IN000002'],
      ['ORD000003', 'HIST-0003', 'IN000003'],
      ['ORD000004', 'HIST-0004', ''],
      ['ORD000005', 'HIST-0005', ''],
      ['ORD000006', 'HIST-0006', ''],
    ]);
    const committed = rowsOf(
      await simulator.call('GET', `/IC/ICLocationDetails${query({ $filter: 'QuantityCommitted gt 0' })}`),
    );
    const openQuantity = orders
      .slice(3)
      .flatMap((order) => listOf(order, 'OrderDetails'))
      .reduce((sum, line) => sum + Number(line.QuantityCommitted), 0);
    expect(committed.reduce((sum, detail) => sum + Number(detail.QuantityCommitted), 0)).toBe(openQuantity);
  });
});
