import { getEventListeners } from 'node:events';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { createAxiosTransport } from './axios-transport.ts';
import { closedPort, sendJson, startTestServer, type TestHandler, type TestServer } from './test-server.ts';

const transport = createAxiosTransport({ timeoutMs: 5_000 });
let server: TestServer | undefined;

afterAll(() => transport.close());

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: TestHandler): Promise<TestServer> {
  server = await startTestServer(handler);
  return server;
}

function neverSignal(): AbortSignal {
  return new AbortController().signal;
}

async function sendExpectingError(...args: Parameters<typeof transport.send>): Promise<BridgeflowError> {
  const error = await transport.send(...args).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof BridgeflowError))
    throw new Error(`expected a BridgeflowError, got ${String(error)}`);
  return error;
}

describe('createAxiosTransport: requests', () => {
  it('sends JSON bodies as JSON with a content-type and applies the query', async () => {
    const { origin, requests } = await serve((_request, response) => sendJson(response, 201, { ok: true }));
    const response = await transport.send(
      {
        method: 'post',
        url: `${origin}/orders?source=web`,
        query: { company: 'SAMLTD', note: 'a b&c' },
        body: { OrderID: 7, lines: [{ sku: 'LAMP', qty: 2 }] },
      },
      neverSignal(),
    );
    expect(response.status).toBe(201);
    expect(requests).toHaveLength(1);
    const [received] = requests;
    expect(received?.method).toBe('POST');
    expect(received?.url).toBe('/orders?source=web&company=SAMLTD&note=a+b%26c');
    expect(received?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(received?.body ?? '')).toEqual({ OrderID: 7, lines: [{ sku: 'LAMP', qty: 2 }] });
  });

  it('sends string bodies as they are, with the caller’s content-type', async () => {
    const { origin, requests } = await serve((_request, response) => response.end('ok'));
    await transport.send(
      {
        method: 'POST',
        url: `${origin}/token`,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=password&username=ann',
      },
      neverSignal(),
    );
    expect(requests[0]?.body).toBe('grant_type=password&username=ann');
    expect(requests[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('reuses one keep-alive connection for consecutive requests', async () => {
    const { origin, connectionCount } = await serve((_request, response) => sendJson(response, 200, []));
    for (let call = 0; call < 3; call += 1)
      await transport.send({ method: 'GET', url: origin }, neverSignal());
    expect(connectionCount()).toBe(1);
  });
});

describe('createAxiosTransport: responses', () => {
  it('resolves with any status instead of throwing', async () => {
    const { origin } = await serve((_request, response) =>
      sendJson(response, 404, { message: 'No orders found' }),
    );
    const response = await transport.send({ method: 'GET', url: `${origin}/Orders` }, neverSignal());
    expect(response).toMatchObject({ status: 404, body: { message: 'No orders found' } });
  });

  it('parses JSON bodies, even when labelled text/html, and lower-cases header names', async () => {
    const { origin } = await serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html', 'X-Request-Id': 'r-1' });
      response.end('[{"OrderID":1}]');
    });
    const response = await transport.send({ method: 'GET', url: origin }, neverSignal());
    expect(response.body).toEqual([{ OrderID: 1 }]);
    expect(response.headers['x-request-id']).toBe('r-1');
    expect(response.headers['content-type']).toBe('text/html');
  });

  it('keeps the text when a JSON body does not parse, and never parses with responseType text', async () => {
    const { origin } = await serve((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(request.url === '/broken' ? '{"truncated":' : '{"n":1}');
    });
    const broken = await transport.send({ method: 'GET', url: `${origin}/broken` }, neverSignal());
    expect(broken.body).toBe('{"truncated":');
    const text = await transport.send({ method: 'GET', url: origin, responseType: 'text' }, neverSignal());
    expect(text.body).toBe('{"n":1}');
  });

  it('fails clearly when the response is larger than the limit', async () => {
    const small = createAxiosTransport({ maxResponseBytes: 1024 });
    const { origin } = await serve((_request, response) => response.end('x'.repeat(10_000)));
    const error = await small
      .send({ method: 'GET', url: `${origin}/export` }, neverSignal())
      .catch((e: unknown) => e);
    small.close();
    expect(error).toBeInstanceOf(BridgeflowError);
    expect(error).toMatchObject({ code: 'CONNECTOR_REMOTE_ERROR', retryable: false });
    expect(String(error)).toContain(`GET ${origin}/export returned a response larger than the 1 KB limit`);
  });
});

describe('createAxiosTransport: failures', () => {
  it('times out with CONNECTOR_TIMEOUT (retryable) when the server does not answer', async () => {
    const { origin } = await serve(() => {
      // Never answers.
    });
    const error = await sendExpectingError(
      { method: 'GET', url: `${origin}/slow?secret=1`, timeoutMs: 200 },
      neverSignal(),
    );
    expect(error.code).toBe('CONNECTOR_TIMEOUT');
    expect(error.retryable).toBe(true);
    expect(error.message).toBe(`GET ${origin}/slow timed out after 200 ms`);
  });

  it('times out a server that keeps trickling bytes: the limit is for the whole exchange', async () => {
    const timers: NodeJS.Timeout[] = [];
    const { origin } = await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('[');
      // A byte every 50 ms, never the end: an idle timeout of 200 ms would never fire.
      timers.push(setInterval(() => response.write(' '), 50));
    });
    const started = Date.now();
    const error = await sendExpectingError(
      { method: 'GET', url: `${origin}/drip`, timeoutMs: 300 },
      neverSignal(),
    );
    for (const timer of timers) clearInterval(timer);
    expect(error.code).toBe('CONNECTOR_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports a refused connection as CONNECTOR_UNAVAILABLE naming the host and OS code', async () => {
    const port = await closedPort();
    const error = await sendExpectingError(
      { method: 'POST', url: `http://127.0.0.1:${port}/x`, body: {} },
      neverSignal(),
    );
    expect(error.code).toBe('CONNECTOR_UNAVAILABLE');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('reports a reset connection as CONNECTOR_UNAVAILABLE', async () => {
    const { origin } = await serve((_request, response) => response.socket?.destroy());
    const error = await sendExpectingError({ method: 'GET', url: origin }, neverSignal());
    expect(error.code).toBe('CONNECTOR_UNAVAILABLE');
    expect(error.message).toContain('ECONNRESET');
  });

  it('reports an unknown host as CONNECTOR_UNAVAILABLE', async () => {
    const error = await sendExpectingError(
      { method: 'GET', url: 'http://no-such-host.invalid/api' },
      neverSignal(),
    );
    expect(error.code).toBe('CONNECTOR_UNAVAILABLE');
    expect(error.message).toMatch(/no-such-host\.invalid:80.*\((ENOTFOUND|EAI_AGAIN)\)/);
  });

  it('stops with RUN_CANCELLED (not retryable) when the signal aborts', async () => {
    const { origin } = await serve(() => {
      // Never answers; the caller gives up.
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await sendExpectingError({ method: 'GET', url: origin }, controller.signal);
    expect(error.code).toBe('RUN_CANCELLED');
    expect(error.retryable).toBe(false);
  });

  it('cancels every call in flight under one signal, which holds a single listener for them', async () => {
    const { origin, requests } = await serve(() => {
      // Never answers.
    });
    const controller = new AbortController();
    const calls = [1, 2, 3].map((n) =>
      sendExpectingError({ method: 'GET', url: `${origin}/${n}` }, controller.signal),
    );
    await vi.waitFor(() => expect(requests).toHaveLength(3));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort();
    for (const error of await Promise.all(calls)) expect(error.code).toBe('RUN_CANCELLED');
    const late = await sendExpectingError({ method: 'GET', url: `${origin}/4` }, controller.signal);
    expect(late.code).toBe('RUN_CANCELLED');
    expect(requests).toHaveLength(3);
  });

  it('rejects a URL that is not absolute http(s) before sending', async () => {
    const error = await sendExpectingError({ method: 'GET', url: '/relative/path' }, neverSignal());
    expect(error.code).toBe('INPUT_INVALID');
  });
});
