import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sendJson } from '../../run/http/test-server.ts';
import type { TestNode } from '../../run/testing/flow-builder.ts';
import { createHttpTestBench, httpNode, httpTrace, outputOf } from './http-request-test-bench.ts';

const { serve, run, closeServer, close } = createHttpTestBench();

afterAll(close);
afterEach(closeServer);

describe('core.httpRequest: requests', () => {
  it('renders URL, query and headers from the item and outputs the response body', async () => {
    const { origin, requests } = await serve((_request, response) =>
      sendJson(response, 200, { OrderID: 7, status: 'shipped' }),
    );
    const node = httpNode({
      url: `${origin}/orders/{{ OrderID }}`,
      query: [{ name: 'company', value: '{{ $uppercase(store) }}' }],
      headers: [{ name: 'X-Request-Id', value: 'order-{{ OrderID }}' }],
    });
    const trace = await run(node, { OrderID: 7, store: 'samltd' });
    expect(trace.status).toBe('succeeded');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'GET',
      url: '/orders/7?company=SAMLTD',
      headers: { 'x-request-id': 'order-7' },
    });
    expect(outputOf(trace)).toEqual([{ OrderID: 7, status: 'shipped' }]);
  });

  it('POSTs the JSON result of a body expression', async () => {
    const { origin, requests } = await serve((_request, response) => sendJson(response, 201, { id: 'SO-1' }));
    const node = httpNode({
      method: 'POST',
      url: `${origin}/salesorders`,
      body: {
        mode: 'expression',
        expression:
          '{ "customer": BillingEmail, "lines": OrderItemList.{ "sku": ItemID, "qty": ItemQuantity } }',
      },
    });
    const order = {
      BillingEmail: 'ann@example.com',
      OrderItemList: [
        { ItemID: 'LAMP', ItemQuantity: 2 },
        { ItemID: 'SHADE', ItemQuantity: 1 },
      ],
    };
    const trace = await run(node, order);
    expect(requests[0]).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({
      customer: 'ann@example.com',
      lines: [
        { sku: 'LAMP', qty: 2 },
        { sku: 'SHADE', qty: 1 },
      ],
    });
    expect(outputOf(trace)).toEqual([{ id: 'SO-1' }]);
  });

  it('sends a text body rendered from the item with its content type', async () => {
    const { origin, requests } = await serve((_request, response) => response.end('accepted'));
    const node = httpNode({
      method: 'PUT',
      url: `${origin}/notes/{{ id }}`,
      body: { mode: 'text', text: 'Order {{ id }} packed', contentType: 'text/csv' },
      responseFormat: 'text',
    });
    const trace = await run(node, { id: 12 });
    expect(requests[0]).toMatchObject({ method: 'PUT', url: '/notes/12', body: 'Order 12 packed' });
    expect(requests[0]?.headers['content-type']).toBe('text/csv');
    expect(outputOf(trace)).toEqual(['accepted']);
  });

  it('fails the item with INPUT_INVALID naming the rendered URL when it is not absolute', async () => {
    const trace = await run(httpNode({ url: '{{ baseUrl }}/orders' }), { OrderID: 1 });
    expect(trace.status).toBe('failed');
    expect(trace.error).toMatchObject({ code: 'INPUT_INVALID', nodeId: 'http', itemIndex: 0 });
    expect(trace.error?.message).toContain('URL "/orders"');
  });

  it('emits one item per element of an array response with Split array', async () => {
    const { origin } = await serve((_request, response) =>
      sendJson(response, 200, [{ sku: 'LAMP' }, { sku: 'SHADE' }, { sku: 'BULB' }]),
    );
    const trace = await run(httpNode({ url: `${origin}/stock`, splitArray: true }), { warehouse: 'A' });
    expect(outputOf(trace)).toEqual([{ sku: 'LAMP' }, { sku: 'SHADE' }, { sku: 'BULB' }]);
    expect(httpTrace(trace)?.outputs?.map((output) => output.from)).toEqual([[0], [0], [0]]);
  });
});

describe('core.httpRequest: dry-run', () => {
  it('does not send a POST; the item is the marked simulated response and the exchange is recorded', async () => {
    const { origin, requests } = await serve((_request, response) => sendJson(response, 201, {}));
    const node = httpNode({
      method: 'POST',
      url: `${origin}/orders`,
      body: { mode: 'json', json: { qty: 1 } },
    });
    const trace = await run(node, { id: 1 }, { dryRun: true });
    expect(trace.status).toBe('succeeded');
    expect(requests).toEqual([]);
    expect(outputOf(trace)).toEqual([
      {
        dryRun: true,
        message: 'Write intercepted by dry-run; not sent',
        request: { method: 'POST', url: `${origin}/orders`, body: { qty: 1 } },
      },
    ]);
    expect(httpTrace(trace)?.http).toMatchObject([{ method: 'POST', dryRun: true, status: 200 }]);
  });

  it('still sends a POST marked as a read', async () => {
    const { origin, requests } = await serve((_request, response) => sendJson(response, 200, [{ id: 3 }]));
    const node = httpNode({
      method: 'POST',
      url: `${origin}/search`,
      body: { mode: 'json', json: { q: 'lamp' } },
      write: 'read',
    });
    const trace = await run(node, {}, { dryRun: true });
    expect(requests).toHaveLength(1);
    expect(outputOf(trace)).toEqual([[{ id: 3 }]]);
    expect(httpTrace(trace)?.http[0]?.dryRun).toBe(false);
  });
});

describe('core.httpRequest: HTTP errors', () => {
  it('fails the run with CONNECTOR_NOT_FOUND and the remote message on 404', async () => {
    const { origin } = await serve((_request, response) =>
      sendJson(response, 404, { message: 'No order with ID 7' }),
    );
    const trace = await run(httpNode({ url: `${origin}/orders/{{ id }}` }), { id: 7 });
    expect(trace.status).toBe('failed');
    expect(trace.error).toMatchObject({
      code: 'CONNECTOR_NOT_FOUND',
      nodeId: 'http',
      retryable: false,
      remote: { status: 404, message: 'No order with ID 7' },
    });
    expect(trace.error?.message).toBe(`GET ${origin}/orders/7 returned 404 Not Found: No order with ID 7`);
  });

  it('retries a 503 under the retry policy and succeeds on the next answer', async () => {
    let hits = 0;
    const { origin } = await serve((_request, response) => {
      hits += 1;
      if (hits === 1) sendJson(response, 503, { message: 'Maintenance' }, { 'Retry-After': '1' });
      else sendJson(response, 200, { ok: true });
    });
    const retry = { maxAttempts: 3, backoffMs: 10 };
    const node = httpNode({ url: `${origin}/orders` }, { settings: { retry } });
    const trace = await run(node, {});
    expect(trace.status).toBe('succeeded');
    expect(hits).toBe(2);
    expect(outputOf(trace)).toEqual([{ ok: true }]);
    expect(httpTrace(trace)?.http.map((exchange) => exchange.status)).toEqual([503, 200]);
  });

  // start ─▶ http ─error─▶ handler ─▶ (out)
  it('sends the item to the wired error port on 500', async () => {
    const { origin } = await serve((_request, response) =>
      sendJson(response, 500, { error: 'Database down' }),
    );
    const handler: TestNode = {
      id: 'handler',
      type: 'core.setFields',
      parameters: { fields: [{ path: 'handled', value: true }] },
    };
    const trace = await run(
      httpNode({ url: `${origin}/orders` }),
      { id: 5 },
      {
        extraNodes: [handler],
        edges: ['http:error -> handler'],
      },
    );
    expect(trace.status).toBe('succeeded');
    expect(outputOf(trace, 'handler')).toMatchObject([
      {
        handled: true,
        input: { id: 5 },
        error: { code: 'CONNECTOR_UNAVAILABLE', remote: { status: 500, message: 'Database down' } },
      },
    ]);
  });

  it('outputs {status, headers, body} instead of failing when Fail on HTTP error is off', async () => {
    const { origin } = await serve((_request, response) =>
      sendJson(response, 422, { errorMessage: 'Customer exists', errorField: 'CUNO' }),
    );
    const trace = await run(httpNode({ url: `${origin}/customers`, failOnHttpError: false }), {});
    expect(trace.status).toBe('succeeded');
    expect(outputOf(trace)).toMatchObject([
      {
        status: 422,
        headers: { 'content-type': 'application/json' },
        body: { errorMessage: 'Customer exists', errorField: 'CUNO' },
      },
    ]);
  });

  it('fails with CONNECTOR_TIMEOUT when the server does not answer in time', async () => {
    const { origin } = await serve(() => {
      // Never answers.
    });
    const trace = await run(httpNode({ url: `${origin}/slow`, timeoutMs: 200 }), {});
    expect(trace.status).toBe('failed');
    expect(trace.error).toMatchObject({ code: 'CONNECTOR_TIMEOUT', retryable: true });
    expect(trace.error?.message).toBe(`GET ${origin}/slow timed out after 200 ms`);
  });
});
