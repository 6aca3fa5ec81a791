import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(async () => {
  await simulator.close();
});

async function customers(filter: string): Promise<string[]> {
  const reply = await simulator.call(
    'GET',
    `/AR/ARCustomers${query({ $filter: filter, $select: 'CustomerNumber' })}`,
  );
  expect(reply.status, reply.text).toBe(200);
  return rowsOf(reply).map((row) => String(row.CustomerNumber));
}

async function all<T>(resource: string, pick: (row: Record<string, unknown>) => T): Promise<T[]> {
  const rows = [];
  for (let skip = 0; ; skip += 100) {
    const page = rowsOf(await simulator.call('GET', `${resource}${query({ $skip: skip })}`));
    rows.push(...page);
    if (page.length < 100) return rows.map(pick);
  }
}

describe('Sage 300 $filter', () => {
  it('compares with eq, ne, gt, ge, lt and le', async () => {
    const numbers = (await all('/AR/ARCustomers', (row) => String(row.CustomerNumber))).sort();
    expect(await customers("CustomerNumber eq 'C000002'")).toEqual(['C000002']);
    expect(await customers("CustomerNumber ne 'C000002'")).toEqual(numbers.filter((n) => n !== 'C000002'));
    expect(await customers("CustomerNumber gt 'C000090'")).toEqual(numbers.filter((n) => n > 'C000090'));
    expect(await customers("CustomerNumber ge 'C000090'")).toEqual(numbers.filter((n) => n >= 'C000090'));
    expect(await customers("CustomerNumber lt 'C000005'")).toEqual(numbers.filter((n) => n < 'C000005'));
    expect(await customers("CustomerNumber le 'C000005'")).toEqual(numbers.filter((n) => n <= 'C000005'));
  });

  it('compares numbers, decimals with a suffix and negative numbers', async () => {
    const limits = await all('/AR/ARCustomers', (row) => Number(row.CreditLimitCustomerCurrency));
    const over = rowsOf(
      await simulator.call(
        'GET',
        `/AR/ARCustomers${query({ $filter: 'CreditLimitCustomerCurrency gt 2500.00m' })}`,
      ),
    );
    expect(over.length).toBe(limits.filter((limit) => limit > 2500).length);
    expect(over.length).toBeGreaterThan(0);
    const positive = rowsOf(
      await simulator.call(
        'GET',
        `/AR/ARCustomers${query({ $filter: 'CreditLimitCustomerCurrency gt -1' })}`,
      ),
    );
    expect(positive.length).toBe(limits.length);
  });

  it('combines with and/or, and binds and tighter than or', async () => {
    const cities = await all('/AR/ARCustomers', (row) => [
      String(row.CustomerNumber),
      String(row.City),
      String(row.GroupCode),
    ]);
    const austinOrDenverWeb = cities.filter(
      ([, city, group]) => (city === 'Austin' || city === 'Denver') && group === 'WEB',
    );
    const austinOrDenverWebOnly = cities.filter(
      ([, city, group]) => city === 'Austin' || (city === 'Denver' && group === 'WEB'),
    );
    expect(austinOrDenverWeb.length).toBeGreaterThan(0);
    expect(austinOrDenverWeb.length).not.toBe(austinOrDenverWebOnly.length);
    expect(await customers("(City eq 'Austin' or City eq 'Denver') and GroupCode eq 'WEB'")).toEqual(
      austinOrDenverWeb.map(([number]) => number),
    );
    expect(await customers("City eq 'Austin' or City eq 'Denver' and GroupCode eq 'WEB'")).toEqual(
      austinOrDenverWebOnly.map(([number]) => number),
    );
    expect(await customers("((City eq 'Austin') or (City eq 'Denver' and (GroupCode eq 'WEB')))")).toEqual(
      austinOrDenverWebOnly.map(([number]) => number),
    );
  });

  it('calls startswith, endswith, substringof and length', async () => {
    const names = await all('/AR/ARCustomers', (row): [string, string] => [
      String(row.CustomerNumber),
      String(row.CustomerName),
    ]);
    const numbers = (predicate: (name: string) => boolean) =>
      names.filter(([, name]) => predicate(name)).map(([number]) => number);
    expect(await customers("startswith(CustomerName,'A')")).toEqual(numbers((name) => name.startsWith('A')));
    expect(await customers("endswith(CustomerName,'Lee')")).toEqual(numbers((name) => name.endsWith('Lee')));
    expect(await customers("substringof('an', CustomerName)")).toEqual(
      numbers((name) => name.includes('an')),
    );
    expect(await customers("substringof('an', CustomerName) eq false")).toEqual(
      numbers((name) => !name.includes('an')),
    );
    expect(await customers('length(CustomerName) gt 12')).toEqual(numbers((name) => name.length > 12));
    expect(numbers((name) => name.startsWith('A')).length).toBeGreaterThan(0);
  });

  it("reads strings with '' escapes and non-ASCII text", async () => {
    const own = await startTestSimulator();
    try {
      for (const [number, name] of [
        ['QUOTE1', "O'Hara & Sons"],
        ['QUOTE2', 'Ohara'],
        ['UNICODE', 'Ærø Øst Åtelier'],
      ]) {
        const created = await own.call('POST', '/AR/ARCustomers', {
          body: { CustomerNumber: number, CustomerName: name, GroupCode: 'RTL' },
        });
        expect(created.status, created.text).toBe(201);
      }
      const select = async (filter: string) =>
        rowsOf(await own.call('GET', `/AR/ARCustomers${query({ $filter: filter })}`)).map(
          (row) => row.CustomerNumber,
        );
      expect(await select("CustomerName eq 'O''Hara & Sons'")).toEqual(['QUOTE1']);
      expect(await select("substringof('''', CustomerName) and startswith(CustomerNumber, 'QUOTE')")).toEqual(
        ['QUOTE1'],
      );
      expect(await select("CustomerName eq 'Ærø Øst Åtelier'")).toEqual(['UNICODE']);
    } finally {
      await own.close();
    }
  });

  it('compares dates with datetime literals, bare ISO dates and null', async () => {
    const dates = (filter: string) =>
      simulator
        .call('GET', `/OE/OEOrders${query({ $filter: filter, $select: 'OrderNumber' })}`)
        .then((reply) => rowsOf(reply).map((row) => row.OrderNumber));
    expect(await dates("OrderDate ge datetime'2024-04-03T00:00'")).toEqual([
      'ORD000003',
      'ORD000004',
      'ORD000005',
      'ORD000006',
    ]);
    expect(await dates('OrderDate lt 2024-04-02T00:00:00Z')).toEqual(['ORD000001']);
    expect(await dates("OrderDate eq '2024-04-02'")).toEqual(['ORD000002']);
    const never = await simulator.call(
      'GET',
      `/AR/ARCustomers${query({ $filter: 'InactiveDate eq null', $count: 'true', $top: 0 })}`,
    );
    const everyone = await all('/AR/ARCustomers', (row) => row.CustomerNumber);
    expect(entryOf(never)['odata.count']).toBe(String(everyone.length));
  });

  it('filters booleans and enumerations by name', async () => {
    const open = await simulator.call(
      'GET',
      `/OE/OEOrders${query({ $filter: "InvoiceWillBeProduced eq false and OrderType eq 'Active'" })}`,
    );
    expect(rowsOf(open).map((row) => row.OrderNumber)).toEqual(['ORD000004', 'ORD000005', 'ORD000006']);
  });

  it.each([
    ["CustomerName eq 'x", 'unterminated string literal'],
    ["CustomerName eq 'x' and", 'expected a value'],
    ["(CustomerName eq 'x'", "expected ')'"],
    ["Nope eq 'x'", "'Nope' is not a property of ARCustomer"],
    ['CustomerName eq 5', 'cannot compare a string with a number'],
    ["tolower(CustomerName) eq 'x'", "unknown function 'tolower'"],
    ['CustomerName', 'true/false condition'],
    ["CustomerOptionalFieldValues eq 'x'", 'is a collection'],
    ["OrderDate eq datetime'yesterday'", 'invalid datetime literal'],
    ["CustomerName eq 'a' # 1", "unexpected character '#'"],
  ])('refuses %s with InvalidParameters', async (filter, message) => {
    const reply = await simulator.call('GET', `/AR/ARCustomers${query({ $filter: filter })}`);
    expect(errorOf(reply)).toEqual([400, 'InvalidParameters', expect.stringContaining(message)]);
  });
});

describe('Sage 300 $select, $top, $skip, $count and paging', () => {
  it('selects properties on feeds and entries', async () => {
    const feed = entryOf(
      await simulator.call('GET', `/AR/ARCustomers${query({ $select: 'CustomerNumber,Email', $top: 1 })}`),
    );
    expect(feed['odata.context']).toMatch(
      /\/Sage300WebApi\/v1\.0\/-\/SAMINC\/AR\/\$metadata#ARCustomers\(CustomerNumber,Email\)$/,
    );
    expect(
      Object.keys(
        rowsOf(
          await simulator.call(
            'GET',
            `/AR/ARCustomers${query({ $select: 'CustomerNumber,Email', $top: 1 })}`,
          ),
        )[0] ?? {},
      ),
    ).toEqual(['CustomerNumber', 'Email']);
    const entry = entryOf(
      await simulator.call('GET', `/AR/ARCustomers('C000001')${query({ $select: 'CustomerName,Status' })}`),
    );
    expect(Object.keys(entry)).toEqual(['CustomerName', 'Status']);
    expect(errorOf(await simulator.call('GET', `/AR/ARCustomers${query({ $select: 'Nope' })}`))[1]).toBe(
      'InvalidParameters',
    );
  });

  it('returns at most 100 rows per GET and pages with $skip across 100', async () => {
    const count = Number(
      entryOf(await simulator.call('GET', `/IC/ICItems${query({ $count: 'true', $top: 0 })}`))['odata.count'],
    );
    expect(count).toBeGreaterThan(250);
    const first = rowsOf(await simulator.call('GET', '/IC/ICItems'));
    expect(first.length).toBe(100);
    expect(rowsOf(await simulator.call('GET', `/IC/ICItems${query({ $top: 150 })}`)).length).toBe(100);
    const numbers = await all('/IC/ICItems', (row) => String(row.UnformattedItemNumber));
    expect(numbers.length).toBe(count);
    expect(new Set(numbers).size).toBe(count);
    expect(numbers).toEqual([...numbers].sort());
    const window = rowsOf(await simulator.call('GET', `/IC/ICItems${query({ $skip: 95, $top: 10 })}`));
    expect(window.map((row) => row.UnformattedItemNumber)).toEqual(numbers.slice(95, 105));
  });

  it('counts all matching rows as a string, before $skip and $top', async () => {
    const body = entryOf(
      await simulator.call(
        'GET',
        `/IC/ICItems${query({ $filter: "Category eq 'HM'", $count: 'true', $top: 2, $skip: 1 })}`,
      ),
    );
    const homeItems = (await all('/IC/ICItems', (row) => row.Category)).filter(
      (category) => category === 'HM',
    );
    expect(body['odata.count']).toBe(String(homeItems.length));
    expect(listOf(body, 'value').length).toBe(2);
    expect(Object.keys(body)).toEqual(['odata.context', 'odata.count', 'value']);
  });

  it('refuses bad, repeated and undocumented options', async () => {
    const bad = async (search: string) => errorOf(await simulator.call('GET', `/IC/ICItems?${search}`));
    expect(await bad('$top=-1')).toEqual([400, 'InvalidParameters', expect.any(String)]);
    expect((await bad('$skip=x'))[1]).toBe('InvalidParameters');
    expect((await bad('$count=yes'))[1]).toBe('InvalidParameters');
    expect((await bad('$top=1&$top=2'))[1]).toBe('InvalidParameters');
    expect((await bad('$orderby=Description'))[1]).toBe('InvalidParameters');
  });

  it('emits @odata annotations and a next link carrying $skip in the odata-v4 envelope', async () => {
    const v4 = await startTestSimulator({ settings: { envelope: 'odata-v4', pageSize: 40 } });
    try {
      const reply = entryOf(
        await v4.call('GET', `/IC/ICItems${query({ $count: 'true', $filter: "Category eq 'HM'" })}`),
      );
      expect(typeof reply['@odata.count']).toBe('number');
      const next = new URL(String(reply['@odata.nextLink']));
      expect(next.pathname).toBe('/Sage300WebApi/v1.0/-/SAMINC/IC/ICItems');
      expect(next.searchParams.get('$skip')).toBe('40');
      expect(next.searchParams.get('$filter')).toBe("Category eq 'HM'");
      const last = entryOf(await v4.callPath('GET', `${next.pathname}?${next.searchParams}`));
      expect(last['@odata.nextLink']).toBeUndefined();
      const limited = entryOf(await v4.call('GET', `/IC/ICItems${query({ $top: 50 })}`));
      expect(new URL(String(limited['@odata.nextLink'])).searchParams.get('$top')).toBe('10');
      expect(
        entryOf(await v4.call('GET', `/IC/ICItems${query({ $top: 40 })}`))['@odata.nextLink'],
      ).toBeUndefined();
    } finally {
      await v4.close();
    }
  });
});
