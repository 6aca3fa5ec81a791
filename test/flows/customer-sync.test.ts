import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  itemsOut,
  loadSample,
  loadTemplate,
  type SageCustomer,
  type StoreCustomer,
  sageCall,
  sageCustomers,
  startTemplateBench,
  storeCall,
  storeState,
  type TemplateBench,
  templateProblems,
} from './sync-template-bench.ts';

// customer-sync against the sandbox over real HTTP.
//
//   3dcart ids ─▶ read customer ─▶ map ─▶ one per e-mail ─▶ find in Sage ─┬─ notFound ─▶ create
//                                                                         └─ found ─▶ changed? ─▶ update
//
//   Sage changed since ─▶ has e-mail ─▶ map ─┬─▶ find in 3dcart ─┬─ notFound ─▶ create
//                                            │                  └─ found ─▶ as existing ─┐
//                                            └──────────────────────────────────────────┴▶ pair ─▶ changed? ─▶ update
const toErp = loadTemplate('customer-sync', 'customer-sync-to-erp.flow.json');
const toStore = loadTemplate('customer-sync', 'customer-sync-to-store.flow.json');
let bench: TemplateBench;

beforeAll(async () => {
  bench = await startTemplateBench();
});
afterAll(async () => {
  await bench.close();
});

function byEmail<Customer extends SageCustomer | StoreCustomer>(
  customers: Customer[],
  email: string,
): Customer[] {
  return customers.filter((customer) => customer.Email.toLowerCase() === email);
}

describe('customer-sync: 3dcart → Sage 300', () => {
  it('creates the customers Sage lacks, leaves known ones, and changes nothing the second time', async () => {
    const before = await sageCustomers(bench.sandbox);
    const input = loadSample('customer-sync', 'to-erp-batch-with-repeat.json');
    const first = await bench.run(toErp, input);
    expect(first.error).toBeUndefined();
    expect(first.status).toBe('succeeded');
    const after = await sageCustomers(bench.sandbox);
    expect(after.length).toBe(before.length + 1);
    expect(byEmail(after, 'jo.chen3@example.com')).toEqual([
      expect.objectContaining({
        CustomerNumber: 'WEB000000003',
        GroupCode: 'WEB',
        Email: 'jo.chen3@example.com',
        AddressLine2: 'Suite 239',
      }),
    ]);
    expect(byEmail(after, 'carlos.garcia1@example.com')).toHaveLength(1);

    const second = await bench.run(toErp, input);
    expect(second.status).toBe('succeeded');
    expect(itemsOut(second, 'create-in-sage')).toEqual([]);
    expect(itemsOut(second, 'update-in-sage')).toEqual([]);
    expect(await sageCustomers(bench.sandbox)).toEqual(after);
  });

  it('updates the Sage customer when the 3dcart customer changed, once', async () => {
    await storeCall(bench.sandbox, 'PUT', 'Customers/6', {
      BillingAddress1: '1 Harbour Way',
      BillingCity: 'Portland',
    });
    const input = loadSample('customer-sync', 'to-erp-known-customer.json');
    const sixth = [{ CustomerID: 6 }];
    const first = await bench.run(toErp, sixth);
    expect(first.status).toBe('succeeded');
    expect(itemsOut(first, 'update-in-sage')).toEqual([{ CustomerNumber: 'C000006', updated: true }]);
    const after = await sageCustomers(bench.sandbox);
    expect(byEmail(after, 'farah.smith6@example.com')).toEqual([
      expect.objectContaining({ CustomerNumber: 'C000006', AddressLine1: '1 Harbour Way', City: 'Portland' }),
    ]);
    const again = await bench.run(toErp, sixth);
    expect(itemsOut(again, 'update-in-sage')).toEqual([]);
    const known = await bench.run(toErp, input);
    expect(itemsOut(known, 'create-in-sage')).toEqual([]);
    expect(itemsOut(known, 'update-in-sage')).toEqual([]);
    expect(await sageCustomers(bench.sandbox)).toEqual(after);
  });
});

describe('customer-sync: Sage 300 → 3dcart', () => {
  it('updates changed 3dcart customers, creates missing ones by normalised e-mail, and changes nothing the second time', async () => {
    await sageCall(bench.sandbox, 'PATCH', "AR/ARCustomers('C000002')", {
      City: 'Boise',
      StateProvince: 'ID',
    });
    await sageCall(bench.sandbox, 'POST', 'AR/ARCustomers', {
      CustomerNumber: 'C900001',
      GroupCode: 'RTL',
      CustomerName: 'Nina Patel',
      ContactName: 'Nina Patel',
      AddressLine1: '77 Elm Rd',
      City: 'Denver',
      StateProvince: 'CO',
      ZipPostalCode: '80202',
      Country: 'USA',
      PhoneNumber: '+1 555 010 4477',
      Email: ' Nina.Patel@Example.COM ',
    });
    const storeBefore = await storeState(bench.sandbox);
    const input = loadSample('customer-sync', 'to-store-first-poll.json');
    const first = await bench.run(toStore, input);
    expect(first.error).toBeUndefined();
    expect(first.status).toBe('succeeded');
    const { customers } = await storeState(bench.sandbox);
    expect(customers.length).toBe(storeBefore.customers.length + 1);
    expect(byEmail(customers, 'nina.patel@example.com')).toEqual([
      expect.objectContaining({
        Email: 'nina.patel@example.com',
        BillingFirstName: 'Nina',
        BillingLastName: 'Patel',
        BillingCity: 'Denver',
        BillingCountry: 'US',
        ShippingCity: 'Denver',
        AdditionalField1: 'C900001',
      }),
    ]);
    expect(byEmail(customers, 'jo.nguyen2@example.com')).toEqual([
      expect.objectContaining({ CustomerID: 2, BillingCity: 'Boise', BillingState: 'ID' }),
    ]);
    // The customer the first test created in Sage keeps its 3dcart record and learns its ERP number.
    expect(byEmail(customers, 'jo.chen3@example.com')).toEqual([
      expect.objectContaining({ CustomerID: 3, AdditionalField1: 'WEB000000003' }),
    ]);

    const second = await bench.run(toStore, input);
    expect(second.status).toBe('succeeded');
    expect(itemsOut(second, 'create-in-store')).toEqual([]);
    expect(itemsOut(second, 'update-in-store')).toEqual([]);
    expect((await storeState(bench.sandbox)).customers).toEqual(customers);
    // And back the other way: the customers the store now has are already in Sage.
    const sage = await sageCustomers(bench.sandbox);
    const back = await bench.run(toErp, [{ CustomerID: 2 }, { CustomerID: 3 }]);
    expect(itemsOut(back, 'create-in-sage')).toEqual([]);
    expect(itemsOut(back, 'update-in-sage')).toEqual([]);
    expect(await sageCustomers(bench.sandbox)).toEqual(sage);
  });
});

describe.each(['customer-sync-to-erp.flow.json', 'customer-sync-to-store.flow.json'])(
  'template file %s',
  (file) => {
    it('is valid and stored in the stable format', () => {
      expect(templateProblems('customer-sync', file)).toEqual({ problems: [], stable: true });
    });
  },
);
