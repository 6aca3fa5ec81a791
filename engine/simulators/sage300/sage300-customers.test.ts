import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
  simulator = await startTestSimulator({ now: () => new Date('2025-03-04T10:00:00Z') });
});
afterEach(async () => {
  await simulator.close();
});

// E3 of the reference: a web customer as a 3dcart → Sage flow creates it.
const JANE = {
  CustomerNumber: 'WEB000123',
  CustomerName: 'Jane Doe',
  ShortName: 'DOE',
  GroupCode: 'RTL',
  AddressLine1: '12 Main St',
  City: 'Austin',
  StateProvince: 'TX',
  ZipPostalCode: '78701',
  Country: 'USA',
  PhoneNumber: '5125550100',
  Email: 'jane@example.com',
  Terms: 'N30',
  TaxGroup: 'CALIF',
};

const customer = (number: string) => simulator.call('GET', `/AR/ARCustomers('${number}')`);

describe('AR/ARCustomers', () => {
  it('creates a customer (201) with group defaults, and finds it by key and by e-mail', async () => {
    const created = await simulator.call('POST', '/AR/ARCustomers', { body: JANE });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toMatch(/\/AR\/ARCustomers\('WEB000123'\)$/);
    expect(entryOf(created)).toMatchObject({
      ...JANE,
      Status: 'Active',
      OnHold: 'No',
      AccountSet: 'USA',
      BillingCycle: 'MTH',
      CurrencyCode: 'USD',
      StartDate: '2025-03-04T00:00:00Z',
    });
    const selected = entryOf(
      await simulator.call(
        'GET',
        `/AR/ARCustomers('WEB000123')${query({ $select: 'CustomerNumber,CustomerName,Email,GroupCode,Status,OnHold,Terms,TaxGroup' })}`,
      ),
    );
    expect(selected).toEqual({
      CustomerNumber: 'WEB000123',
      CustomerName: 'Jane Doe',
      Email: 'jane@example.com',
      GroupCode: 'RTL',
      Status: 'Active',
      OnHold: 'No',
      Terms: 'N30',
      TaxGroup: 'CALIF',
    });
    const byEmail = rowsOf(
      await simulator.call(
        'GET',
        `/AR/ARCustomers${query({ $filter: "Email eq 'jane@example.com'", $top: 1 })}`,
      ),
    );
    expect(byEmail.map((row) => row.CustomerNumber)).toEqual(['WEB000123']);
  });

  it('refuses a second customer with the same number (RecordDuplicate)', async () => {
    await simulator.call('POST', '/AR/ARCustomers', { body: JANE });
    expect(errorOf(await simulator.call('POST', '/AR/ARCustomers', { body: JANE }))).toEqual([
      409,
      'RecordDuplicate',
      expect.any(String),
    ]);
  });

  it.each([
    ['CustomerNumber', 'C'.repeat(13)],
    ['CustomerName', 'N'.repeat(61)],
    ['AddressLine1', 'A'.repeat(61)],
    ['City', 'Y'.repeat(31)],
    ['ZipPostalCode', '9'.repeat(21)],
    ['Email', `${'e'.repeat(40)}@example.com`],
    ['PhoneNumber', '5'.repeat(31)],
  ])('refuses %s wider than its field instead of truncating it', async (field, value) => {
    const reply = await simulator.call('POST', '/AR/ARCustomers', { body: { ...JANE, [field]: value } });
    expect(errorOf(reply)).toEqual([400, 'InvalidPayload', expect.stringContaining(field)]);
    expect((await customer('WEB000123')).status).toBe(404);
  });

  it('counts characters, not bytes, against the width', async () => {
    const name = 'Ø'.repeat(60);
    expect(
      (await simulator.call('POST', '/AR/ARCustomers', { body: { ...JANE, CustomerName: name } })).status,
    ).toBe(201);
  });

  it('can answer width violations with RecordInvalid instead', async () => {
    const strict = await startTestSimulator({ settings: { fieldWidthErrorCode: 'RecordInvalid' } });
    try {
      const reply = await strict.call('POST', '/AR/ARCustomers', { body: { ...JANE, City: 'Y'.repeat(31) } });
      expect(errorOf(reply)[1]).toBe('RecordInvalid');
    } finally {
      await strict.close();
    }
  });

  it.each([
    [{ GroupCode: 'NOPE' }, 'Customer group NOPE does not exist.'],
    [{ GroupCode: '' }, 'GroupCode is required.'],
    [{ Terms: 'N90' }, 'Terms code N90 does not exist.'],
    [{ TaxGroup: 'MARS' }, 'Tax group MARS does not exist.'],
    [{ ShipViaCode: 'CAMEL' }, 'Ship-via code CAMEL does not exist.'],
    [{ CustomerNumber: '' }, 'CustomerNumber is required.'],
  ])('refuses business-rule violations %o with RecordInvalid', async (change, message) => {
    const reply = await simulator.call('POST', '/AR/ARCustomers', { body: { ...JANE, ...change } });
    expect(errorOf(reply)).toEqual([400, 'RecordInvalid', message]);
  });

  it('refuses unknown properties and wrong types with InvalidPayload', async () => {
    const unknown = await simulator.call('POST', '/AR/ARCustomers', { body: { ...JANE, Nickname: 'JD' } });
    expect(errorOf(unknown)).toEqual([
      400,
      'InvalidPayload',
      "The property 'Nickname' does not exist on type 'ARCustomer'.",
    ]);
    const wrongType = await simulator.call('POST', '/AR/ARCustomers', {
      body: { ...JANE, CreditLimitCustomerCurrency: '100' },
    });
    expect(errorOf(wrongType)[1]).toBe('InvalidPayload');
    const wrongEnum = await simulator.call('POST', '/AR/ARCustomers', {
      body: { ...JANE, Status: 'Dormant' },
    });
    expect(errorOf(wrongEnum)[1]).toBe('InvalidPayload');
  });

  it('patches part of a customer (204, no body) and merges optional fields by UpdateOperation', async () => {
    await simulator.call('POST', '/AR/ARCustomers', {
      body: {
        ...JANE,
        CustomerOptionalFieldValues: [
          { OptionalField: 'SOURCE', Value: '3DCART' },
          { OptionalField: 'TIER', Value: 'GOLD' },
        ],
      },
    });
    const patched = await simulator.call('PATCH', "/AR/ARCustomers('WEB000123')", {
      body: {
        PhoneNumber: '5125550199',
        CustomerOptionalFieldValues: [
          { OptionalField: 'TIER', Value: 'SILVER', UpdateOperation: 'Update' },
          { OptionalField: 'SOURCE', UpdateOperation: 'Delete' },
          { OptionalField: 'CHANNEL', Value: 'WEB' },
        ],
      },
    });
    expect(patched.status).toBe(204);
    expect(patched.text).toBe('');
    const after = entryOf(await customer('WEB000123'));
    expect(after).toMatchObject({ PhoneNumber: '5125550199', CustomerName: 'Jane Doe', City: 'Austin' });
    expect(
      listOf(after, 'CustomerOptionalFieldValues').map((field) => [field.OptionalField, field.Value]),
    ).toEqual([
      ['TIER', 'SILVER'],
      ['CHANNEL', 'WEB'],
    ]);
    const missing = await simulator.call('PATCH', "/AR/ARCustomers('WEB000123')", {
      body: { CustomerOptionalFieldValues: [{ OptionalField: 'NONE', UpdateOperation: 'Delete' }] },
    });
    expect(errorOf(missing)[1]).toBe('RecordInvalid');
  });

  it('refuses a PATCH that changes the key, or breaks a rule, and leaves the record alone', async () => {
    await simulator.call('POST', '/AR/ARCustomers', { body: JANE });
    expect(
      errorOf(
        await simulator.call('PATCH', "/AR/ARCustomers('WEB000123')", { body: { CustomerNumber: 'OTHER' } }),
      )[1],
    ).toBe('InvalidPayload');
    expect(
      errorOf(
        await simulator.call('PATCH', "/AR/ARCustomers('WEB000123')", {
          body: { Terms: 'N90', City: 'Waco' },
        }),
      )[1],
    ).toBe('RecordInvalid');
    expect(entryOf(await customer('WEB000123')).City).toBe('Austin');
    expect(
      errorOf(await simulator.call('PATCH', "/AR/ARCustomers('NOPE')", { body: { City: 'Waco' } }))[0],
    ).toBe(404);
  });

  it('replaces a customer with PUT, purging what the body leaves out', async () => {
    await simulator.call('POST', '/AR/ARCustomers', {
      body: { ...JANE, CustomerOptionalFieldValues: [{ OptionalField: 'SOURCE', Value: '3DCART' }] },
    });
    const put = await simulator.call('PUT', "/AR/ARCustomers('WEB000123')", {
      body: { CustomerName: 'Jane Roe', GroupCode: 'WEB' },
    });
    expect(put.status).toBe(204);
    const after = entryOf(await customer('WEB000123'));
    expect(after).toMatchObject({
      CustomerNumber: 'WEB000123',
      CustomerName: 'Jane Roe',
      Email: '',
      City: '',
    });
    expect(after.CustomerOptionalFieldValues).toEqual([]);
    expect(
      (await simulator.call('PUT', "/AR/ARCustomers('NOPE')", { body: { GroupCode: 'WEB' } })).status,
    ).toBe(404);
  });

  it('deletes a customer without transactions, and refuses one with orders', async () => {
    await simulator.call('POST', '/AR/ARCustomers', { body: JANE });
    expect((await simulator.call('DELETE', "/AR/ARCustomers('WEB000123')")).status).toBe(204);
    expect(errorOf(await customer('WEB000123'))[1]).toBe('RecordNotFound');
    const withOrders = await simulator.call('DELETE', "/AR/ARCustomers('C000001')");
    expect(errorOf(withOrders)).toEqual([
      400,
      'RecordInvalid',
      'Customer C000001 has transactions and cannot be deleted.',
    ]);
  });

  it('answers $template with every default', async () => {
    const template = entryOf(await simulator.call('POST', '/AR/ARCustomers($template)'));
    expect(template).toMatchObject({
      CustomerNumber: '',
      Status: 'Active',
      OnHold: 'No',
      CustomerOptionalFieldValues: [],
    });
    expect(entryOf(await simulator.call('POST', "/AR/ARCustomers('$template')")).Status).toBe('Active');
    expect((await simulator.call('GET', '/AR/ARCustomers($template)')).status).toBe(405);
  });
});
