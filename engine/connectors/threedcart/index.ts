// The 3dcart / Shift4Shop connector (reference/threedcart-api.md): credentials, a typed client over
// connectorRequest, paging, error reading, SKU lookup and the connection test.

export { type ConnectionTestOptions, type ThreeDCartConnection, testConnection } from './connection-test.ts';
export { orderStatusId, SHIPPED_STATUS_ID } from './order-statuses.ts';
export { findProductBySku, resolveSkus, type SkuLookup, type SkuTarget } from './product-lookup.ts';
export {
  DEFAULT_PAGE_SIZE,
  PAGE_MAXIMUM,
  type PageOptions,
  ThreeDCartClient,
  type ThreeDCartClientOptions,
  type ThreeDCartQuery,
  type WriteResult,
} from './threedcart-client.ts';
export {
  authenticationHeaders,
  parseThreeDCartCredentials,
  storeKey,
  THREEDCART_CREDENTIAL_TYPE,
  THREEDCART_DEFAULT_API_URL,
  type ThreeDCartCredentials,
  ThreeDCartCredentialsSchema,
} from './threedcart-credentials.ts';
export { filterDate, requireStoreTime, toStoreTime } from './threedcart-dates.ts';
export { OFFSET_PAST_END_MESSAGE, threedcartErrorOf } from './threedcart-errors.ts';
export { storeRateLimiter, THREEDCART_RATE_LIMIT } from './threedcart-rate-limit.ts';
export type { JsonObject, ResultRow } from './threedcart-records.ts';
