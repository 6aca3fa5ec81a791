import { describe, expect, it } from 'vitest';
import { orderStatusId } from './order-statuses.ts';
import { parentSkus } from './product-lookup.ts';
import {
  authenticationHeaders,
  parseThreeDCartCredentials,
  storeKey,
  THREEDCART_DEFAULT_API_URL,
} from './threedcart-credentials.ts';
import { filterDate, toStoreTime } from './threedcart-dates.ts';

const fields = { secureUrl: 'https://demo.3dcartstores.com', privateKey: 'pk-123456', token: 'tk-123456' };

describe('threedcart credentials', () => {
  it('defaults the API URL to production v2 and trims a trailing slash from a sandbox one', () => {
    expect(parseThreeDCartCredentials(fields).apiUrl).toBe(THREEDCART_DEFAULT_API_URL);
    expect(
      parseThreeDCartCredentials({ ...fields, apiUrl: 'http://127.0.0.1:4000/3dCartWebAPI/v2/' }).apiUrl,
    ).toBe('http://127.0.0.1:4000/3dCartWebAPI/v2');
  });

  it('needs a token or an OAuth access token, and says which field is wrong', () => {
    expect(() => parseThreeDCartCredentials({ ...fields, token: '' })).toThrow(
      'The 3dcart credential is incomplete: token: Either a Token or an OAuth access token is required',
    );
    expect(parseThreeDCartCredentials({ ...fields, token: '', accessToken: 'oauth-1' }).accessToken).toBe(
      'oauth-1',
    );
    expect(() => parseThreeDCartCredentials({ ...fields, apiUrl: 'ftp://x' })).toThrow(/apiUrl/);
  });

  it('sends the §1 headers, Bearer for OAuth', () => {
    const credentials = parseThreeDCartCredentials({ ...fields, accessToken: 'oauth-1' });
    expect(authenticationHeaders(credentials)).toEqual({
      SecureURL: 'https://demo.3dcartstores.com',
      PrivateKey: 'pk-123456',
      Token: 'tk-123456',
      Authorization: 'Bearer oauth-1',
    });
  });

  it('treats spellings of one store URL as one store (one rate limit)', () => {
    expect(storeKey('https://www.Demo.3dcartstores.com/')).toBe('demo.3dcartstores.com');
    expect(storeKey('demo.3dcartstores.com')).toBe('demo.3dcartstores.com');
  });
});

describe('3dcart values', () => {
  it('reads times as store-local yyyy-MM-ddTHH:mm:ss, converting only times with an offset', () => {
    expect(toStoreTime('2025-03-04', 'America/New_York')).toBe('2025-03-04T00:00:00');
    expect(toStoreTime('2025-03-04T14:22:10', 'America/New_York')).toBe('2025-03-04T14:22:10');
    expect(toStoreTime('3/4/2025 2:22:10 PM', 'UTC')).toBe('2025-03-04T14:22:10');
    expect(toStoreTime('2025-03-04T19:22:10Z', 'America/New_York')).toBe('2025-03-04T14:22:10');
    expect(toStoreTime('soon', 'UTC')).toBeUndefined();
    expect(filterDate('2025-03-04T14:22:10', 'dateTime')).toBe('03/04/2025 14:22:10');
    expect(filterDate('2025-03-04T14:22:10', 'date')).toBe('03/04/2025');
  });

  it('reads order statuses by id or name', () => {
    expect(orderStatusId('Shipped', 'status')).toBe(4);
    expect(orderStatusId('on hold', 'status')).toBe(6);
    expect(orderStatusId('13', 'status')).toBe(13);
    expect(() => orderStatusId('Lost', 'status')).toThrow(/not an order status/);
  });

  it('finds the product SKUs a variant SKU may extend', () => {
    expect(parentSkus('AP-1001-RED-M')).toEqual(['AP-1001-RED', 'AP-1001', 'AP']);
    expect(parentSkus('PLAIN')).toEqual([]);
  });
});
