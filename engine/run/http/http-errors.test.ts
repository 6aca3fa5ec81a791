import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpRequest } from '../services.ts';
import { createAxiosTransport } from './axios-transport.ts';
import { errorFromResponse, parseRetryAfter } from './http-errors.ts';
import { startTestServer, type TestServer } from './test-server.ts';

/** What the server answers on `/reply`: taken from the request's JSON body. */
interface Reply {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

const transport = createAxiosTransport();
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer((request, response) => {
    const reply: Reply = JSON.parse(request.body);
    const isText = reply.text !== undefined;
    response.writeHead(reply.status, {
      'content-type': isText ? 'text/plain' : 'application/json',
      ...reply.headers,
    });
    response.end(isText ? reply.text : reply.body === undefined ? '' : JSON.stringify(reply.body));
  });
});

afterAll(async () => {
  transport.close();
  await server.close();
});

/** Has the server answer with `reply`, then classifies the response. */
async function errorFor(reply: Reply, now = Date.now) {
  const request: HttpRequest = {
    method: 'POST',
    url: `${server.origin}/api/orders?id=5`,
    body: JSON.stringify(reply),
  };
  const response = await transport.send(request, new AbortController().signal);
  return errorFromResponse(request, response, now);
}

describe('errorFromResponse: status codes', () => {
  it.each([
    [401, 'CONNECTOR_AUTH', false],
    [403, 'CONNECTOR_AUTH', false],
    [404, 'CONNECTOR_NOT_FOUND', false],
    [400, 'CONNECTOR_VALIDATION', false],
    [409, 'CONNECTOR_VALIDATION', false],
    [422, 'CONNECTOR_VALIDATION', false],
    [429, 'CONNECTOR_RATE_LIMITED', true],
    [500, 'CONNECTOR_UNAVAILABLE', true],
    [502, 'CONNECTOR_UNAVAILABLE', true],
    [503, 'CONNECTOR_UNAVAILABLE', true],
    [501, 'CONNECTOR_REMOTE_ERROR', false],
    [405, 'CONNECTOR_REMOTE_ERROR', false],
    [415, 'CONNECTOR_REMOTE_ERROR', false],
  ])('%i → %s (retryable %s)', async (status, code, retryable) => {
    const error = await errorFor({ status });
    expect(error?.code).toBe(code);
    expect(error?.retryable).toBe(retryable);
    expect(error?.details.remote?.status).toBe(status);
  });

  it('returns undefined below 400', async () => {
    expect(await errorFor({ status: 200, body: [] })).toBeUndefined();
    expect(await errorFor({ status: 206, body: [] })).toBeUndefined();
  });

  it('names method, URL (without query), status and the remote message', async () => {
    const error = await errorFor({ status: 404, body: { message: 'No orders found' } });
    expect(error?.message).toBe(`POST ${server.origin}/api/orders returned 404 Not Found: No orders found`);
  });

  it('leaves out the colon when the remote said nothing', async () => {
    const error = await errorFor({ status: 500 });
    expect(error?.message).toBe(`POST ${server.origin}/api/orders returned 500 Internal Server Error`);
  });
});

describe('errorFromResponse: Retry-After', () => {
  it('reads delay-seconds on 429', async () => {
    const error = await errorFor({ status: 429, headers: { 'Retry-After': '7' } });
    expect(error?.details.retryAfterMs).toBe(7_000);
  });

  it('reads an HTTP date on 503, relative to the injected clock', async () => {
    const now = Date.parse('2025-03-01T10:00:00Z');
    const error = await errorFor(
      { status: 503, headers: { 'Retry-After': 'Sat, 01 Mar 2025 10:00:30 GMT' } },
      () => now,
    );
    expect(error?.details.retryAfterMs).toBe(30_000);
  });

  it('ignores Retry-After on other statuses and unreadable values', async () => {
    expect(
      (await errorFor({ status: 500, headers: { 'Retry-After': '5' } }))?.details.retryAfterMs,
    ).toBeUndefined();
    expect(
      (await errorFor({ status: 429, headers: { 'Retry-After': 'soon' } }))?.details.retryAfterMs,
    ).toBeUndefined();
  });

  it('parses the forms RFC 9110 allows and clamps past dates to 0', () => {
    const now = Date.parse('2025-03-01T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Sat, 01 Mar 2025 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('2025', now)).toBe(2_025_000);
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('errorFromResponse: remote messages', () => {
  it('reads Sage 300 OData errors', async () => {
    const body = {
      error: { code: 'RecordNotFound', message: { lang: 'en-US', value: 'A Record cannot be found' } },
    };
    const error = await errorFor({ status: 404, body });
    expect(error?.details.remote).toEqual({
      status: 404,
      code: 'RecordNotFound',
      message: 'A Record cannot be found',
    });
  });

  it('reads 3dcart response arrays', async () => {
    const body = [
      {
        Key: 'Error',
        Value: '',
        Status: '400',
        Message: 'Offset amount exceeds the total number of records',
      },
    ];
    const error = await errorFor({ status: 400, body });
    expect(error?.details.remote).toEqual({
      status: 400,
      code: 'Error',
      message: 'Offset amount exceeds the total number of records',
    });
  });

  it('reads M3 v2 errors at the top level and inside results', async () => {
    const topLevel = await errorFor({
      status: 400,
      body: { errorMessage: 'Customer exists', errorField: 'CUNO' },
    });
    expect(topLevel?.details.remote).toEqual({ status: 400, message: 'Customer exists', field: 'CUNO' });
    const inResults = await errorFor({
      status: 400,
      body: {
        results: [
          {
            transaction: 'AddBatchLine',
            errorMessage: 'Item LAMP-009 does not exist',
            errorCode: 'XIM0002',
            errorField: 'ITNO',
          },
        ],
      },
    });
    expect(inResults?.details.remote).toMatchObject({
      code: 'XIM0002',
      message: 'Item LAMP-009 does not exist',
      field: 'ITNO',
    });
  });

  it('reads M3 v1 errors', async () => {
    const body = {
      Message: 'Designed to fail!   ',
      '@type': 'ServerReturnedNOK',
      '@code': 'CPF9898',
      '@field': 'RETT',
    };
    const error = await errorFor({ status: 500, body });
    expect(error?.details.remote).toEqual({
      status: 500,
      code: 'CPF9898',
      message: 'Designed to fail!',
      field: 'RETT',
    });
  });

  it('reads {error: "..."} and OAuth error descriptions', async () => {
    expect((await errorFor({ status: 403, body: { error: 'Forbidden' } }))?.details.remote?.message).toBe(
      'Forbidden',
    );
    const oauth = await errorFor({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Bad password' },
    });
    expect(oauth?.details.remote).toMatchObject({ code: 'invalid_grant', message: 'Bad password' });
  });

  it('keeps the first 500 characters of a text body, without HTML tags', async () => {
    const long = await errorFor({ status: 502, text: 'x'.repeat(2_000) });
    expect(long?.details.remote?.message).toBe(`${'x'.repeat(500)}…`);
    const html = await errorFor({
      status: 502,
      text: '<html><body><h1>502 Bad Gateway</h1>\n<p>nginx</p></body></html>',
    });
    expect(html?.details.remote?.message).toBe('502 Bad Gateway nginx');
  });
});
