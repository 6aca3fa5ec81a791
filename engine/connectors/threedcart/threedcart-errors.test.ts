import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import type { HttpRequest } from '../../run/services.ts';
import { threedcartErrorOf, threedcartListErrorOf, threedcartLookupErrorOf } from './threedcart-errors.ts';

const request: HttpRequest = {
  method: 'PUT',
  url: 'https://apirest.3dcart.com/3dCartWebAPI/v2/Products?x=1',
};
const now = () => 0;
const answer = (status: number, body: JsonValue | string, headers: Record<string, string> = {}) => ({
  status,
  headers,
  body,
});
const row = (status: number, message: string, key = 'Error') => ({
  Key: key,
  Value: '',
  Status: String(status),
  Message: message,
});

describe('threedcartErrorOf', () => {
  it('reads 3dcart’s [{Key, Value, Status, Message}] body as the remote code and message', () => {
    const error = threedcartErrorOf(
      request,
      answer(400, [row(400, 'Invalid request: Email: Invalid email address')]),
      now,
    );
    expect(error?.toData()).toEqual({
      code: 'CONNECTOR_VALIDATION',
      retryable: false,
      message:
        'PUT https://apirest.3dcart.com/3dCartWebAPI/v2/Products returned 400 Bad Request: Invalid request: Email: Invalid email address',
      remote: { status: 400, code: 'Error', message: 'Invalid request: Email: Invalid email address' },
    });
  });

  it.each([
    [401, 'CONNECTOR_AUTH', false],
    [404, 'CONNECTOR_NOT_FOUND', false],
    [415, 'CONNECTOR_REMOTE_ERROR', false],
    [429, 'CONNECTOR_RATE_LIMITED', true],
    [500, 'CONNECTOR_UNAVAILABLE', true],
    [501, 'CONNECTOR_REMOTE_ERROR', false],
  ])('maps %i to %s (retryable %s)', (status, code, retryable) => {
    expect(threedcartErrorOf(request, answer(status, [row(status, 'x')]), now)).toMatchObject({
      code,
      retryable,
    });
  });

  it('keeps Retry-After of a 429', () => {
    const error = threedcartErrorOf(
      request,
      answer(429, [row(429, 'Too Many Requests')], { 'retry-after': '3' }),
      now,
    );
    expect(error?.details.retryAfterMs).toBe(3_000);
  });

  it('fails a 2xx whose rows are all errors, with the rows’ status', () => {
    const error = threedcartErrorOf(request, answer(200, [row(404, 'Product not found')]), now);
    expect(error).toMatchObject({
      code: 'CONNECTOR_NOT_FOUND',
      retryable: false,
      details: { remote: { status: 200, message: 'Product not found' } },
    });
  });

  it('accepts successes and partial (206) answers, whose rows the caller reads', () => {
    expect(
      threedcartErrorOf(request, answer(200, [row(200, 'updated successfully', 'CatalogID')]), now),
    ).toBeUndefined();
    const partial = [row(200, 'updated successfully', 'CatalogID'), row(400, 'bad')];
    expect(threedcartErrorOf(request, answer(206, partial), now)).toBeUndefined();
    expect(threedcartErrorOf(request, answer(200, []), now)).toBeUndefined();
  });

  it('reads a 200 that is not JSON as a retryable remote error', () => {
    expect(threedcartErrorOf(request, answer(200, '{"truncated": [1, 2'), now)).toMatchObject({
      code: 'CONNECTOR_REMOTE_ERROR',
      retryable: true,
    });
  });
});

describe('list and lookup readings', () => {
  const offsetPastEnd = answer(400, [row(400, 'Offset amount exceeds the total number of records')]);

  it('takes 404 and the offset message as the end of a list, not as errors', () => {
    expect(threedcartListErrorOf(request, answer(404, [row(404, 'No orders found')]), now)).toBeUndefined();
    expect(threedcartListErrorOf(request, offsetPastEnd, now)).toBeUndefined();
    expect(threedcartListErrorOf(request, answer(400, [row(400, 'The value is not valid')]), now)?.code).toBe(
      'CONNECTOR_VALIDATION',
    );
  });

  it('takes 404 as "no such record" for lookups, but the offset message stays an error there', () => {
    expect(threedcartLookupErrorOf(request, answer(404, ''), now)).toBeUndefined();
    expect(threedcartLookupErrorOf(request, offsetPastEnd, now)?.code).toBe('CONNECTOR_VALIDATION');
  });
});
