import { afterEach, describe, expect, it } from 'vitest';
import { entryOf, errorOf, rowsOf, startTestSimulator, type TestSimulator } from './sage300-test-client.ts';

let simulator: TestSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function start(options: Parameters<typeof startTestSimulator>[0] = {}): Promise<TestSimulator> {
  simulator = await startTestSimulator(options);
  return simulator;
}

describe('Sage 300 sign-on per company (Basic auth)', () => {
  it('serves a user signed on to a company it may use', async () => {
    const { call } = await start();
    expect((await call('GET', "/AR/ARCustomers('C000001')")).status).toBe(200);
    const ltd = await call('GET', "/AR/ARCustomers('C000001')", {
      credentials: 'LTDAPI:LTDAPI',
      company: 'SAMLTD',
    });
    expect(ltd.status).toBe(200);
  });

  it('answers 401 Unauthorized with a Basic challenge for missing or wrong credentials', async () => {
    const { call } = await start();
    const missing = await call('GET', '/AR/ARCustomers', { authorization: null });
    expect(errorOf(missing)).toEqual([401, 'Unauthorized', expect.any(String)]);
    expect(missing.headers.get('www-authenticate')).toBe('Basic realm="Sage300WebApi"');
    expect(errorOf(await call('GET', '/AR/ARCustomers', { credentials: 'WEBAPI:wrong' }))[1]).toBe(
      'Unauthorized',
    );
    expect(errorOf(await call('GET', '/AR/ARCustomers', { credentials: 'NOBODY:WEBAPI' }))[1]).toBe(
      'Unauthorized',
    );
    expect(errorOf(await call('GET', '/AR/ARCustomers', { authorization: 'Bearer abc' }))[1]).toBe(
      'Unauthorized',
    );
  });

  it('refuses a company the user may not sign on to, and an unknown company', async () => {
    const { call } = await start();
    const other = await call('GET', '/AR/ARCustomers', { credentials: 'LTDAPI:LTDAPI', company: 'SAMINC' });
    expect(errorOf(other)).toEqual([401, 'Unauthorized', 'User LTDAPI cannot sign on to company SAMINC.']);
    expect(errorOf(await call('GET', '/AR/ARCustomers', { company: 'NOPE' }))[0]).toBe(401);
  });

  it('compares user IDs without regard to case', async () => {
    const { call } = await start();
    expect((await call('GET', "/AR/ARCustomers('C000001')", { credentials: 'webapi:WEBAPI' })).status).toBe(
      200,
    );
  });

  it('answers 403 Forbidden for a module without Web API rights', async () => {
    const { call } = await start();
    const forbidden = await call('GET', '/AR/ARCustomers', { credentials: 'OEUSER:OEUSER' });
    expect(errorOf(forbidden)).toEqual([
      403,
      'Forbidden',
      'User OEUSER has no Web API rights for module AR.',
    ]);
    expect((await call('GET', '/OE/OEOrders', { credentials: 'OEUSER:OEUSER' })).status).toBe(200);
  });

  it('accepts configured users and companies, and lists them as credentials', async () => {
    const { call, running } = await start({
      companies: ['ACME'],
      users: [{ user: 'ADMIN', password: 's3cret', companies: ['ACME'] }],
    });
    expect(running.credentials()).toEqual([{ company: 'ACME', user: 'ADMIN', password: 's3cret' }]);
    expect(
      (await call('GET', '/AR/ARCustomers', { company: 'ACME', credentials: 'ADMIN:s3cret' })).status,
    ).toBe(200);
    expect(
      (await call('GET', '/AR/ARCustomers', { company: 'SAMINC', credentials: 'ADMIN:s3cret' })).status,
    ).toBe(401);
  });

  it('keeps companies apart', async () => {
    const { call } = await start();
    const created = await call('POST', '/AR/ARCustomers', {
      body: { CustomerNumber: 'ONLYINC', GroupCode: 'RTL' },
    });
    expect(created.status).toBe(201);
    expect((await call('GET', "/AR/ARCustomers('ONLYINC')", { company: 'SAMLTD' })).status).toBe(404);
  });
});

describe('Sage 300 Content-Type rule', () => {
  it('answers 500 when Content-Type is missing, on reads and writes alike (S-DEV §2.2)', async () => {
    const { call } = await start();
    const read = await call('GET', '/AR/ARCustomers', { contentType: null });
    expect(errorOf(read)).toEqual([500, 'InternalServerError', expect.stringContaining('Content-Type')]);
    const write = await call('POST', '/AR/ARCustomers', {
      contentType: null,
      body: { CustomerNumber: 'X1', GroupCode: 'RTL' },
    });
    expect(write.status).toBe(500);
    expect((await call('GET', "/AR/ARCustomers('X1')")).status).toBe(404);
    expect(
      (await call('GET', '/AR/ARCustomers', { contentType: 'application/json; charset=utf-8' })).status,
    ).toBe(200);
    expect((await call('POST', '/AR/ARCustomers', { contentType: 'text/plain', body: {} })).status).toBe(500);
  });

  it('can require it on requests with a body only', async () => {
    const { call } = await start({ settings: { contentTypeRequired: 'requests-with-body' } });
    expect((await call('GET', '/AR/ARCustomers', { contentType: null })).status).toBe(200);
    expect((await call('PATCH', "/AR/ARCustomers('C000001')", { contentType: null, body: {} })).status).toBe(
      500,
    );
  });
});

describe('Sage 300 addressing and the error envelope', () => {
  it('answers RecordNotFound with the documented envelope and text', async () => {
    const { call } = await start();
    expect(entryOf(await call('GET', "/AR/ARCustomers('NOPE')"))).toEqual({
      error: {
        code: 'RecordNotFound',
        message: { lang: 'en-US', value: 'A Record cannot be found for the specified entity key' },
      },
    });
  });

  it('answers ResourceNotFound for unknown resources, wrong modules and foreign paths', async () => {
    const { call, callPath } = await start();
    expect(errorOf(await call('GET', '/AR/ARNothing'))[1]).toBe('ResourceNotFound');
    expect(errorOf(await call('GET', '/AR/OEOrders'))).toEqual([404, 'ResourceNotFound', expect.any(String)]);
    expect(errorOf(await callPath('GET', '/somewhere/else'))[1]).toBe('ResourceNotFound');
    expect(errorOf(await callPath('GET', '/Sage300WebApi/v1.0/tenant/SAMINC/AR/ARCustomers'))[1]).toBe(
      'ResourceNotFound',
    );
    expect((await callPath('GET', "/sage300webapi/V1.0/-/saminc/AR/ARCustomers('C000001')")).status).toBe(
      200,
    );
  });

  it('reads keys quoted, bare, named and composite, and refuses malformed ones', async () => {
    const { call } = await start();
    expect(entryOf(await call('GET', '/AR/ARCustomers(C000001)')).CustomerNumber).toBe('C000001');
    expect((await call('GET', "/AR/ARCustomers(CustomerNumber = 'C000001')")).status).toBe(200);
    expect((await call('GET', "/IC/ICLocationDetails(ItemNumber='AP1001BL', Location='1')")).status).toBe(
      200,
    );
    expect(errorOf(await call('GET', "/IC/ICLocationDetails('AP1001BL')"))).toEqual([
      400,
      'InvalidEntityKey',
      expect.any(String),
    ]);
    expect(errorOf(await call('GET', "/OE/OEOrders('100001')"))[1]).toBe('InvalidEntityKey');
    expect(errorOf(await call('GET', "/AR/ARCustomers('unterminated)"))[1]).toBe('InvalidEntityKey');
    expect(errorOf(await call('GET', "/AR/ARCustomers(Name='x')"))[1]).toBe('InvalidEntityKey');
  });

  it('answers InvalidAction for a POST with a key and for $process on a resource', async () => {
    const { call } = await start();
    expect(errorOf(await call('POST', "/AR/ARCustomers('C000001')", { body: {} }))).toEqual([
      400,
      'InvalidAction',
      expect.any(String),
    ]);
    expect(errorOf(await call('POST', '/AR/ARCustomers($process)', { body: {} }))[1]).toBe('InvalidAction');
  });

  it('answers InvalidPayload for bodies that are not JSON objects', async () => {
    const { call } = await start();
    expect(errorOf(await call('POST', '/AR/ARCustomers', { raw: '{"CustomerNumber":' }))).toEqual([
      400,
      'InvalidPayload',
      expect.any(String),
    ]);
    expect(errorOf(await call('POST', '/AR/ARCustomers', { raw: '' }))[1]).toBe('InvalidPayload');
    expect(errorOf(await call('POST', '/AR/ARCustomers', { body: [1, 2] }))[1]).toBe('InvalidPayload');
  });

  it('answers faults in the Sage error shape', async () => {
    const { call, running } = await start();
    running.faults.configure({ errorRate: 1, errorStatus: 503 });
    expect(errorOf(await call('GET', '/AR/ARCustomers'))).toEqual([
      503,
      'InternalServerError',
      'Injected fault: HTTP 503.',
    ]);
  });

  it('serves $metadata per module with details as complex-type collections', async () => {
    const { call } = await start();
    const metadata = await call('GET', '/OE/$metadata');
    expect(metadata.status).toBe(200);
    expect(metadata.headers.get('content-type')).toContain('application/xml');
    expect(metadata.text).toContain('Namespace="Sage.CA.SBS.ERP.Sage300.OE.WebApi.Models"');
    expect(metadata.text).toContain('<Key><PropertyRef Name="OrderUniquifier"/></Key>');
    expect(metadata.text).toContain(
      '<Property Name="OrderDetails" Type="Collection(Sage.CA.SBS.ERP.Sage300.OE.WebApi.Models.OrderDetail)"/>',
    );
    expect(metadata.text).toContain(
      '<Property Name="PurchaseOrderNumber" Type="Edm.String" MaxLength="22"/>',
    );
  });
});

describe('Sage 300 verbs per resource (S-EP Aug 2022)', () => {
  const cases: [string, string, string[]][] = [
    ['/OE/OEOrders', '(100001)', ['GET', 'POST']],
    ['/AR/ARCustomers', "('C000001')", ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']],
    ['/IC/ICItems', "('AP1001BL')", ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']],
    ['/IC/ICLocations', "('1')", ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']],
    ['/IC/ICLocationDetails', "(ItemNumber='AP1001BL',Location='1')", ['GET']],
    ['/GL/GLJournalBatches', "('000001')", ['GET', 'POST', 'PATCH']],
    ['/AR/ARReceiptAndAdjustmentBatches', "(BatchRecordType='CA',BatchNumber=1)", ['GET', 'POST', 'PATCH']],
    ['/TX/TXTaxGroups', "('CALIF')", ['GET']],
  ];
  it.each(cases)('%s allows exactly %s … %s', async (resource, key, allowed) => {
    const { call } = await start();
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const reply = await call(method, `${resource}${key}`, { body: {} });
      if (allowed.includes(method)) expect(reply.status, `${method} ${resource}`).not.toBe(405);
      else {
        expect(errorOf(reply), `${method} ${resource}`).toEqual([
          405,
          'MethodNotAllowed',
          expect.any(String),
        ]);
        expect(reply.headers.get('allow')).toBe(allowed.join(', '));
      }
    }
    const post = await call('POST', resource, { body: {} });
    expect(post.status === 405, `POST ${resource}`).toBe(!allowed.includes('POST'));
  });

  it('answers 405 for verbs the Web API never serves', async () => {
    const { callPath } = await start();
    const reply = await callPath('OPTIONS', '/Sage300WebApi/v1.0/-/SAMINC/AR/ARCustomers');
    expect(errorOf(reply)).toEqual([405, 'MethodNotAllowed', expect.any(String)]);
  });

  it('needs a key for PUT, PATCH and DELETE', async () => {
    const { call } = await start();
    expect(errorOf(await call('DELETE', '/AR/ARCustomers'))).toEqual([
      400,
      'InvalidEntityKey',
      expect.any(String),
    ]);
  });

  it('lists every seeded lookup table', async () => {
    const { call } = await start();
    for (const resource of [
      '/AR/ARCustomerGroups',
      '/AR/ARTerms',
      '/TX/TXTaxGroups',
      '/OE/OEShipViaCodes',
      '/OE/OEMiscellaneousCharges',
      '/GL/GLAccounts',
      '/IC/ICLocations',
    ]) {
      expect(rowsOf(await call('GET', resource)).length, resource).toBeGreaterThan(1);
    }
  });
});
