import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import type { HttpTransport } from '../services.ts';
import { createAxiosTransport } from './axios-transport.ts';
import { exchangeOf, HttpExchangeError, type RecordOptions, sendRecorded } from './http-recorder.ts';
import { closedPort, sendJson, startTestServer, type TestServer } from './test-server.ts';

const SECRET = 'pk_live_9f8e7d';
const transport = createAxiosTransport();
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    if (request.url.startsWith('/escaped')) {
      // The secret only appears once the JSON is parsed: written with escapes, as JSON allows.
      const escaped = [...SECRET].map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
      response.writeHead(200, { 'content-type': 'application/json' });
      const body = request.url.includes('key')
        ? '{"Refresh_Token":"fresh-456","plain":"x"}'
        : `{"note":"key ${escaped.join('')}","plain":"x"}`;
      response.end(body);
    } else if (request.url.startsWith('/token')) {
      sendJson(response, 200, { access_token: 'minted-token-123', echo: `key was ${SECRET}` });
    } else {
      sendJson(response, 200, { received: request.method }, { 'Set-Cookie': 'session=abc; HttpOnly' });
    }
  });
});

beforeEach(() => {
  server.requests.length = 0;
});

afterAll(async () => {
  transport.close();
  await server.close();
});

/** A clock that advances 25 ms on every reading. */
function steppingClock(startIso = '2025-03-01T10:00:00.000Z'): () => number {
  let now = Date.parse(startIso) - 25;
  return () => {
    now += 25;
    return now;
  };
}

function options(overrides: Partial<RecordOptions> = {}): RecordOptions {
  return {
    dryRun: false,
    signal: new AbortController().signal,
    secrets: [SECRET],
    now: steppingClock(),
    ...overrides,
  };
}

describe('sendRecorded: recording', () => {
  it('records the full exchange with timing', async () => {
    const { response, exchange } = await sendRecorded(
      transport,
      { method: 'post', url: `${server.origin}/orders`, query: { company: 'SAMLTD' }, body: { id: 1 } },
      options(),
    );
    expect(response.body).toEqual({ received: 'POST' });
    expect(exchange).toMatchObject({
      method: 'POST',
      url: `${server.origin}/orders?company=SAMLTD`,
      requestHeaders: { 'content-type': 'application/json' },
      requestBody: { id: 1 },
      status: 200,
      responseBody: { received: 'POST' },
      startedAt: '2025-03-01T10:00:00.000Z',
      durationMs: 25,
      dryRun: false,
    });
    expect(JSON.parse(JSON.stringify(exchange))).toEqual(exchange);
  });

  it('masks credential headers in the record while the server receives the real values', async () => {
    const { exchange } = await sendRecorded(
      transport,
      {
        method: 'GET',
        url: `${server.origin}/Orders`,
        headers: {
          Authorization: 'Basic YW5uOnNlY3JldA==',
          PrivateKey: 'key-1',
          Token: 'token-1',
          'X-Store': `store ${SECRET}`,
          SecureURL: 'https://shop.example.com',
        },
      },
      options(),
    );
    expect(exchange.requestHeaders).toEqual({
      Authorization: 'Basic ***',
      PrivateKey: '***',
      Token: '***',
      'X-Store': '***',
      SecureURL: 'https://shop.example.com',
    });
    expect(exchange.responseHeaders?.['set-cookie']).toBe('***');
    expect(server.requests[0]?.headers.authorization).toBe('Basic YW5uOnNlY3JldA==');
    expect(server.requests[0]?.headers.privatekey).toBe('key-1');
  });

  it('masks secrets in the query, request body and response body, but returns the real response', async () => {
    const { response, exchange } = await sendRecorded(
      transport,
      {
        method: 'POST',
        url: `${server.origin}/token`,
        query: { key: SECRET, q: 'x y' },
        body: { client_secret: 'not-in-vault', nested: [{ note: `uses ${SECRET}` }] },
        write: false,
      },
      options(),
    );
    expect(exchange.url).toBe(`${server.origin}/token?key=***&q=x+y`);
    expect(exchange.requestBody).toEqual({ client_secret: '***', nested: [{ note: 'uses ***' }] });
    expect(exchange.responseBody).toEqual({ access_token: '***', echo: 'key was ***' });
    expect(response.body).toEqual({ access_token: 'minted-token-123', echo: `key was ${SECRET}` });
    expect(server.requests[0]?.url).toBe(`/token?key=${SECRET}&q=x+y`);
  });

  it('masks a secret the response wrote with JSON escapes, and secret-named keys in any case', async () => {
    const { response, exchange } = await sendRecorded(
      transport,
      { method: 'GET', url: `${server.origin}/escaped` },
      options(),
    );
    expect(response.body).toEqual({ note: `key ${SECRET}`, plain: 'x' });
    expect(exchange.responseBody).toEqual({ note: 'key ***', plain: 'x' });
    const named = await sendRecorded(
      transport,
      { method: 'GET', url: `${server.origin}/escaped/key` },
      options(),
    );
    expect(named.exchange.responseBody).toEqual({ Refresh_Token: '***', plain: 'x' });
  });

  it('records a body with nothing to mask as it came', async () => {
    const { response, exchange } = await sendRecorded(
      transport,
      { method: 'POST', url: `${server.origin}/orders`, body: { note: 'a\\b "quoted"' }, write: false },
      options(),
    );
    expect(exchange.requestBody).toEqual({ note: 'a\\b "quoted"' });
    expect(exchange.responseBody).toEqual({ received: 'POST' });
    expect(exchange.responseBody).toBe(response.body);
  });

  it('masks secrets in string bodies', async () => {
    const { exchange } = await sendRecorded(
      transport,
      {
        method: 'POST',
        url: `${server.origin}/token`,
        body: `grant_type=password&password=${SECRET}`,
        write: false,
      },
      options(),
    );
    expect(exchange.requestBody).toBe('grant_type=password&password=***');
  });
});

describe('sendRecorded: dry-run', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('intercepts %s: nothing reaches the server', async (method) => {
    const request = {
      method,
      url: `${server.origin}/Orders/7`,
      query: { key: SECRET },
      body: { OrderStatusID: 4 },
    };
    const { response, exchange } = await sendRecorded(transport, request, options({ dryRun: true }));
    expect(server.requests).toEqual([]);
    const url = `${server.origin}/Orders/7?key=***`;
    expect(response).toEqual({
      status: 200,
      headers: {},
      body: {
        dryRun: true,
        message: 'Write intercepted by dry-run; not sent',
        request: { method, url, body: { OrderStatusID: 4 } },
      },
      dryRun: true,
    });
    expect(exchange).toMatchObject({
      method,
      url,
      requestBody: { OrderStatusID: 4 },
      dryRun: true,
      status: 200,
    });
  });

  it('still sends reads, and POSTs marked as reads', async () => {
    const get = await sendRecorded(
      transport,
      { method: 'GET', url: `${server.origin}/Orders` },
      options({ dryRun: true }),
    );
    const query = await sendRecorded(
      transport,
      { method: 'POST', url: `${server.origin}/query`, body: { filter: 'x' }, write: false },
      options({ dryRun: true }),
    );
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /Orders',
      'POST /query',
    ]);
    expect(get.exchange.dryRun).toBe(false);
    expect(query.response.body).toEqual({ received: 'POST' });
  });
});

describe('sendRecorded: failures', () => {
  it('throws the transport error with the exchange attached', async () => {
    const port = await closedPort();
    const thrown = await sendRecorded(
      transport,
      { method: 'PUT', url: `http://127.0.0.1:${port}/Orders/7`, body: { id: 7 } },
      options(),
    ).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(HttpExchangeError);
    expect(thrown).toBeInstanceOf(BridgeflowError);
    expect(thrown).toMatchObject({ code: 'CONNECTOR_UNAVAILABLE', retryable: true });
    const exchange = exchangeOf(thrown);
    expect(exchange).toMatchObject({ method: 'PUT', requestBody: { id: 7 }, dryRun: false });
    expect(exchange?.status).toBeUndefined();
    expect(exchange?.error).toMatchObject({ code: 'CONNECTOR_UNAVAILABLE', retryable: true });
    expect(exchange?.error?.message).toContain('ECONNREFUSED');
  });

  it('masks secrets in error messages', async () => {
    const leaky: HttpTransport = {
      send: () => Promise.reject(new BridgeflowError('CONNECTOR_AUTH', `key ${SECRET} rejected`)),
    };
    const thrown = await sendRecorded(leaky, { method: 'GET', url: server.origin }, options()).catch(
      (e: unknown) => e,
    );
    expect(thrown).toMatchObject({ code: 'CONNECTOR_AUTH', message: 'key *** rejected' });
    expect(exchangeOf(thrown)?.error?.message).toBe('key *** rejected');
  });

  it('does not send when the run is already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const thrown = await sendRecorded(
      transport,
      { method: 'GET', url: `${server.origin}/Orders` },
      options({ signal: controller.signal }),
    ).catch((e: unknown) => e);
    expect(thrown).toMatchObject({ code: 'RUN_CANCELLED', retryable: false });
    expect(server.requests).toEqual([]);
  });

  it('records a malformed URL as it was given', async () => {
    const thrown = await sendRecorded(transport, { method: 'GET', url: 'orders/7' }, options()).catch(
      (e: unknown) => e,
    );
    expect(thrown).toMatchObject({ code: 'INPUT_INVALID' });
    expect(exchangeOf(thrown)).toMatchObject({ url: 'orders/7', error: { code: 'INPUT_INVALID' } });
  });
});
