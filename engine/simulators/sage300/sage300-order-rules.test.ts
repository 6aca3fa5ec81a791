import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerNumber, LAMP, quantities, webOrder } from './sage300-order-fixtures.ts';
import { errorOf, rowsOf, startTestSimulator, type TestSimulator } from './sage300-test-client.ts';

let simulator: TestSimulator;
beforeEach(async () => {
  simulator = await startTestSimulator();
});
afterEach(async () => {
  await simulator.close();
});

describe('OE/OEOrders business rules', () => {
  it.each([
    [{ CustomerNumber: 'C999999' }, 'Customer C999999 does not exist.'],
    [{ CustomerNumber: '' }, 'CustomerNumber is required.'],
    [{ ShipViaCode: 'CAMEL' }, 'Ship-via code CAMEL does not exist.'],
    [
      { OrderDetails: [{ Item: 'ZZ-9999/0', QuantityOrdered: 1 }] },
      'Line 32: Item ZZ-9999/0 does not exist.',
    ],
    [
      { OrderDetails: [{ Item: LAMP, QuantityOrdered: 1, Location: '9' }] },
      'Line 32: Location 9 does not exist.',
    ],
    [
      { OrderDetails: [{ Item: LAMP, QuantityOrdered: 0 }] },
      'Line 32: QuantityOrdered must be greater than zero.',
    ],
    [
      { OrderDetails: [{ LineType: 'Miscellaneous', MiscellaneousChargesCode: 'TIP' }] },
      'Line 32: Miscellaneous charge TIP does not exist.',
    ],
  ])('refuses %o with RecordInvalid and changes nothing', async (change, message) => {
    const before = await quantities(simulator, LAMP);
    const reply = await simulator.call('POST', '/OE/OEOrders', { body: webOrder(change) });
    expect(errorOf(reply)).toEqual([400, 'RecordInvalid', message]);
    expect(await quantities(simulator, LAMP)).toEqual(before);
    expect(rowsOf(await simulator.call('GET', '/OE/OEOrders'))).toHaveLength(6);
  });

  it('refuses an order whose last line fails without committing the earlier lines', async () => {
    const before = await quantities(simulator, LAMP);
    const body = webOrder({
      OrderDetails: [
        { Item: LAMP, QuantityOrdered: 1 },
        { Item: 'NOPE', QuantityOrdered: 1 },
      ],
    });
    expect(errorOf(await simulator.call('POST', '/OE/OEOrders', { body }))[2]).toBe(
      'Line 64: Item NOPE does not exist.',
    );
    expect(await quantities(simulator, LAMP)).toEqual(before);
  });

  it('refuses an inactive customer', async () => {
    await simulator.call('PATCH', `/AR/ARCustomers('${customerNumber}')`, { body: { Status: 'Inactive' } });
    expect(errorOf(await simulator.call('POST', '/OE/OEOrders', { body: webOrder() }))[2]).toBe(
      `Customer ${customerNumber} is inactive.`,
    );
  });

  it.each([
    ['PurchaseOrderNumber', 'P'.repeat(23)],
    ['OrderNumber', 'O'.repeat(23)],
    ['ShipToName', 'N'.repeat(61)],
    ['ShipToCity', 'C'.repeat(31)],
    ['ShipToZipPostalCode', 'Z'.repeat(21)],
    ['ShipToEmail', `${'e'.repeat(39)}@example.com`],
    ['ShipViaCode', 'FEDEXGR'],
  ])('refuses %s wider than the view field', async (field, value) => {
    const reply = await simulator.call('POST', '/OE/OEOrders', { body: webOrder({ [field]: value }) });
    expect(errorOf(reply)).toEqual([400, 'InvalidPayload', expect.stringContaining(field)]);
  });

  it('refuses an over-long line field, naming the line', async () => {
    const body = webOrder({
      OrderDetails: [{ Item: LAMP, QuantityOrdered: 1, Description: 'D'.repeat(61) }],
    });
    expect(errorOf(await simulator.call('POST', '/OE/OEOrders', { body }))[2]).toContain(
      'OrderDetails[0].Description',
    );
  });
});
