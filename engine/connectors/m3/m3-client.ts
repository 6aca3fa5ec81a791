import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import type { NodeContext } from '../../nodes/node-type.ts';
import type { HttpRequest, HttpResponse } from '../../run/services.ts';
import { type ConnectorHttpOptions, connectorRequest } from '../common/connector-http.ts';
import type { RateLimiter } from '../common/rate-limiter.ts';
import { type TokenHttpOptions, withIonToken } from './ion-token.ts';
import type { M3Credentials } from './m3-credentials.ts';
import { M3_SYSTEM, m3ErrorOf } from './m3-errors.ts';
import { type M3Reading, type M3Record, readM3Body } from './m3-response.ts';
import { isWriteTransaction } from './m3-write-rule.ts';

export type { M3Record } from './m3-response.ts';

/** `v1`: `MIRecord/NameValue` answers; `v2`: `results/records` (the Infor SDK's default, B1). */
export type M3ApiVersion = 'v1' | 'v2';

/** Settings of an {@link M3Client}. */
export interface M3ClientOptions {
  /** Default `v2`. */
  version?: M3ApiVersion;
  /** Attempts for reads that fail retryably (5xx, timeouts, 429); default 3. */
  maxAttempts?: number;
  backoffMs?: number;
  timeoutMs?: number;
  limiter?: RateLimiter;
}

/** One MI transaction call. */
export interface M3TransactionCall {
  /** MI program, e.g. `CRS610MI`. */
  program: string;
  /** Transaction, e.g. `GetBasicData`. */
  transaction: string;
  /** Input fields (upper-case M3 names); values go as text, empty and undefined ones are left out. */
  input?: Readonly<Record<string, string | number | undefined>>;
  /** `maxrecs`: most records to return, 0 = all (B1); M3's default applies when absent. */
  maxRecords?: number;
  /** `returncols`: only these output fields. */
  returnColumns?: readonly string[];
  /** Overrides the name-based rule of m3-write-rule.ts (decides dry-run interception). */
  write?: boolean;
}

/** What a transaction answered. */
export interface M3TransactionResult {
  program: string;
  transaction: string;
  records: M3Record[];
  /** True when the call was a write intercepted by dry-run: nothing was sent, `records` is empty. */
  dryRun: boolean;
}

const PROGRAM_NAME = /^[A-Z0-9]{3,10}$/;
const TRANSACTION_NAME = /^[A-Za-z][A-Za-z0-9]{1,31}$/;

/**
 * A client for M3 MI transactions (reference/erp-apis.md Part B) over `connectorRequest`: every call
 * is recorded in the node's trace, retried when safe and intercepted in dry-run when it writes.
 */
export class M3Client {
  readonly #context: NodeContext<unknown>;
  readonly #credentials: M3Credentials;
  readonly #options: M3ClientOptions;
  readonly #http: TokenHttpOptions;
  /** The Basic authorization header, built on the first request (paging sends many). */
  #basic: string | undefined;

  constructor(context: NodeContext<unknown>, credentials: M3Credentials, options: M3ClientOptions = {}) {
    this.#context = context;
    this.#credentials = credentials;
    this.#options = options;
    this.#http = httpOptionsOf(options);
  }

  get version(): M3ApiVersion {
    return this.#options.version ?? 'v2';
  }

  /** Runs one transaction; a refusal throws a BridgeflowError whose `remote` has M3's code, field and message. */
  async execute(call: M3TransactionCall): Promise<M3TransactionResult> {
    const target = checkedTarget(call);
    const request = this.#request(call);
    const sent = await this.#send(target, request);
    const result = { program: call.program, transaction: call.transaction };
    if (sent.response.dryRun) return { ...result, records: [], dryRun: true };
    const reading = sent.reading ?? readM3Body(sent.response.body);
    // m3ErrorOf has already turned every other reading into an error.
    if (!('records' in reading)) throw new BridgeflowError('INTERNAL', `${target}: response was not read`);
    return { ...result, records: reading.records, dryRun: false };
  }

  /** Sends with the account's authorisation; the answer comes back with its reading (read once). */
  async #send(
    target: string,
    request: HttpRequest,
  ): Promise<{ response: HttpResponse; reading?: M3Reading }> {
    let last: { body: HttpResponse['body']; reading: M3Reading } | undefined;
    const options: ConnectorHttpOptions = {
      ...this.#http,
      system: M3_SYSTEM,
      errorOf: (sent, response) => {
        last = { body: response.body, reading: readM3Body(response.body) };
        return m3ErrorOf(target, sent, response, () => this.#context.now(), last.reading);
      },
    };
    const send = (authorization: string) =>
      connectorRequest(this.#context, options, {
        ...request,
        headers: { ...request.headers, authorization },
      });
    const credentials = this.#credentials;
    let response: HttpResponse;
    if (credentials.mode === 'basic') {
      this.#basic ??= basicAuthorization(credentials.username, credentials.password);
      response = await send(this.#basic);
    } else {
      response = await withIonToken(this.#context, credentials.ionapi, this.#http, send);
    }
    // The reading of this very response: retries and token renewals each read their own.
    return { response, reading: last?.body === response.body ? last.reading : undefined };
  }

  /**
   * The GET for a call (B1). v1 takes options as `;matrix` parameters after the transaction
   * (`;maxrecs=0;returncols=A,B`, M-ODIN `createUrl`); v2 takes them lower-case in the query
   * string (developer.infor.com). Input fields are upper-case query parameters in both.
   */
  #request(call: M3TransactionCall): HttpRequest {
    const options = this.#callOptions(call);
    const input: Record<string, string> = {};
    for (const [name, value] of Object.entries(call.input ?? {})) {
      if (value === undefined || value === '') continue;
      input[name.toUpperCase()] = String(value);
    }
    const v2 = this.version === 'v2';
    const matrix = v2
      ? ''
      : Object.entries(options)
          .map(([name, value]) => `;${name}=${value}`)
          .join('');
    const path = `${v2 ? '/v2' : ''}/execute/${call.program}/${call.transaction}${matrix}`;
    return {
      method: 'GET',
      url: `${this.#root()}/m3api-rest${path}`,
      query: v2 ? { ...options, ...input } : input,
      headers: { accept: 'application/json' },
      write: call.write ?? isWriteTransaction(call.transaction),
    };
  }

  #callOptions(call: M3TransactionCall): Record<string, string> {
    const options: Record<string, string> = {};
    if (call.maxRecords !== undefined) options.maxrecs = String(Math.max(0, Math.trunc(call.maxRecords)));
    if (call.returnColumns && call.returnColumns.length > 0) {
      options.returncols = call.returnColumns.map((column) => column.trim().toUpperCase()).join(',');
    }
    const { company, division } = this.#credentials;
    if (company !== undefined && company !== '') options.cono = company;
    if (division !== undefined && division !== '') options.divi = division;
    return options;
  }

  /** The grid for Basic; `{iu}/{TENANT}/M3` through the ION API gateway (B1). */
  #root(): string {
    const credentials = this.#credentials;
    if (credentials.mode === 'basic') return credentials.baseUrl;
    const { iu, ti } = credentials.ionapi;
    return `${iu.replace(/\/+$/, '')}/${encodeURIComponent(ti)}/M3`;
  }
}

function httpOptionsOf(options: M3ClientOptions): TokenHttpOptions {
  const { maxAttempts, backoffMs, timeoutMs, limiter } = options;
  return {
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
    ...(backoffMs === undefined ? {} : { backoffMs }),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(limiter === undefined ? {} : { limiter }),
  };
}

function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/** `PROGRAM/Transaction` for messages; INPUT_INVALID when a name cannot be an MI name. */
function checkedTarget(call: M3TransactionCall): string {
  if (!PROGRAM_NAME.test(call.program)) {
    throw new BridgeflowError(
      'INPUT_INVALID',
      `"${call.program}" is not an MI program name (e.g. CRS610MI)`,
      {
        retryable: false,
      },
    );
  }
  if (!TRANSACTION_NAME.test(call.transaction)) {
    throw new BridgeflowError(
      'INPUT_INVALID',
      `"${call.transaction}" is not an MI transaction name (e.g. GetBasicData)`,
      { retryable: false },
    );
  }
  return `${call.program}/${call.transaction}`;
}
