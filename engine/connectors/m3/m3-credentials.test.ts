import { describe, expect, it } from 'vitest';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { defaultIonClient, ionApiFile } from '../../simulators/m3/ion-api-file.ts';
import { importIonApiFile, m3CredentialFields, parseM3Credentials } from './m3-credentials.ts';

const FILE = ionApiFile(defaultIonClient('ACME_PRD'), 'https://mingle-ionapi.example.com');

function thrownBy(action: () => unknown): BridgeflowError {
  try {
    action();
  } catch (thrown) {
    if (thrown instanceof BridgeflowError) return thrown;
    throw thrown;
  }
  throw new Error('expected a BridgeflowError');
}

describe('importIonApiFile', () => {
  it('accepts an .ionapi file and keeps the fields it does not use', () => {
    expect(importIonApiFile(JSON.stringify(FILE))).toEqual(FILE);
  });

  it('names the missing field and what it is', () => {
    const { sask: _sask, ...withoutSecret } = FILE;
    const error = thrownBy(() => importIonApiFile(JSON.stringify(withoutSecret)));
    expect(error).toMatchObject({ code: 'INPUT_INVALID', details: { path: 'sask' } });
    expect(error.message).toBe(
      'The .ionapi field "sask" (service-account secret key) is missing; the file must include a service account',
    );
    const { ot: _ot, ...withoutToken } = FILE;
    expect(thrownBy(() => importIonApiFile(JSON.stringify(withoutToken))).message).toContain(
      '"ot" (token endpoint) is missing',
    );
  });

  it('refuses text that is not JSON, a non-object, and a field that is not a URL', () => {
    expect(thrownBy(() => importIonApiFile('ti=ACME')).message).toContain('not JSON');
    expect(thrownBy(() => importIonApiFile('[]')).message).toContain('JSON object');
    const error = thrownBy(() => importIonApiFile(JSON.stringify({ ...FILE, iu: 'mingle' })));
    expect(error.message).toContain('"iu" (ION API base URL) is invalid');
  });
});

describe('parseM3Credentials', () => {
  it('reads Basic credentials and drops a trailing /m3api-rest from the base URL', () => {
    const fields = {
      mode: 'basic',
      baseUrl: 'https://m3.example.com:21108/m3api-rest/',
      username: 'M3API',
      password: 'secret',
      company: '100',
    };
    expect(parseM3Credentials(fields)).toEqual({ ...fields, baseUrl: 'https://m3.example.com:21108' });
  });

  it('reads the .ionapi file from its JSON text and round-trips through the vault fields', () => {
    const credentials = parseM3Credentials({ mode: 'ionapi', ionapi: JSON.stringify(FILE), division: 'AAA' });
    expect(credentials).toEqual({ mode: 'ionapi', ionapi: FILE, division: 'AAA' });
    expect(parseM3Credentials(m3CredentialFields(credentials))).toEqual(credentials);
  });

  it('fails with CONNECTOR_AUTH naming the field that is missing or wrong', () => {
    const noPassword = thrownBy(() =>
      parseM3Credentials({ mode: 'basic', baseUrl: 'https://m3.example.com', username: 'M3API' }),
    );
    expect(noPassword).toMatchObject({ code: 'CONNECTOR_AUTH', details: { path: 'password' } });
    expect(thrownBy(() => parseM3Credentials({ mode: 'soap' })).message).toBe(
      `The M3 credential's "mode" must be "basic" or "ionapi"`,
    );
    expect(thrownBy(() => parseM3Credentials({ mode: 'ionapi' })).details.path).toBe('ionapi');
    const { cs: _cs, ...noClientSecret } = FILE;
    const ion = thrownBy(() =>
      parseM3Credentials({ mode: 'ionapi', ionapi: JSON.stringify(noClientSecret) }),
    );
    expect(ion).toMatchObject({ code: 'CONNECTOR_AUTH', details: { path: 'cs' } });
    const company = thrownBy(() =>
      parseM3Credentials({
        mode: 'basic',
        baseUrl: 'https://m3',
        username: 'a',
        password: 'b',
        company: 'ACME',
      }),
    );
    expect(company.message).toContain('"company" CONO is a number of up to 3 digits');
  });
});
