import { describe, expect, it } from 'vitest';
import { toOutgoingRequest } from './outgoing-request.ts';

describe('toOutgoingRequest', () => {
  it('applies the query and hands the transport the URL it records, parsed', () => {
    const cases = [
      ['http://erp.test/orders', { a: '1', note: 'x y&z' }, 'http://erp.test/orders?a=1&note=x+y%26z'],
      ['http://erp.test/orders#top', { a: '1' }, 'http://erp.test/orders?a=1#top'],
      ['http://erp.test/orders?', { a: '1' }, 'http://erp.test/orders?a=1'],
      ['http://erp.test/orders?kept=%20', { a: '1' }, 'http://erp.test/orders?kept=%20&a=1'],
      ['HTTP://Erp.Test:80/a/../b', undefined, 'http://erp.test/b'],
      ['http://erp.test/orders', {}, 'http://erp.test/orders'],
    ] as const;
    for (const [url, query, expected] of cases) {
      const outgoing = toOutgoingRequest({ method: 'get', url, query });
      expect(outgoing.url).toBe(expected);
      expect(outgoing.parsedUrl?.href).toBe(expected);
    }
  });

  it('refuses a URL that is not absolute http(s), naming it without its query', () => {
    expect(() => toOutgoingRequest({ method: 'GET', url: 'ftp://files.test/x?token=s' })).toThrow(
      '"ftp://files.test/x" is not an absolute http(s) URL',
    );
  });
});
