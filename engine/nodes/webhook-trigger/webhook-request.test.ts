import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { parseWebhookRequest, type WebhookRequest } from './webhook-request.ts';
import { webhookTriggerNode } from './webhook-trigger.node.ts';

const json = { 'content-type': 'application/json; charset=utf-8' };
const limits = { maxBytes: 1024 };

function parameters(input: Record<string, unknown> = {}) {
  return webhookTriggerNode.parameters.parse(input);
}

/** The BridgeflowError `run` throws. */
function failure(run: () => unknown): BridgeflowError {
  try {
    run();
  } catch (thrown) {
    if (thrown instanceof BridgeflowError) return thrown;
    throw thrown;
  }
  throw new Error('expected a BridgeflowError');
}

function request(overrides: Partial<WebhookRequest>): WebhookRequest {
  return { headers: json, rawBody: '{}', query: {}, ...overrides };
}

describe('parseWebhookRequest', () => {
  it('returns the parsed JSON body as the run input, from a Buffer with a byte order mark', () => {
    const rawBody = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[{"OrderID":1}]')]);
    expect(parseWebhookRequest(request({ rawBody }), parameters(), limits)).toEqual([[{ OrderID: 1 }]]);
  });

  it('parses form bodies, a repeated field becoming an array', () => {
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const rawBody = 'OrderID=1001&tag=a&tag=b&note=caf%C3%A9+au+lait';
    expect(parseWebhookRequest(request({ headers, rawBody }), parameters(), limits)).toEqual([
      { OrderID: '1001', tag: ['a', 'b'], note: 'café au lait' },
    ]);
  });

  it('gives the query as the body of a request without one', () => {
    expect(
      parseWebhookRequest(request({ headers: {}, rawBody: '', query: { id: '5' } }), parameters(), limits),
    ).toEqual([{ id: '5' }]);
  });

  it('refuses a body over the size limit with INPUT_TOO_LARGE', () => {
    const error = failure(() =>
      parseWebhookRequest(request({ rawBody: 'x'.repeat(1025) }), parameters(), limits),
    );
    expect(error.code).toBe('INPUT_TOO_LARGE');
    expect(error.message).toBe('The webhook body is 1025 bytes; the limit is 1024 bytes');
  });

  it('reports malformed JSON with its line and column', () => {
    const error = failure(() =>
      parseWebhookRequest(request({ rawBody: '{\n  "OrderID": 1,,\n}' }), parameters(), limits),
    );
    expect(error.code).toBe('WEBHOOK_PAYLOAD_INVALID');
    expect(error.message).toMatch(/^The webhook body is not valid JSON \(line 2, column 16\)/);
    const truncated = failure(() =>
      parseWebhookRequest(request({ rawBody: '[{"a":1}' }), parameters(), limits),
    );
    expect(truncated.message).toContain('(line 1, column 9)');
  });

  it('refuses XML with a hint to switch the sender to JSON', () => {
    const headers = { 'content-type': 'application/xml' };
    const error = failure(() =>
      parseWebhookRequest(request({ headers, rawBody: '<Order/>' }), parameters(), limits),
    );
    expect(error).toMatchObject({
      code: 'WEBHOOK_PAYLOAD_INVALID',
      message: expect.stringContaining('XML is not supported'),
    });
  });

  describe('shared secret', () => {
    const inHeader = parameters({ authentication: { type: 'sharedSecret' }, includeRequest: true });

    it('accepts the right secret and keeps its header out of the item', () => {
      const headers = { ...json, 'x-webhook-secret': 'hunter22' };
      const [item] = parseWebhookRequest(request({ headers }), inHeader, { ...limits, secret: 'hunter22' });
      expect(item).toEqual({ body: {}, headers: { 'content-type': json['content-type'] }, query: {} });
    });

    it.each([
      ['a wrong secret', { 'x-webhook-secret': 'hunter2' }, 'does not match'],
      ['a missing header', {}, 'is missing'],
    ])('refuses %s with CONNECTOR_AUTH', (_case, extra, message) => {
      const error = failure(() =>
        parseWebhookRequest(request({ headers: { ...json, ...extra } }), inHeader, {
          ...limits,
          secret: 'hunter22',
        }),
      );
      expect(error).toMatchObject({
        code: 'CONNECTOR_AUTH',
        retryable: false,
        message: expect.stringContaining(message),
      });
    });

    it('fails closed when no secret is configured', () => {
      const headers = { ...json, 'x-webhook-secret': '' };
      expect(failure(() => parseWebhookRequest(request({ headers }), inHeader, limits)).code).toBe(
        'CONNECTOR_AUTH',
      );
    });

    it('reads the secret from the query for senders that cannot set headers (3dcart)', () => {
      const inQuery = parameters({
        authentication: { type: 'sharedSecret', location: 'query', name: 'token' },
      });
      const accepted = parseWebhookRequest(request({ query: { token: 'abc123' } }), inQuery, {
        ...limits,
        secret: 'abc123',
      });
      expect(accepted).toEqual([{}]);
      const error = failure(() =>
        parseWebhookRequest(request({ query: { token: 'abc' } }), inQuery, { ...limits, secret: 'abc123' }),
      );
      expect(error.code).toBe('CONNECTOR_AUTH');
    });
  });

  describe('HMAC-SHA256 signature', () => {
    const body = '{"OrderID":1001}';
    const secret = 'whsec_123';
    const hex = createHmac('sha256', secret).update(body).digest('hex');
    const base64 = createHmac('sha256', secret).update(body).digest('base64');

    it.each([
      ['hex', hex],
      ['hex with a sha256= prefix, upper case', `sha256=${hex.toUpperCase()}`],
      ['base64', base64],
    ])('accepts a valid %s signature', (name, signature) => {
      const encoding = name === 'base64' ? 'base64' : 'hex';
      const hmac = parameters({ authentication: { type: 'hmacSha256', encoding } });
      const headers = { ...json, 'X-Signature-SHA256': signature };
      expect(parseWebhookRequest(request({ headers, rawBody: body }), hmac, { ...limits, secret })).toEqual([
        { OrderID: 1001 },
      ]);
    });

    it('refuses a body changed after signing', () => {
      const hmac = parameters({ authentication: { type: 'hmacSha256' } });
      const headers = { ...json, 'x-signature-sha256': hex };
      const rawBody = '{"OrderID":1002}';
      const error = failure(() =>
        parseWebhookRequest(request({ headers, rawBody }), hmac, { ...limits, secret }),
      );
      expect(error).toMatchObject({
        code: 'CONNECTOR_AUTH',
        message: expect.stringContaining('does not match the body'),
      });
    });
  });
});
