import type { JsonValue } from '../../contract/flow-document.ts';
import type { NodeContext } from '../../nodes/node-type.ts';
import type { HttpRequest, HttpResponse } from '../../run/services.ts';
import { type ConnectorHttpOptions, connectorRequest } from '../common/connector-http.ts';
import { basicAuthorization, companyUrl, type Sage300Credentials } from './sage300-credentials.ts';
import { isRecordNotFound, sage300ErrorOf, unexpectedShape } from './sage300-errors.ts';
import { type ODataFilter, type ODataQuery, queryString } from './sage300-odata.ts';
import { keyText, type Sage300Key, type Sage300Resource } from './sage300-resources.ts';

/** One Sage 300 record (an entry) as JSON. */
export type Sage300Record = { [key: string]: JsonValue };

/** Tuning of a {@link Sage300Client}; the defaults suit a Web API with its default settings. */
export interface Sage300ClientOptions {
  /** Per-request time limit. Default 30 s. */
  timeoutMs?: number;
  /** Attempts for reads (and refused writes), see connectorRequest. Default 3. */
  maxAttempts?: number;
  backoffMs?: number;
  /**
   * Rows asked for per GET. Sage caps a GET at its `PageSize`, 100 unless changed in Web.config
   * (A3, S-DEV §4.1), and a page shorter than asked for ends the paging, so this must not exceed
   * the server's PageSize. Default 100.
   */
  pageSize?: number;
}

/** What a collection read asks for. */
export interface Sage300Query {
  filter?: ODataFilter;
  /** Properties to return (`$select`); all when empty. */
  select?: readonly string[];
  /** Most records to return over all pages; all when absent. */
  limit?: number;
}

/** A write's outcome: Sage's answer, or the dry-run description of the request that was not sent. */
export type Sage300WriteResult =
  | { dryRun: false; status: number; record: Sage300Record | undefined }
  | { dryRun: true; simulated: JsonValue };

const DEFAULT_PAGE_SIZE = 100;

/**
 * A typed client over the Sage 300 Web API (erp-apis.md part A) for one node's context: every call
 * goes through connectorRequest (trace, masking, dry-run, retries of safe calls), with Basic auth
 * and `Content-Type: application/json` on every request, GETs included (A2: without it Sage answers
 * 500). Sage documents no rate limit, so there is no limiter.
 */
export class Sage300Client {
  readonly #context: NodeContext<unknown>;
  readonly #credentials: Sage300Credentials;
  readonly #http: ConnectorHttpOptions;
  readonly #pageSize: number;
  /** Authorization, Content-Type and Accept, built on the first request (paging sends many). */
  #headers: Readonly<Record<string, string>> | undefined;

  constructor(
    context: NodeContext<unknown>,
    credentials: Sage300Credentials,
    options: Sage300ClientOptions = {},
  ) {
    this.#context = context;
    this.#credentials = credentials;
    this.#pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    this.#http = {
      system: 'Sage 300',
      maxAttempts: options.maxAttempts ?? 3,
      backoffMs: options.backoffMs ?? 250,
      timeoutMs: options.timeoutMs ?? 30_000,
      errorOf: (request, response) => sage300ErrorOf(request, response, () => context.now()),
    };
  }

  /** `{baseUrl}/v1.0/-/{company}/{module}/{resource}[({key})]` (A1, A3). */
  url(resource: Sage300Resource, key?: Sage300Key): string {
    const entry = key === undefined ? '' : `(${keyText(key)})`;
    return `${companyUrl(this.#credentials)}/${resource.module}/${resource.name}${entry}`;
  }

  /** One entry by key, or undefined when Sage answers RecordNotFound (A5). */
  async get(
    resource: Sage300Resource,
    key: Sage300Key,
    select?: readonly string[],
  ): Promise<Sage300Record | undefined> {
    const query = queryString({ select });
    const url = this.url(resource, key) + (query === '' ? '' : `?${query}`);
    try {
      const { request, response } = await this.#send({ method: 'GET', url });
      return recordOf(request, response);
    } catch (thrown) {
      if (isRecordNotFound(thrown)) return undefined;
      throw thrown;
    }
  }

  /** One page of a collection: `$filter`, `$select`, `$top`, `$skip` (A3). */
  async page(
    resource: Sage300Resource,
    query: ODataQuery,
  ): Promise<{ rows: Sage300Record[]; more: boolean }> {
    const text = queryString(query);
    const { request, response } = await this.#send({
      method: 'GET',
      url: `${this.url(resource)}${text === '' ? '' : `?${text}`}`,
    });
    return feedOf(request, response);
  }

  /**
   * Every record a query matches, page by page (`$top`/`$skip`, client-driven as S-DEV §4.1
   * documents), so thousands of records stream without holding them all. Sage documents no
   * `$orderby`, so records changed while paging may move between pages.
   */
  async *records(resource: Sage300Resource, query: Sage300Query = {}): AsyncGenerator<Sage300Record> {
    let remaining = query.limit ?? Number.POSITIVE_INFINITY;
    let skip = 0;
    while (remaining > 0) {
      const top = Math.min(this.#pageSize, remaining);
      const { rows, more } = await this.page(resource, {
        filter: query.filter,
        select: query.select,
        top,
        skip,
      });
      for (const row of rows.slice(0, top)) yield row;
      remaining -= rows.length;
      skip += rows.length;
      // A short page is the last one, unless the server announced more (@odata.nextLink).
      if (rows.length === 0 || (rows.length < top && !more)) return;
    }
  }

  /** The first `limit` records a query matches, as an array. */
  async list(resource: Sage300Resource, query: Sage300Query = {}): Promise<Sage300Record[]> {
    const rows: Sage300Record[] = [];
    for await (const row of this.records(resource, query)) rows.push(row);
    return rows;
  }

  /** POST a new record; Sage answers with the inserted entry and its generated keys (A4, S-DEV §7). */
  async create(resource: Sage300Resource, body: Sage300Record): Promise<Sage300WriteResult> {
    return this.#write({ method: 'POST', url: this.url(resource), body });
  }

  /** PATCH part of a record; Sage answers 204 with no body (A4, S-DEV §9). */
  async update(resource: Sage300Resource, key: Sage300Key, body: Sage300Record): Promise<Sage300WriteResult> {
    return this.#write({ method: 'PATCH', url: this.url(resource, key), body });
  }

  async #write(request: HttpRequest): Promise<Sage300WriteResult> {
    const sent = await this.#send(request);
    if (sent.response.dryRun) return { dryRun: true, simulated: sent.response.body };
    const hasBody = !(typeof sent.response.body === 'string' && sent.response.body.trim() === '');
    return {
      dryRun: false,
      status: sent.response.status,
      record: hasBody ? recordOf(sent.request, sent.response) : undefined,
    };
  }

  async #send(request: HttpRequest): Promise<{ request: HttpRequest; response: HttpResponse }> {
    this.#headers ??= Object.freeze({
      Authorization: basicAuthorization(this.#credentials),
      // Required on every request, reads included (A2, S-DEV §2.2).
      'Content-Type': 'application/json',
      Accept: 'application/json',
    });
    // Shared by the client's requests: the recorder and transport copy headers, never change them.
    const full: HttpRequest = { ...request, headers: this.#headers, responseType: 'json' };
    const response = await connectorRequest(this.#context, this.#http, full);
    return { request: full, response };
  }
}

function isRecord(value: JsonValue | undefined): value is Sage300Record {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function recordOf(request: HttpRequest, response: HttpResponse): Sage300Record {
  if (!isRecord(response.body)) throw unexpectedShape(request, response.status, 'a JSON entry');
  return response.body;
}

/**
 * A feed: `{"odata.context", "odata.count", "value": [...]}` as S-DEV §4.2 prints it, or the OData v4
 * `@odata.*` spelling [U]; either may carry a next link, which only tells that rows remain.
 */
function feedOf(request: HttpRequest, response: HttpResponse): { rows: Sage300Record[]; more: boolean } {
  const body = response.body;
  if (!isRecord(body)) throw unexpectedShape(request, response.status, 'an OData feed');
  const value = body.value;
  if (!Array.isArray(value)) throw unexpectedShape(request, response.status, 'an OData feed with "value"');
  const rows = value.filter(isRecord);
  if (rows.length !== value.length) throw unexpectedShape(request, response.status, 'a feed of entries');
  const next = body['@odata.nextLink'] ?? body['odata.nextLink'];
  return { rows, more: typeof next === 'string' && next !== '' };
}
