import { afterEach, describe, expect, it } from 'vitest';
import type { Customer } from './customer-model.ts';
import { startTestSimulator, type ThreeDCartTestClient } from './threedcart-test-client.ts';

let client: ThreeDCartTestClient | undefined;
afterEach(async () => {
  await client?.running.close();
  client = undefined;
});

async function start() {
  client = await startTestSimulator({ clock: () => Date.UTC(2025, 3, 10, 14, 0, 0) });
  return client;
}

describe('3dcart /Customers', () => {
  it('gets a customer by id as an array, named BillingAddress1/Shipping* unlike orders', async () => {
    const api = await start();
    const answer = await api.get<Customer[]>('Customers/8');
    expect(answer.status).toBe(200);
    expect(answer.body[0]).toMatchObject({ CustomerID: 8, BillingFirstName: 'José', BillingCountry: 'ES' });
    expect(answer.body[0]).toHaveProperty('BillingAddress1');
    expect(answer.body[0]).toHaveProperty('ShippingAddress1');
    expect(answer.body[0]).not.toHaveProperty('BillingAddress');
    expect(answer.body[0]?.Password).toMatch(/^[0-9a-f]{32}$/);
    expect(await api.get('Customers/555')).toMatchObject({
      status: 404,
      body: [{ Message: 'No customers found' }],
    });
  });

  it('filters by e-mail ignoring case, and by country', async () => {
    const api = await start();
    const { customers } = api.simulator.state();
    const target = customers[41];
    const found = await api.get<Customer[]>(
      `Customers?email=${encodeURIComponent(target?.Email.toUpperCase() ?? '')}`,
    );
    expect(found.body.map((customer) => customer.CustomerID)).toEqual([target?.CustomerID]);
    const german = customers.filter((customer) => customer.BillingCountry === 'DE').length;
    expect((await api.get('Customers?countonly=1&country=de')).body).toEqual({ TotalCount: german });
    expect((await api.get('Customers?email=nobody@example.com')).status).toBe(404);
  });

  it('creates a customer (201 "Created successfully"), hashes the password, null for unset strings', async () => {
    const api = await start();
    const created = await api.send('POST', 'Customers', {
      Email: 'lukasz.nowy@example.com',
      Password: 'secret',
      BillingFirstName: 'Łukasz',
      BillingLastName: 'Nowy',
      BillingCountry: 'PL',
    });
    expect(created).toMatchObject({
      status: 201,
      body: [{ Key: 'CustomerID', Value: '101', Status: '201', Message: 'Created successfully' }],
    });
    const [customer] = (await api.get<Customer[]>('Customers/101')).body;
    expect(customer).toMatchObject({
      BillingFirstName: 'Łukasz',
      BillingCompany: null,
      ShippingAddress1: null,
    });
    expect(customer?.Password).toMatch(/^[0-9a-f]{32}$/);
    const duplicate = await api.send('POST', 'Customers', { Email: 'LUKASZ.Nowy@example.com' });
    expect(duplicate.status).toBe(400);
    expect((await api.send('POST', 'Customers', { Email: 'not-an-email' })).status).toBe(400);
  });

  it('updates partially, in bulk with 206 for missing ones, and filters by last update', async () => {
    const api = await start();
    const [before] = (await api.get<Customer[]>('Customers/2')).body;
    expect((await api.send('PUT', 'Customers/2', { Comments: 'VIP' })).status).toBe(200);
    expect((await api.get<Customer[]>('Customers/2')).body[0]).toEqual({ ...before, Comments: 'VIP' });
    const bulk = await api.send('PUT', 'Customers', [
      { CustomerID: 3, MailList: true },
      { CustomerID: 999, MailList: true },
    ]);
    expect(bulk).toMatchObject({ status: 206, body: [{ Status: '200' }, { Value: '999', Status: '404' }] });
    const recent = await api.get<Customer[]>('Customers?lastupdatestart=04/10/2025 00:00:00');
    expect(recent.body.map((customer) => customer.CustomerID)).toEqual([2, 3]);
    expect((await api.send('PUT', 'Customers/999', { Comments: 'x' })).status).toBe(404);
  });

  it('deletes a customer (200), after which it is 404', async () => {
    const api = await start();
    expect(await api.send('DELETE', 'Customers/4')).toMatchObject({
      status: 200,
      body: [{ Key: 'CustomerID', Value: '4', Status: '200' }],
    });
    expect((await api.get('Customers/4')).status).toBe(404);
    const again = await api.send('DELETE', 'Customers/4');
    expect(again.status).toBe(404);
    expect(again.body).toBeUndefined();
  });
});
