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
      const url = new URL(config.url ?? '', config.baseURL);
      const secure = url.protocol === 'https:';
      const send = secure ? httpsRequest : httpRequest;
      const outgoing = send(
        {
          ...requestTarget(url),
          method: (config.method ?? 'get').toUpperCase(),
          headers: headerRecord(config),
          agent: secure ? httpsAgent : httpAgent,
        },
        (response) => collect(response, config, maxContentLength, finish, fail),
      );
      // Cancellation and the deadline destroy the request themselves: an AbortSignal handed to
      // http.request brings end-of-stream plumbing that cost as much as the rest of this adapter.
      const signal = config.signal instanceof AbortSignal ? config.signal : undefined;
      const onAbort = (): void => {
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
      const settled = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const finish = (response: AxiosResponse): void => {
        settled();
        resolve(response);
      };
      const fail = (error: Error): void => {
        settled();
        reject(error);
      };
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
      outgoing.on('error', fail);
      const data: unknown = config.data;
      if (typeof data === 'string' || Buffer.isBuffer(data)) outgoing.end(data);
      else outgoing.end();
    });
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

function headerRecord(config: InternalAxiosRequestConfig): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.headers.toJSON())) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      headers[name] = String(value);
  }
  return headers;
}
