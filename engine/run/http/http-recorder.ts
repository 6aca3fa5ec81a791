import type { ErrorData } from '../../contract/errors.ts';
import type { HttpExchange } from '../../contract/run-trace.ts';
import { BridgeflowError, toErrorData } from '../../errors/bridgeflow-error.ts';
import type { HttpRequest, HttpResponse, HttpTransport } from '../services.ts';
import {
  describeTarget,
  type OutgoingRequest,
  sendsOutgoing,
  toOutgoingRequest,
} from './outgoing-request.ts';
import { createSecretMasker, type SecretMasker } from './secret-masking.ts';

/**
 * One HTTP call as the trace keeps it (engine/contract/run-trace.ts): plain JSON, secrets masked.
 * The response fields are absent when no response came back (connection refused, timeout,
 * cancelled) and `error` says why; a 4xx/5xx response is a response, not an `error` here.
 */
export type { HttpExchange };

/** How {@link sendRecorded} sends and records. */
export interface RecordOptions {
  /** Intercept writes (see HttpRequest.write); reads are still sent. */
  dryRun: boolean;
  signal: AbortSignal;
  /** Credential values to mask wherever they appear in the exchange. */
  secrets: readonly string[];
  /** Milliseconds since the epoch; the engine's Clock.now. */
  now: () => number;
}

/** A response and the exchange to put in the trace. */
export interface RecordedResponse {
  response: HttpResponse;
  exchange: HttpExchange;
}

/**
 * Thrown by {@link sendRecorded} when no response came back. It is the transport's
 * BridgeflowError (same code, message with secrets masked, retryable, retryAfterMs, remote; the
 * original is the `cause`) plus the exchange, so the caller records failed calls too.
 */
export class HttpExchangeError extends BridgeflowError {
  readonly exchange: HttpExchange;

  constructor(data: ErrorData, exchange: HttpExchange, cause: unknown) {
    const { code, message, ...options } = data;
    super(code, message, { ...options, cause });
    this.name = 'HttpExchangeError';
    this.exchange = exchange;
  }
}

/** The exchange carried by an error thrown from {@link sendRecorded}, if any. */
export function exchangeOf(thrown: unknown): HttpExchange | undefined {
  return thrown instanceof HttpExchangeError ? thrown.exchange : undefined;
}

const DRY_RUN_MESSAGE = 'Write intercepted by dry-run; not sent';

/**
 * Sends `request` through `transport` and records it. In dry-run a write is not sent: the
 * response is a 200 describing the request that would have gone out. Failures throw
 * {@link HttpExchangeError}, whose `exchange` has `error` set.
 */
export async function sendRecorded(
  transport: HttpTransport,
  request: HttpRequest,
  options: RecordOptions,
): Promise<RecordedResponse> {
  const startedMs = options.now();
  const masker = createSecretMasker(options.secrets);
  let outgoing: OutgoingRequest | undefined;
  try {
    outgoing = toOutgoingRequest(request);
    if (options.signal.aborted) {
      throw new BridgeflowError(
        'RUN_CANCELLED',
        `${describeTarget(outgoing.method, outgoing.url)} was cancelled`,
        {
          retryable: false,
        },
      );
    }
    if (options.dryRun && outgoing.write) {
      const response = interceptedResponse(outgoing, masker);
      return { response, exchange: recordExchange(outgoing, masker, startedMs, options.now(), response) };
    }
    const response = sendsOutgoing(transport)
      ? await transport.sendOutgoing(request, outgoing, options.signal)
      : await transport.send(request, options.signal);
    return { response, exchange: recordExchange(outgoing, masker, startedMs, options.now(), response) };
  } catch (thrown) {
    const data = toErrorData(thrown);
    data.message = masker.text(data.message);
    if (data.remote?.message !== undefined)
      data.remote = { ...data.remote, message: masker.text(data.remote.message) };
    const exchange = recordExchange(outgoing ?? unvalidated(request), masker, startedMs, options.now());
    exchange.error = data;
    throw new HttpExchangeError(data, exchange, thrown);
  }
}

/** The fake response of an intercepted write; its request part is masked, as it lands in node output. */
function interceptedResponse(outgoing: OutgoingRequest, masker: SecretMasker): HttpResponse {
  const body = outgoing.body === undefined ? null : masker.body(outgoing.body, outgoing.payload);
  return {
    status: 200,
    headers: {},
    body: {
      dryRun: true,
      message: DRY_RUN_MESSAGE,
      request: { method: outgoing.method, url: masker.url(outgoing.url), body },
    },
    dryRun: true,
  };
}

function recordExchange(
  outgoing: OutgoingRequest,
  masker: SecretMasker,
  startedMs: number,
  endedMs: number,
  response?: HttpResponse,
): HttpExchange {
  const exchange: HttpExchange = {
    method: outgoing.method,
    url: masker.url(outgoing.url),
    requestHeaders: masker.headers(outgoing.headers),
    startedAt: new Date(startedMs).toISOString(),
    durationMs: Math.max(0, endedMs - startedMs),
    dryRun: response?.dryRun === true,
  };
  if (outgoing.body !== undefined) exchange.requestBody = masker.body(outgoing.body, outgoing.payload);
  if (response !== undefined) {
    exchange.status = response.status;
    exchange.responseHeaders = masker.headers(response.headers);
    exchange.responseBody = masker.body(response.body, response.bodyText);
  }
  return exchange;
}

/** The request as given, for recording a request that failed validation (a malformed URL, say). */
function unvalidated(request: HttpRequest): OutgoingRequest {
  const body = request.body;
  const payload = body === undefined || typeof body === 'string' ? body : JSON.stringify(body);
  return {
    method: request.method.toUpperCase(),
    url: request.url,
    headers: { ...request.headers },
    body,
    payload,
    write: true,
  };
}
