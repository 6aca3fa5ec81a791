import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import type { HttpRequest, HttpResponse, HttpTransport } from '../services.ts';

/** Methods that never change the remote system unless a connector says otherwise. */
const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A request exactly as it goes on the wire: upper-case method, query merged into the URL,
 * content-type added for JSON bodies. The transport sends this and the recorder records it, so
 * what a trace shows is what was (or, in dry-run, would have been) sent.
 */
export interface OutgoingRequest {
  method: string;
  /** Absolute URL with `request.query` applied. */
  url: string;
  /** `url` parsed, for the transport (absent only where a request failed validation). */
  parsedUrl?: URL;
  headers: Record<string, string>;
  /** The body as the caller gave it (JSON stays structured for the trace). */
  body: JsonValue | string | undefined;
  /** The body as bytes on the wire: JSON text for JSON values, strings unchanged. */
  payload: string | undefined;
  write: boolean;
}

/**
 * A transport that also sends an {@link OutgoingRequest} the recorder has already built, so the URL
 * is parsed and the body serialised once per call rather than once for the trace and once more for
 * the wire.
 */
export interface OutgoingTransport extends HttpTransport {
  sendOutgoing(request: HttpRequest, outgoing: OutgoingRequest, signal: AbortSignal): Promise<HttpResponse>;
}

/** Whether `transport` can send a prepared {@link OutgoingRequest}. */
export function sendsOutgoing(transport: HttpTransport): transport is OutgoingTransport {
  return 'sendOutgoing' in transport && typeof transport.sendOutgoing === 'function';
}

/** Builds the {@link OutgoingRequest}; INPUT_INVALID when the URL is not absolute http(s). */
export function toOutgoingRequest(request: HttpRequest): OutgoingRequest {
  const method = request.method.toUpperCase();
  const parsedUrl = withQuery(request.url, request.query);
  const url = parsedUrl.href;
  const headers = { ...request.headers };
  const body = request.body;
  let payload: string | undefined;
  if (typeof body === 'string') {
    payload = body;
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    if (!hasHeader(headers, 'content-type')) headers['content-type'] = 'application/json';
  }
  const write = request.write ?? !READ_METHODS.has(method);
  return { method, url, parsedUrl, headers, body, payload, write };
}

/** `GET http://host/path`: used in error messages. The query is left out because credentials
 * sometimes travel in it and messages end up in logs; the recorded exchange has the full URL. */
export function describeTarget(method: string, url: string): string {
  return `${method.toUpperCase()} ${withoutQuery(url)}`;
}

/** The URL without query string, fragment or user-info. */
export function withoutQuery(url: string): string {
  const parsed = URL.parse(url);
  if (parsed === null) return url.split('?')[0] ?? url;
  return `${parsed.origin}${parsed.pathname}`;
}

/** Whether `headers` has `name`, compared case-insensitively as HTTP does. */
export function hasHeader(headers: Record<string, string>, name: string): boolean {
  const wanted = name.toLowerCase();
  return Object.keys(headers).some((key) => key.toLowerCase() === wanted);
}

function withQuery(url: string, query: Record<string, string> | undefined): URL {
  const parsed = URL.parse(url);
  if (parsed === null || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new BridgeflowError('INPUT_INVALID', `"${withoutQuery(url)}" is not an absolute http(s) URL`, {
      retryable: false,
    });
  }
  if (query === undefined) return parsed;
  const text = new URLSearchParams(query).toString();
  if (text === '') return parsed;
  // Added to what the URL already has, which is kept exactly as written (searchParams.append would
  // re-encode all of it as a form, turning an OData filter's %20 into +); one update of the URL.
  const written = parsed.search.slice(1);
  parsed.search = written === '' ? text : `${written}&${text}`;
  return parsed;
}
