import { describe, expect, it } from 'vitest';
import { type M3TestClient, simulatorStarter, type V2Json } from './m3-test-client.ts';

const START = Date.UTC(2026, 10, 22, 9, 0, 0);
let now = START;
const startSimulator = simulatorStarter(() => ({ clock: () => now }));
function start(options: Parameters<typeof startSimulator>[0] = {}): Promise<M3TestClient> {
  now = START;
  return startSimulator(options);
}

const GET_TEMPLATE = 'm3api-rest/v2/execute/CRS610MI/GetBasicData?CUNO=TMPLWEB';

/** Password grant as reference B2 describes it, with the values from the `.ionapi` file. */
async function requestToken(m3: M3TestClient, overrides: Record<string, string> = {}): Promise<Response> {
  const file = m3.running.ionApiFile();
  const form = new URLSearchParams({
    grant_type: 'password',
    username: file.saak,
    password: file.sask,
    client_id: file.ci,
    client_secret: file.cs,
    ...overrides,
  });
  return fetch(`${file.pu}${file.ot}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  });
}

async function accessToken(m3: M3TestClient): Promise<{ access_token: string; refresh_token: string }> {
  const response = await requestToken(m3);
  expect(response.status).toBe(200);
  return (await response.json()) as { access_token: string; refresh_token: string };
}

describe('Basic auth on /m3api-rest', () => {
  it('accepts the configured M3 user and refuses a missing or wrong one with 401', async () => {
    const m3 = await start({ users: [{ username: 'ANNA', password: 's3cret' }] });
    const good = `Basic ${Buffer.from('ANNA:s3cret').toString('base64')}`;
    const bad = `Basic ${Buffer.from('ANNA:wrong').toString('base64')}`;
    expect((await m3.get(`/${GET_TEMPLATE}`, { authorization: good })).status).toBe(200);
    const missing = await m3.get(`/${GET_TEMPLATE}`, {});
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Basic realm="m3api-rest"');
    expect((await m3.get(`/${GET_TEMPLATE}`, { authorization: bad })).status).toBe(401);
    expect(m3.running.credentials().basic).toEqual({ username: 'ANNA', password: 's3cret' });
  });

  it('does not take bearer tokens on the direct path', async () => {
    const m3 = await start();
    const { access_token } = await accessToken(m3);
    expect((await m3.get(`/${GET_TEMPLATE}`, { authorization: `Bearer ${access_token}` })).status).toBe(401);
  });
});

describe('ION API OAuth 2.0', () => {
  it('writes a .ionapi file that points at the simulator', async () => {
    const m3 = await start({ tenant: 'ACME_PRD' });
    const file = m3.running.ionApiFile();
    expect(file).toEqual({
      ti: 'ACME_PRD',
      cn: 'Bridgeflow M3 simulator',
      dt: '12',
      ci: 'ACME_PRD~bridgeflow-simulator',
      cs: 'bridgeflow-simulator-client-secret',
      iu: m3.url,
      pu: `${m3.url}/ACME_PRD/as/`,
      oa: 'authorization.oauth2',
      ot: 'token.oauth2',
      or: 'revoke_token.oauth2',
      ev: 'BF-SIMULATOR',
      v: '1.0',
      saak: 'ACME_PRD#bridgeflow-service-account',
      sask: 'bridgeflow-service-account-secret',
    });
    expect(m3.running.simulator.ionApiFile('http://host:1/').iu).toBe('http://host:1');
    expect(m3.running.credentials().ion.tokenPath).toBe('/ACME_PRD/as/token.oauth2');
  });

  it('grants a bearer token for the service account and serves M3 under /{TENANT}/M3 with it', async () => {
    const m3 = await start();
    const response = await requestToken(m3);
    const token = (await response.json()) as Record<string, unknown>;
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 7200 });
    expect(token.access_token).toEqual(expect.any(String));
    const { iu, ti } = m3.running.ionApiFile();
    const answer = await m3.get<V2Json>(`${iu.slice(m3.url.length)}/${ti}/M3/${GET_TEMPLATE}`, {
      authorization: `Bearer ${String(token.access_token)}`,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.results[0]?.records[0]?.CUNO).toBe('TMPLWEB');
    const bulk = await fetch(`${iu}/${ti}/M3/m3api-rest/v2/execute`, {
      method: 'POST',
      headers: { authorization: `Bearer ${String(token.access_token)}` },
      body: JSON.stringify({ program: 'CRS610MI', transactions: [{ transaction: 'LstByNumber' }] }),
    });
    expect(bulk.status).toBe(200);
  });

  it('answers 401 once the token has expired, and a refresh token gets a new one', async () => {
    const m3 = await start({ tokenLifetimeSeconds: 60 });
    const { access_token, refresh_token } = await accessToken(m3);
    const path = `/${m3.running.ionApiFile().ti}/M3/${GET_TEMPLATE}`;
    now += 59_000;
    expect((await m3.get(path, { authorization: `Bearer ${access_token}` })).status).toBe(200);
    now += 1_000;
    const expired = await m3.get<Record<string, string>>(path, { authorization: `Bearer ${access_token}` });
    expect(expired.status).toBe(401);
    expect(expired.body.error).toBe('invalid_token');
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
    const { ci, cs, pu, ot } = m3.running.ionApiFile();
    const refreshed = await fetch(`${pu}${ot}`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${ci}:${cs}`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token }),
    });
    const renewed = (await refreshed.json()) as { access_token: string };
    expect((await m3.get(path, { authorization: `Bearer ${renewed.access_token}` })).status).toBe(200);
  });

  it('refuses bad grants, clients, tokens and tenants', async () => {
    const m3 = await start();
    const wrongSecret = await requestToken(m3, { password: 'nope' });
    expect(wrongSecret.status).toBe(400);
    expect(await wrongSecret.json()).toMatchObject({ error: 'invalid_grant' });
    const wrongClient = await requestToken(m3, { client_secret: 'nope' });
    expect(wrongClient.status).toBe(401);
    expect(await wrongClient.json()).toMatchObject({ error: 'invalid_client' });
    expect(await (await requestToken(m3, { grant_type: 'client_credentials' })).json()).toMatchObject({
      error: 'unsupported_grant_type',
    });
    const { ti } = m3.running.ionApiFile();
    expect((await m3.get(`/${ti}/M3/${GET_TEMPLATE}`, {})).status).toBe(401);
    expect((await m3.get(`/${ti}/M3/${GET_TEMPLATE}`, { authorization: 'Bearer forged' })).status).toBe(401);
    expect((await m3.get(`/${ti}/M3/${GET_TEMPLATE}`, { authorization: m3.authorization })).status).toBe(401);
    const { access_token } = await accessToken(m3);
    expect(
      (await m3.get(`/OTHER/M3/${GET_TEMPLATE}`, { authorization: `Bearer ${access_token}` })).status,
    ).toBe(404);
  });

  it('revokes a token at {pu}{or}', async () => {
    const m3 = await start();
    const { access_token } = await accessToken(m3);
    const { pu, or, ti } = m3.running.ionApiFile();
    expect((await fetch(`${pu}${or}?token=${access_token}`, { method: 'POST' })).status).toBe(200);
    expect(
      (await m3.get(`/${ti}/M3/${GET_TEMPLATE}`, { authorization: `Bearer ${access_token}` })).status,
    ).toBe(401);
  });
});
