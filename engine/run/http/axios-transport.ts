import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { Axios, AxiosError, type AxiosRequestConfig, type AxiosResponse, isAxiosError } from 'axios';
import type { JsonValue } from '../../contract/flow-document.ts';
import type { HttpRequest, HttpResponse } from '../services.ts';
import { createNodeHttpAdapter } from './node-http-adapter.ts';
import { type OutgoingRequest, type OutgoingTransport, toOutgoingRequest } from './outgoing-request.ts';
import { transportError } from './transport-errors.ts';

/** Settings of {@link createAxiosTransport}. */
export interface AxiosTransportOptions {
  /** Whole-request time limit when the request sets none (connect, send and read). Default 30 s. */
  timeoutMs?: number;
  /** Largest response body accepted, in bytes; larger ones fail with CONNECTOR_REMOTE_ERROR. Default 50 MB. */
  maxResponseBytes?: number;
  /** Open sockets per host; ERP web APIs tend to fall over under wide fan-out. Default 16. */
  maxSocketsPerHost?: number;
}

/** An {@link HttpTransport} that owns pooled sockets; `close()` releases them. */
export interface ClosableHttpTransport extends OutgoingTransport {
  /** Destroys pooled keep-alive sockets so the process can exit. */
  close(): void;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;
const DEFAULT_MAX_SOCKETS_PER_HOST = 16;
/** What `axios.create` instances send when the caller names no Accept; kept so the wire is unchanged. */
const DEFAULT_ACCEPT = 'application/json, text/plain, */*';

/**
 * The production transport. Every status is a response (connectors decide what a 404 means);
 * only failures to get a response throw, as BridgeflowError.
 */
export function createAxiosTransport(options: AxiosTransportOptions = {}): ClosableHttpTransport {
  const maxSockets = options.maxSocketsPerHost ?? DEFAULT_MAX_SOCKETS_PER_HOST;
  // Keep-alive saves a TCP (and TLS) handshake per call, which dominates when a flow
  // pushes hundreds of order lines to the same ERP host.
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets });
  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets });
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const client = createClient(httpAgent, httpsAgent, maxResponseBytes);
  const defaultTimeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function sendOutgoing(
    request: HttpRequest,
    outgoing: OutgoingRequest,
    signal: AbortSignal,
  ): Promise<HttpResponse> {
    const timeoutMs = request.timeoutMs ?? defaultTimeoutMs;
    try {
      // The adapter holds the deadline (the whole exchange, not axios' idle timeout) and the
      // caller's signal; both destroy the request.
      const config: AxiosRequestConfig = {
        method: outgoing.method,
        url: outgoing.url,
        parsedUrl: outgoing.parsedUrl,
        headers: { Accept: DEFAULT_ACCEPT, ...outgoing.headers },
        signal,
        timeout: timeoutMs,
      };
      // Only when there is one: every key of the config is merged and checked on every call.
      if (outgoing.payload !== undefined) config.data = outgoing.payload;
      const response = await client.request<unknown>(config);
      return toHttpResponse(response, request.responseType ?? 'json');
    } catch (thrown) {
      throw transportError(thrown, {
        method: outgoing.method,
        url: outgoing.url,
        cancelled: signal.aborted,
        timedOut: isAxiosError(thrown) && thrown.code === AxiosError.ETIMEDOUT,
        timeoutMs,
        maxResponseBytes,
      });
    }
  }

  return {
    async send(request, signal) {
      return sendOutgoing(request, toOutgoingRequest(request), signal);
    },
    sendOutgoing,
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

/**
 * A bare `Axios` whose only default is the adapter, rather than `axios.create`, which copies
 * axios' global defaults (header buckets per method, transitional options, transforms, xsrf and
 * env settings) into the instance: axios merges, validates and copies every config key on every
 * call, which made its core cost about twice what it does now. Left out on purpose: transforms
 * (bodies are encoded in outgoing-request.ts and decoded in toHttpResponse, so `text` really never
 * parses and a string body is never re-encoded as form data), redirects and decompression (see
 * node-http-adapter.ts), and validateStatus (the adapter resolves every status).
 */
function createClient(httpAgent: HttpAgent, httpsAgent: HttpsAgent, maxResponseBytes: number): Axios {
  return new Axios({
    adapter: createNodeHttpAdapter({ httpAgent, httpsAgent, maxContentLength: maxResponseBytes }),
  });
}

function toHttpResponse(response: AxiosResponse<unknown>, responseType: 'json' | 'text'): HttpResponse {
  const headers = lowerCaseHeaders(response.headers);
  const text = typeof response.data === 'string' ? response.data : '';
  const body = responseType === 'json' ? parseJsonBody(text, headers['content-type']) : text;
  return typeof body === 'string'
    ? { status: response.status, headers, body }
    : { status: response.status, headers, body, bodyText: text };
}

/** Header names lower-cased; repeated headers (set-cookie) joined with ", " as fetch does. */
function lowerCaseHeaders(headers: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (Array.isArray(value)) result[name.toLowerCase()] = value.map(String).join(', ');
    else if (typeof value === 'string' || typeof value === 'number')
      result[name.toLowerCase()] = String(value);
  }
  return result;
}

/**
 * Parses JSON when the server says it is JSON, or when it plainly looks like JSON: some
 * APIs (3dcart among them) label JSON as text/html. Anything that does not parse stays text.
 */
function parseJsonBody(text: string, contentType: string | undefined): JsonValue | string {
  const trimmed = text.trim();
  if (trimmed === '') return text;
  const declared = contentType?.toLowerCase().includes('json') ?? false;
  const looksLikeJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  if (!declared && !looksLikeJson) return text;
  try {
    return parseJson(trimmed);
  } catch {
    return text;
  }
}

function parseJson(text: string): JsonValue {
  const value: JsonValue = JSON.parse(text);
  return value;
}
