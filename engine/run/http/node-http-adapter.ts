import {
  type Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
  type RequestOptions,
} from 'node:http';
import { type Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import {
  type AxiosAdapter,
  AxiosError,
  AxiosHeaders,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';

declare module 'axios' {
  interface AxiosRequestConfig {
    /**
     * `url` already parsed (outgoing-request.ts parses every URL to check it), so the adapter
     * does not parse it again; without it the adapter parses `url` against `baseURL`.
     */
    parsedUrl?: URL;
  }
}

/** What the adapter needs besides the request: the transport's socket pools and size limit. */
export interface NodeHttpAdapterSettings {
  httpAgent: HttpAgent;
  httpsAgent: HttpsAgent;
  /** Largest response body accepted, in bytes. */
  maxContentLength: number;
}

/**
 * A lean axios adapter on Node's http/https: one request, the body collected as UTF-8 text, no
 * streams in between. axios' own Node adapter pipes every response through several streams
 * (decompression, redirects, progress) and costs about 0.35 ms a call, more than all of
 * Bridgeflow's own work per call; this one costs what a bare `http.request` does. We keep axios
 * for its request model, header handling and interceptors.
 *
 * The agents and the size limit are bound here rather than passed in axios' config: axios copies,
 * merges and checks every config key on every call, so each key left out of it is work saved.
 *
 * `parsedUrl`, when given, is where it sends (see the declaration above); otherwise `url`.
 *
 * `timeout` is a deadline for the whole exchange (connect, send, every byte of the answer), not
 * axios' socket idle timeout, under which a server that trickles bytes never times out; it fails
 * with ETIMEDOUT. An aborted `signal` fails with ERR_CANCELED.
 *
 * What it leaves out, on purpose: redirects (a 3xx is a response: the ERP and store APIs answer in
 * place, and a redirect usually means a wrong base URL), compressed responses (no Accept-Encoding
 * is sent, so servers answer uncompressed), upload/download progress events.
 */
export function createNodeHttpAdapter(settings: NodeHttpAdapterSettings): AxiosAdapter {
  const { httpAgent, httpsAgent, maxContentLength } = settings;
  return (config) =>
    new Promise<AxiosResponse>((resolve, reject) => {
      const url = config.parsedUrl ?? new URL(config.url ?? '', config.baseURL);
      const secure = url.protocol === 'https:';
      const send = secure ? httpsRequest : httpRequest;
      const outgoing = send(
        {
          ...requestTarget(url),
          method: (config.method ?? 'get').toUpperCase(),
          headers: headerRecord(config.headers),
          agent: secure ? httpsAgent : httpAgent,
        },
        (response) => collect(response, config, maxContentLength, finish, fail),
      );
      // Cancellation and the deadline destroy the request themselves: an AbortSignal handed to
      // http.request brings end-of-stream plumbing that cost as much as the rest of this adapter.
      const signal = config.signal instanceof AbortSignal ? config.signal : undefined;
      const cancel = (): void => {
        outgoing.destroy(new AxiosError('canceled', AxiosError.ERR_CANCELED, config));
      };
      const timeoutMs = config.timeout ?? 0;
      const timer =
        timeoutMs > 0
          ? setTimeout(() => {
              outgoing.destroy(
                new AxiosError(`timeout of ${timeoutMs}ms exceeded`, AxiosError.ETIMEDOUT, config),
              );
            }, timeoutMs)
          : undefined;
      const forget = signal === undefined ? undefined : onAbort(signal, cancel);
      const settled = (): void => {
        clearTimeout(timer);
        forget?.();
      };
      const finish = (response: AxiosResponse): void => {
        settled();
        resolve(response);
      };
      const fail = (error: Error): void => {
        settled();
        reject(error);
      };
      outgoing.on('error', fail);
      const data: unknown = config.data;
      if (typeof data === 'string' || Buffer.isBuffer(data)) outgoing.end(data);
      else outgoing.end();
    });
}

/** The requests in flight under each caller signal, each by its cancel function. */
const inFlight = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Calls `cancel` when `signal` aborts (at once if it has); returns the function that forgets it.
 * One listener per signal, however many calls it covers: a node run's calls share its signal, and
 * adding and removing an EventTarget listener per call cost more than the rest of this adapter.
 */
function onAbort(signal: AbortSignal, cancel: () => void): () => void {
  if (signal.aborted) {
    cancel();
    return () => {};
  }
  let cancels = inFlight.get(signal);
  if (cancels === undefined) {
    const pending = new Set<() => void>();
    signal.addEventListener(
      'abort',
      () => {
        for (const cancelOne of pending) cancelOne();
        pending.clear();
      },
      { once: true },
    );
    inFlight.set(signal, pending);
    cancels = pending;
  }
  const registered = cancels;
  registered.add(cancel);
  return () => {
    registered.delete(cancel);
  };
}

function collect(
  response: IncomingMessage,
  config: InternalAxiosRequestConfig,
  maxBytes: number,
  resolve: (response: AxiosResponse) => void,
  reject: (error: Error) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  response.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (maxBytes > -1 && size > maxBytes) {
      // Same wording as axios' adapter: transport-errors.ts recognises the size limit by it.
      reject(
        new AxiosError(`maxContentLength size of ${maxBytes} exceeded`, AxiosError.ERR_BAD_RESPONSE, config),
      );
      response.destroy();
      return;
    }
    chunks.push(chunk);
  });
  response.on('error', (error) => reject(error));
  response.on('end', () => {
    resolve({
      data:
        chunks.length === 1 ? (chunks[0]?.toString('utf8') ?? '') : Buffer.concat(chunks).toString('utf8'),
      status: response.statusCode ?? 0,
      statusText: response.statusMessage ?? '',
      // Already an AxiosHeaders, so axios adopts it instead of building one from the raw headers
      // twice per response (once to transform, once for the result). Node's parser has already
      // lower-cased the names and refused malformed values; axios still normalises them.
      headers: Object.assign(new AxiosHeaders(), response.headers),
      config,
      request: undefined,
    });
  });
}

/**
 * Where to send, as http.request options: what Node's own `urlToHttpOptions` makes of a URL, built
 * here because handing http.request a URL object plus options merges the two on every call.
 */
function requestTarget(url: URL): RequestOptions {
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const target: RequestOptions = { protocol: url.protocol, hostname, path: `${url.pathname}${url.search}` };
  if (url.port !== '') target.port = Number(url.port);
  if (url.username !== '' || url.password !== '')
    target.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return target;
}

/** The headers for http.request: what axios' `toJSON` gives, without its intermediate object. */
function headerRecord(headers: AxiosHeaders): Record<string, string> {
  const record: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    const value: unknown = headers[name];
    // axios marks a header removed with false or null; arrays are repeated values.
    if (typeof value === 'string') record[name] = value;
    else if (typeof value === 'number' || value === true) record[name] = String(value);
    else if (Array.isArray(value)) record[name] = value.join(', ');
  }
  return record;
}
