import { DateTime } from 'luxon';
import { DEFAULT_WEBHOOK_EVENT_TYPES, type WebhookEventName } from './webhook-model.ts';

/** How the 3dcart simulator behaves; every field is optional. */
export interface ThreeDCartSimulatorOptions {
  /** Seed of the generated store (products, customers, orders). Default 1. */
  seed?: number;
  /** The store's SecureURL; clients may send it with or without the scheme. */
  storeUrl?: string;
  /** The application's private key (header `PrivateKey`, OAuth client_secret). */
  privateKey?: string;
  /** The merchant's token (header `Token`). */
  token?: string;
  /** The application's public key (OAuth client_id). */
  publicKey?: string;
  /** The bearer token `POST /oauth/token` hands out and the API accepts instead of `Token`. */
  accessToken?: string;
  /** Leaky bucket (§6: 50 burst, 2/s); `false` turns it off, e.g. for load tests. */
  rateLimit?: { burst: number; perSecond: number } | false;
  /** IANA zone of the store; datetimes are store-local without offset (§8). Default America/New_York. */
  timezone?: string;
  /** Outgoing webhook retries: attempts in all, first back-off (doubling), per-attempt timeout. */
  webhookRetry?: { attempts?: number; backoffMs?: number; timeoutMs?: number };
  /** Milliseconds since the epoch; inject one so rate-limit and timestamp tests need not wait. */
  clock?: () => number;
  /** UNVERIFIED (§13.2): a `limit` above the resource maximum is clamped (default) or refused with 400. */
  limitAboveMaximum?: 'clamp' | 'error';
  /** UNVERIFIED (§4): the "Review" order status is 13 (ShipWorks, default) or 12 (SkuVault). */
  reviewStatusId?: 12 | 13;
  /** UNVERIFIED (§9): webhook body is `[record]` (default, like GET by id) or the bare record. */
  webhookPayload?: 'array' | 'object';
  /** UNVERIFIED (§9): numeric EventType of each event. */
  webhookEventTypes?: Partial<Record<WebhookEventName, number>>;
  /** UNVERIFIED (§13.11): `POST /Orders` takes stock unless `bypassorderprocessing` (default true). */
  decrementStockOnOrder?: boolean;
  /** Most webhook deliveries kept in the log (oldest finished ones are dropped). Default 1000. */
  deliveryLogLimit?: number;
}

/** The options with every default filled in. */
export interface ThreeDCartSettings {
  readonly seed: number;
  readonly storeUrl: string;
  readonly privateKey: string;
  readonly token: string;
  readonly publicKey: string;
  readonly accessToken: string;
  readonly rateLimit: { burst: number; perSecond: number } | false;
  readonly timezone: string;
  readonly webhookRetry: { attempts: number; backoffMs: number; timeoutMs: number };
  readonly clock: () => number;
  readonly limitAboveMaximum: 'clamp' | 'error';
  readonly reviewStatusId: 12 | 13;
  readonly webhookPayload: 'array' | 'object';
  readonly webhookEventTypes: Readonly<Record<WebhookEventName, number>>;
  readonly decrementStockOnOrder: boolean;
  readonly deliveryLogLimit: number;
}

/** What a client needs to call the simulator. */
export interface ThreeDCartCredentials {
  secureUrl: string;
  privateKey: string;
  token: string;
  publicKey: string;
  accessToken: string;
}

export const DEFAULT_CREDENTIALS: ThreeDCartCredentials = {
  secureUrl: 'https://bridgeflow-sandbox.3dcartstores.com',
  privateKey: 'sandbox-private-key-7f3a9c2e5b814d06',
  token: 'sandbox-token-4e1b8d7c2a9f6035',
  publicKey: 'sandbox-public-key-91c4e2a7',
  accessToken: 'sandbox-oauth-access-token-5d2f8b3e',
};

export function resolveSettings(options: ThreeDCartSimulatorOptions): ThreeDCartSettings {
  const timezone = options.timezone ?? 'America/New_York';
  if (!DateTime.now().setZone(timezone).isValid) throw new Error(`Unknown time zone: ${timezone}`);
  return {
    seed: options.seed ?? 1,
    storeUrl: options.storeUrl ?? DEFAULT_CREDENTIALS.secureUrl,
    privateKey: options.privateKey ?? DEFAULT_CREDENTIALS.privateKey,
    token: options.token ?? DEFAULT_CREDENTIALS.token,
    publicKey: options.publicKey ?? DEFAULT_CREDENTIALS.publicKey,
    accessToken: options.accessToken ?? DEFAULT_CREDENTIALS.accessToken,
    rateLimit: options.rateLimit ?? { burst: 50, perSecond: 2 },
    timezone,
    webhookRetry: {
      attempts: options.webhookRetry?.attempts ?? 5,
      backoffMs: options.webhookRetry?.backoffMs ?? 1_000,
      timeoutMs: options.webhookRetry?.timeoutMs ?? 10_000,
    },
    clock: options.clock ?? Date.now,
    limitAboveMaximum: options.limitAboveMaximum ?? 'clamp',
    reviewStatusId: options.reviewStatusId ?? 13,
    webhookPayload: options.webhookPayload ?? 'array',
    webhookEventTypes: { ...DEFAULT_WEBHOOK_EVENT_TYPES, ...options.webhookEventTypes },
    decrementStockOnOrder: options.decrementStockOnOrder ?? true,
    deliveryLogLimit: options.deliveryLogLimit ?? 1_000,
  };
}

/** SecureURL as compared: no scheme, no `www.`, no trailing slash, lower case (SkuVault sends it so, §1). */
export function normalizeStoreUrl(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}
