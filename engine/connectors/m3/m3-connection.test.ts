import { afterEach, describe, expect, it } from 'vitest';
import { createTestServices } from '../../run/testing/test-services.ts';
import { testConnection } from './m3-connection.ts';
import { m3CredentialFields } from './m3-credentials.ts';
import { type M3Harness, startM3Harness } from './m3-test-harness.ts';

let harness: M3Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('testConnection', () => {
  it('signs in with Basic or through the ION API and reads a customer', async () => {
    const m3 = await startM3Harness();
    harness = m3;
    const services = createTestServices({ http: m3.transport, clock: m3.clock });
    expect(await testConnection(m3.basic(), services)).toEqual({
      ok: true,
      message: 'Connected to Infor M3 as M3API; customers readable',
    });
    // As the vault hands it over: the .ionapi file as JSON text.
    expect(await testConnection(m3CredentialFields(m3.ion()), services)).toEqual({
      ok: true,
      message: 'Connected to Infor M3 through ION API tenant BRIDGEFLOW_TST; customers readable',
    });
  });

  it('answers a refusal as data with the typed error', async () => {
    const m3 = await startM3Harness();
    harness = m3;
    const services = createTestServices({ http: m3.transport, clock: m3.clock });
    const wrong = await testConnection(m3.basic({ password: 'nope' }), services);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'CONNECTOR_AUTH', remote: { status: 401 } } });
    const incomplete = await testConnection({ mode: 'basic', baseUrl: m3.simulator.url }, services);
    expect(incomplete).toMatchObject({ ok: false, error: { code: 'CONNECTOR_AUTH', path: 'username' } });
  });
});
