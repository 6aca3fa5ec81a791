import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogPeople, catalogProducts } from '../common/seed-catalog.ts';
import {
  entryOf,
  errorOf,
  query,
  rowsOf,
  startTestSimulator,
  type TestSimulator,
} from './sage300-test-client.ts';

let simulator: TestSimulator;
beforeEach(async () => {
  simulator = await startTestSimulator();
});
afterEach(async () => {
  await simulator.close();
});

async function everything(resource: string, filter?: string): Promise<Record<string, unknown>[]> {
  const rows = [];
  for (let skip = 0; ; skip += 100) {
    const options: Record<string, string | number> = { $skip: skip };
    if (filter) options.$filter = filter;
    const page = rowsOf(await simulator.call('GET', `${resource}${query(options)}`));
    rows.push(...page);
    if (page.length < 100) return rows;
  }
}

const catalog = catalogProducts(1);
/** Every sellable SKU of the 3dcart seed with the Sage item number it maps to, if the ERP knows it. */
const sellables = catalog.flatMap((product) =>
  product.variants.length === 0
    ? [{ sku: product.sku, item: product.sageItemNumber(), inErp: product.inErp }]
    : product.variants.map((variant) => ({
        sku: variant.sku,
        item: product.sageItemNumber(variant.code),
        inErp: product.inErp,
      })),
);

describe('seed data matches the shared catalog', () => {
  it('has an item for every catalog product or variant known to the ERP, and none for the rest', async () => {
    const items = await everything('/IC/ICItems');
    const numbers = new Set(items.map((item) => item.ItemNumber));
    expect(numbers).toEqual(
      new Set(sellables.filter((sellable) => sellable.inErp).map((sellable) => sellable.item)),
    );
    expect(sellables.some((sellable) => !sellable.inErp)).toBe(true);
  });

  it('has a customer for every catalog person known to the ERP', async () => {
    const customers = await everything('/AR/ARCustomers');
    const people = catalogPeople(1).filter((person) => person.inErp);
    expect(customers.map((customer) => customer.CustomerNumber)).toEqual(
      people.map((person) => person.sageCustomerNumber),
    );
    const first = people[0];
    expect(customers[0]).toMatchObject({ Email: first?.email, City: first?.address.city, Country: 'USA' });
  });

  it('holds quantities per item at locations 1 and 2', async () => {
    const details = await everything('/IC/ICLocationDetails');
    const items = await everything('/IC/ICItems');
    expect(details.length).toBe(items.length * 2);
    expect(new Set(details.map((detail) => detail.Location))).toEqual(new Set(['1', '2']));
    for (const detail of details) {
      expect(detail.QuantityAvailableToShip).toBe(
        Number(detail.QuantityOnHand) - Number(detail.QuantityCommitted),
      );
    }
  });
});

describe('IC/ICItems and IC/ICLocationDetails', () => {
  it('gets an item by its unformatted number (E2)', async () => {
    const product = catalog.find((candidate) => candidate.inErp && candidate.variants.length > 0);
    const formatted = product?.sageItemNumber(product.variants[0]?.code) ?? '';
    const key = formatted.replace(/[^A-Za-z0-9]/g, '');
    const item = entryOf(
      await simulator.call(
        'GET',
        `/IC/ICItems('${key}')${query({ $select: 'ItemNumber,UnformattedItemNumber,Description,StockingUnitOfMeasure,Status' })}`,
      ),
    );
    expect(item).toEqual({
      ItemNumber: formatted,
      UnformattedItemNumber: key,
      Description: `${product?.name} - ${product?.variants[0]?.options}`,
      StockingUnitOfMeasure: 'Ea',
      Status: true,
    });
    const quantities = rowsOf(
      await simulator.call(
        'GET',
        `/IC/ICLocationDetails${query({ $filter: `ItemNumber eq '${key}'`, $select: 'ItemNumber,Location,QuantityOnHand,QuantityCommitted,QuantityAvailableToShip' })}`,
      ),
    );
    expect(quantities.map((row) => row.Location)).toEqual(['1', '2']);
  });

  it('creates, patches and deletes an item, checking its category and number', async () => {
    const body = {
      UnformattedItemNumber: 'NEW100',
      ItemNumber: 'NEW-100',
      Description: 'New gadget',
      Category: 'HM',
    };
    const created = entryOf(await simulator.call('POST', '/IC/ICItems', { body }));
    expect(created).toMatchObject({ ...body, Status: true, StockingUnitOfMeasure: 'Ea' });
    expect(created.ItemUnitsOfMeasure).toEqual([
      { ItemNumber: 'NEW100', UnitOfMeasure: 'Ea', ConversionFactor: 1, UpdateOperation: 'Unspecified' },
    ]);
    expect(
      (await simulator.call('PATCH', "/IC/ICItems('NEW100')", { body: { Description: 'Renamed' } })).status,
    ).toBe(204);
    expect(entryOf(await simulator.call('GET', "/IC/ICItems('NEW100')")).Description).toBe('Renamed');
    expect(
      errorOf(
        await simulator.call('POST', '/IC/ICItems', {
          body: { ...body, UnformattedItemNumber: 'NEW101', ItemNumber: 'NEW-101', Category: 'XX' },
        }),
      ),
    ).toEqual([400, 'RecordInvalid', 'Category XX does not exist.']);
    expect(
      errorOf(
        await simulator.call('POST', '/IC/ICItems', { body: { ...body, UnformattedItemNumber: 'NEW102' } }),
      )[1],
    ).toBe('RecordInvalid');
    expect(
      errorOf(
        await simulator.call('POST', '/IC/ICItems', {
          body: { ...body, UnformattedItemNumber: 'X'.repeat(25) },
        }),
      )[1],
    ).toBe('InvalidPayload');
    expect((await simulator.call('DELETE', "/IC/ICItems('NEW100')")).status).toBe(204);
    expect((await simulator.call('GET', "/IC/ICItems('NEW100')")).status).toBe(404);
  });

  it('lets an order use a newly created item by its formatted number', async () => {
    await simulator.call('POST', '/IC/ICItems', {
      body: { UnformattedItemNumber: 'NEW200', ItemNumber: 'NEW-200', Category: 'OF' },
    });
    const customer = catalogPeople(1).find((person) => person.inErp)?.sageCustomerNumber;
    const order = await simulator.call('POST', '/OE/OEOrders', {
      body: {
        CustomerNumber: customer,
        OrderDetails: [{ Item: 'NEW-200', QuantityOrdered: 3, Location: '2' }],
      },
    });
    expect(order.status).toBe(201);
    const detail = entryOf(
      await simulator.call('GET', "/IC/ICLocationDetails(ItemNumber='NEW200',Location='2')"),
    );
    expect(detail).toMatchObject({ QuantityOnHand: 0, QuantityCommitted: 0, QuantityAvailableToShip: 0 });
  });

  it('refuses to delete an item or a location that holds stock', async () => {
    const stocked = rowsOf(
      await simulator.call(
        'GET',
        `/IC/ICLocationDetails${query({ $filter: "QuantityOnHand gt 0 and Location eq '1'", $top: 1 })}`,
      ),
    )[0];
    const reply = await simulator.call('DELETE', `/IC/ICItems('${String(stocked?.ItemNumber)}')`);
    expect(errorOf(reply)[1]).toBe('RecordInvalid');
    expect(errorOf(await simulator.call('DELETE', "/IC/ICLocations('1')"))[1]).toBe('RecordInvalid');
  });

  it('serves locations and lets a new one be created', async () => {
    const locations = rowsOf(await simulator.call('GET', '/IC/ICLocations'));
    expect(locations.map((location) => [location.LocationKey, location.LocationType])).toEqual([
      ['1', 'Physical'],
      ['2', 'Physical'],
    ]);
    const created = await simulator.call('POST', '/IC/ICLocations', {
      body: { LocationKey: '3', Name: 'Overflow', LocationType: 'Physical' },
    });
    expect(created.status).toBe(201);
    expect(
      errorOf(await simulator.call('POST', '/IC/ICLocations', { body: { LocationKey: 'TOOLONG' } }))[1],
    ).toBe('InvalidPayload');
  });

  it('serves ICLocationDetails read-only', async () => {
    const reply = await simulator.call('PATCH', "/IC/ICLocationDetails(ItemNumber='AP1001BL',Location='1')", {
      body: { QuantityOnHand: 1 },
    });
    expect(errorOf(reply)).toEqual([405, 'MethodNotAllowed', expect.any(String)]);
  });
});
