import { afterEach, describe, expect, it } from 'vitest';
import { UNAUTHORIZED_MESSAGE } from './threedcart-responses.ts';
import { type Row, startTestSimulator, type ThreeDCartTestClient } from './threedcart-test-client.ts';

let client: ThreeDCartTestClient | undefined;
afterEach(async () => {
  await client?.running.close();
  client = undefined;
});

async function start() {
  client = await startTestSimulator();
  return client;
}

const unauthorized = [{ Key: 'Error', Value: '', Status: '401', Message: UNAUTHORIZED_MESSAGE }];

describe('3dcart authentication', () => {
  it('accepts SecureURL + PrivateKey + Token whatever the header case and URL form', async () => {
    const api = await start();
    const { secureUrl, privateKey, token } = api.simulator.credentials();
    const host = secureUrl.replace(/^https:\/\//, '');
    const variants: Record<string, string>[] = [
      { SecureURL: secureUrl, PrivateKey: privateKey, Token: token },
      { secureurl: secureUrl, privatekey: privateKey, token },
      { SecureUrl: host, PRIVATEKEY: privateKey, Token: token },
      { SecureURL: `http://www.${host.toUpperCase()}/`, PrivateKey: privateKey, Token: token },
    ];
    for (const headers of variants) {
      expect((await api.get('Orders/20001', headers)).status).toBe(200);
    }
  });

  it('answers both API versions, v1 and v2, and ignores path case', async () => {
    const api = await start();
    expect((await api.send('GET', '/3dCartWebAPI/v1/Orders/20001')).status).toBe(200);
    expect((await api.send('GET', '/3dcartwebapi/v2/orders/20001')).status).toBe(200);
  });

  it('accepts an OAuth bearer token instead of Token', async () => {
    const api = await start();
    const { secureUrl, privateKey, accessToken } = api.simulator.credentials();
    const headers = { SecureURL: secureUrl, PrivateKey: privateKey, Authorization: `Bearer ${accessToken}` };
    expect((await api.get('Orders/20001', headers)).status).toBe(200);
    const wrong = { ...headers, Authorization: 'Bearer nope' };
    expect(await api.get('Orders/20001', wrong)).toMatchObject({ status: 401, body: unauthorized });
  });

  it('refuses missing or wrong credentials with 401 and the documented message', async () => {
    const api = await start();
    const { secureUrl, privateKey, token } = api.simulator.credentials();
    const failures: Record<string, string>[] = [
      {},
      { SecureURL: secureUrl, PrivateKey: privateKey },
      { SecureURL: secureUrl, PrivateKey: 'other', Token: token },
      { SecureURL: 'https://other-store.3dcartstores.com', PrivateKey: privateKey, Token: token },
      { PrivateKey: privateKey, Token: token },
    ];
    for (const headers of failures) {
      expect(await api.get('Orders', headers)).toMatchObject({ status: 401, body: unauthorized });
    }
  });

  it('runs the OAuth code flow: authorize redirects with a code, token swaps it once', async () => {
    const api = await start();
    const { publicKey, privateKey, accessToken } = api.simulator.credentials();
    const authorize = await fetch(
      `${api.running.url}/oauth/authorize?client_id=${publicKey}&redirect_uri=${encodeURIComponent('https://app.example.com/cb')}&state=xyz&response_type=code`,
      { redirect: 'manual' },
    );
    expect(authorize.status).toBe(302);
    const location = new URL(authorize.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe('https://app.example.com/cb');
    expect(location.searchParams.get('state')).toBe('xyz');
    const form = new URLSearchParams({
      Code: location.searchParams.get('code') ?? '',
      client_id: publicKey,
      client_secret: privateKey,
      grant_type: 'authorization_code',
    });
    const exchange = () =>
      fetch(`${api.running.url}/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form,
      });
    const token = await exchange();
    expect(token.status).toBe(200);
    expect(await token.json()).toMatchObject({ access_token: accessToken, token_type: 'bearer' });
    expect((await exchange()).status).toBe(400);
  });
});

describe('3dcart content types and unknown routes', () => {
  it('refuses a body that is not JSON with 415, and accepts application/json and text/json', async () => {
    const api = await start();
    const body = JSON.stringify({ Email: 'new.person@example.com' });
    for (const contentType of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
      const response = await fetch(`${api.running.apiUrl}/Customers`, {
        method: 'POST',
        headers: { ...api.headers, 'Content-Type': contentType },
        body,
      });
      expect(response.status).toBe(415);
      expect(((await response.json()) as Row[])[0]?.Key).toBe('Error');
    }
    const jsonText = await fetch(`${api.running.apiUrl}/Customers`, {
      method: 'POST',
      headers: { ...api.headers, 'Content-Type': 'text/json; charset=utf-8' },
      body,
    });
    expect(jsonText.status).toBe(201);
  });

  it('answers invalid JSON with 400 and no content (§7)', async () => {
    const api = await start();
    const response = await fetch(`${api.running.apiUrl}/Orders/20001`, {
      method: 'PUT',
      headers: { ...api.headers, 'Content-Type': 'application/json' },
      body: '{"OrderStatusID": ',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('');
  });

  it('answers unknown paths with 404 and unsupported verbs with 405, as ASP.NET does', async () => {
    const api = await start();
    expect((await api.get('Nothing')).status).toBe(404);
    const deleteOrder = await api.send('DELETE', 'Orders/20001');
    expect(deleteOrder.status).toBe(405);
    expect(deleteOrder.body).toEqual({
      Message: "The requested resource does not support http method 'DELETE'.",
    });
  });
});
