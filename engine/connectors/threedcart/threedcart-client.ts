import type { JsonValue } from '../../contract/flow-document.ts';
import type { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import type { NodeContext } from '../../nodes/node-type.ts';
import type { HttpRequest, HttpResponse } from '../../run/services.ts';
import { connectorRequest } from '../common/connector-http.ts';
import type { RateLimiter } from '../common/rate-limiter.ts';
import { authenticationHeaders, type ThreeDCartCredentials } from './threedcart-credentials.ts';
import {
  isNoRows,
  isOffsetPastEnd,
  threedcartErrorOf,
  threedcartListErrorOf,
  threedcartLookupErrorOf,
} from './threedcart-errors.ts';
import { storeRateLimiter } from './threedcart-rate-limit.ts';
import { bodyRows, type ResultRow, resultRows } from './threedcart-records.ts';

/** Largest `limit` per list (reference/threedcart-api.md §5: Orders 300, Products 200, all others 500). */
export const PAGE_MAXIMUM = { orders: 300, products: 200, other: 500 } as const;

/** 3dcart's own page size when `limit` is not sent (§5). */
export const DEFAULT_PAGE_SIZE = 10;

/** How the client calls 3dcart. */
export interface ThreeDCartClientOptions {
  /** Time limit of one request. Default 30 s. */
  timeoutMs?: number;
  /** Attempts for reads (and writes refused with 429/503). Default 3. */
  maxAttempts?: number;
  /** First retry delay, doubled each time, with jitter. Default 1 s. */
  backoffMs?: number;
}

/** Query values; undefined ones are left out. */
export type ThreeDCartQuery = Record<string, string | number | undefined>;

/** Paging of one list: the resource's maximum and the page size wanted (the maximum by default). */
export interface PageOptions {
  maximum: number;
  pageSize?: number;
}

/** The answer to a POST or PUT. */
export interface WriteResult {
  status: number;
  /** One `{Key, Value, Status, Message}` per item sent (§7); empty in dry-run. */
  rows: ResultRow[];
  /** True when dry-run intercepted the write: nothing reached 3dcart. */
  dryRun: boolean;
  /** The body: 3dcart's rows, or in dry-run the simulated response (marked `dryRun: true`). */
  body: JsonValue | string;
}

type ErrorReader = (
  request: HttpRequest,
  response: HttpResponse,
  now: () => number,
) => BridgeflowError | undefined;

/**
 * A typed client for one store, bound to one node context: every call goes through
 * {@link connectorRequest} (the store's shared rate limiter, safe retries, the run's trace and
 * dry-run), with the authentication headers of §1 and JSON in and out.
 */
export class ThreeDCartClient {
  readonly #context: NodeContext<unknown>;
  readonly #credentials: ThreeDCartCredentials;
  readonly #options: ThreeDCartClientOptions;
  /** Accept and the authentication headers, built on the first request (paging sends many). */
  #headers: Readonly<Record<string, string>> | undefined;
  #limiter: RateLimiter | undefined;

  constructor(
    context: NodeContext<unknown>,
    credentials: ThreeDCartCredentials,
    options: ThreeDCartClientOptions = {},
  ) {
    this.#context = context;
    this.#credentials = credentials;
    this.#options = options;
  }

  /**
   * GET of a record by id or a filtered lookup: its rows, or none when 3dcart answers 404 (§5:
   * "No orders found"). Not paged: for lookups expected to match a handful of records.
   */
  async read(path: string, query: ThreeDCartQuery = {}): Promise<JsonValue[]> {
    const response = await this.#send(
      { method: 'GET', url: this.#url(path), query: cleanQuery(query) },
      threedcartLookupErrorOf,
    );
    if (isNoRows(response)) return [];
    return bodyRows(response.body, path);
  }

  /**
   * Every record of a list, page after page, as they arrive, so a node can stream thousands of
   * orders without asking for the count first. 3dcart pages by record (§5): `offset` is the 1-based
   * index of the first record and advances by the rows received. The list ends with a short or empty
   * page, a 404 (no rows at all) or the 400 "Offset amount exceeds…" (offset past the end).
   */
  async *list(path: string, query: ThreeDCartQuery, paging: PageOptions): AsyncGenerator<JsonValue> {
    const limit = Math.max(1, Math.min(paging.pageSize ?? paging.maximum, paging.maximum));
    let offset = 1;
    for (;;) {
      const pageQuery = cleanQuery({ ...query, limit, offset });
      const response = await this.#send(
        { method: 'GET', url: this.#url(path), query: pageQuery },
        threedcartListErrorOf,
      );
      if (isNoRows(response) || isOffsetPastEnd(response)) return;
      const rows = bodyRows(response.body, path);
      yield* rows;
      if (rows.length < limit) return;
      offset += rows.length;
    }
  }

  /**
   * POST or PUT of a JSON body. Marked as a write, so dry-run records it instead of sending it and
   * it is retried only when 3dcart refused it unprocessed (429, 503). A 206 answer (some rows
   * failed, §7) is returned, not thrown: the caller reads each row's Status.
   */
  async write(
    method: 'POST' | 'PUT',
    path: string,
    body: JsonValue,
    query: ThreeDCartQuery = {},
  ): Promise<WriteResult> {
    const request: HttpRequest = {
      method,
      url: this.#url(path),
      query: cleanQuery(query),
      body,
      write: true,
    };
    const response = await this.#send(request, threedcartErrorOf);
    const dryRun = response.dryRun === true;
    return {
      status: response.status,
      rows: dryRun ? [] : resultRows(response.body),
      dryRun,
      body: response.body,
    };
  }

  #url(path: string): string {
    const segments = path.split('/').map((segment) => encodeURIComponent(segment));
    return `${this.#credentials.apiUrl}/${segments.join('/')}`;
  }

  #send(request: HttpRequest, errorOf: ErrorReader): Promise<HttpResponse> {
    const context = this.#context;
    this.#headers ??= Object.freeze({
      Accept: 'application/json',
      ...authenticationHeaders(this.#credentials),
    });
    // The store's shared limiter, looked up once per client rather than per request.
    this.#limiter ??= storeRateLimiter(this.#credentials.secureUrl, context, {
      burst: this.#credentials.requestBurst,
      perSecond: this.#credentials.requestsPerSecond,
    });
    const headers = this.#headers;
    return connectorRequest(
      context,
      {
        system: '3dcart',
        limiter: this.#limiter,
        maxAttempts: this.#options.maxAttempts ?? 3,
        // SkuVault waits 10 s and more between attempts (§6); a shorter first wait keeps test runs
        // in the designer responsive, and 429s still wait as long as Retry-After says.
        backoffMs: this.#options.backoffMs ?? 1_000,
        timeoutMs: this.#options.timeoutMs ?? 30_000,
        errorOf: (sent, response) => errorOf(sent, response, () => context.now()),
      },
      request.headers === undefined
        ? { ...request, headers, responseType: 'json' }
        : { ...request, headers: { ...headers, ...request.headers }, responseType: 'json' },
    );
  }
}

function cleanQuery(query: ThreeDCartQuery): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) if (value !== undefined) result[name] = String(value);
  return result;
}
