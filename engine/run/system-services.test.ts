import { describe, expect, it } from 'vitest';
import { createEnvironmentSecretStore } from './system-services.ts';

describe('createEnvironmentSecretStore', () => {
  it('reads a credential from per-field variables, field names in camelCase', async () => {
    const store = createEnvironmentSecretStore({
      BRIDGEFLOW_CREDENTIAL_SAGE_PROD_BASE_URL: 'http://sage/Sage300WebApi',
      BRIDGEFLOW_CREDENTIAL_SAGE_PROD_PASSWORD: 'secret',
      BRIDGEFLOW_CREDENTIAL_OTHER_PASSWORD: 'not this one',
    });
    expect(await store.get('sage-prod')).toEqual({
      baseUrl: 'http://sage/Sage300WebApi',
      password: 'secret',
    });
    expect(await store.get('missing')).toBeUndefined();
  });

  it('reads a whole credential as JSON, nested objects kept as JSON text, fields overridable', async () => {
    const store = createEnvironmentSecretStore({
      BRIDGEFLOW_CREDENTIAL_M3: JSON.stringify({ mode: 'ionapi', ionapi: { ti: 'T', cs: 'x' } }),
      BRIDGEFLOW_CREDENTIAL_M3_MODE: 'ionapi',
    });
    expect(await store.get('m3')).toEqual({ mode: 'ionapi', ionapi: '{"ti":"T","cs":"x"}' });
  });

  it('says what is wrong with a credential that is not a JSON object', async () => {
    const store = createEnvironmentSecretStore({ BRIDGEFLOW_CREDENTIAL_BAD: '{nope' });
    await expect(store.get('bad')).rejects.toMatchObject({
      code: 'CONNECTOR_AUTH',
      message: expect.stringContaining('BRIDGEFLOW_CREDENTIAL_BAD is not valid JSON'),
    });
  });
});
