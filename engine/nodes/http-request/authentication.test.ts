import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sendJson } from '../../run/http/test-server.ts';
import { createHttpTestBench, httpNode, httpTrace } from './http-request-test-bench.ts';

const { serve, run, closeServer, close } = createHttpTestBench();

afterAll(close);
afterEach(closeServer);

describe('core.httpRequest: authentication', () => {
  it('sends Basic credentials to the server while the trace records "Basic ***"', async () => {
    const { origin, requests } = await serve((_request, response) => sendJson(response, 200, { ok: true }));
    const node = httpNode(
      { url: `${origin}/customers`, authentication: 'basic' },
      { credentials: { httpAuth: 'sage-login' } },
    );
    const secrets = { 'sage-login': { username: 'ADMIN', password: 'pa55-word' } };
    const trace = await run(node, {}, { secrets });
    const encoded = Buffer.from('ADMIN:pa55-word').toString('base64');
    expect(requests[0]?.headers.authorization).toBe(`Basic ${encoded}`);
    expect(httpTrace(trace)?.http[0]?.requestHeaders.Authorization).toBe('Basic ***');
    const recorded = JSON.stringify(trace);
    expect(recorded).not.toContain('pa55-word');
    expect(recorded).not.toContain(encoded);
  });

  it('sends a custom credential header, masked in the trace, over a header typed in the list', async () => {
    const { origin, requests } = await serve((_request, response) => sendJson(response, 200, {}));
    const node = httpNode(
      {
        url: `${origin}/stock`,
        authentication: 'header',
        headers: [{ name: 'x-store-key', value: 'typed-by-hand' }],
      },
      { credentials: { httpAuth: 'store-key' } },
    );
    const secrets = { 'store-key': { name: 'X-Store-Key', value: 'sk-live-4242' } };
    const trace = await run(node, {}, { secrets });
    expect(requests[0]?.headers['x-store-key']).toBe('sk-live-4242');
    expect(httpTrace(trace)?.http[0]?.requestHeaders).toEqual({ 'X-Store-Key': '***' });
  });

  it('fails with CONNECTOR_AUTH when authentication is on but no credential is wired', async () => {
    const trace = await run(httpNode({ url: 'http://127.0.0.1:9/x', authentication: 'bearer' }), {});
    expect(trace.error).toMatchObject({ code: 'CONNECTOR_AUTH' });
    expect(httpTrace(trace)?.http).toEqual([]);
  });
});
