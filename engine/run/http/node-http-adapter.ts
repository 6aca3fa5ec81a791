import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type AxiosAdapter, AxiosError, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';

/**
 * A lean axios adapter on Node's http/https: one request, the body collected as UTF-8 text, no
 * streams in between. axios' own Node adapter pipes every response through several streams
 * (decompression, redirects, progress) and costs about 0.35 ms a call, more than all of
 * Bridgeflow's own work per call; this one costs what a bare `http.request` does. We keep axios
 * for its request model, defaults and interceptors.
 *
 * What it leaves out, on purpose: redirects (the transport sets maxRedirects 0 and a 3xx is a
 * response), compressed responses (no Accept-Encoding is sent, so servers answer uncompressed),
 * upload/download progress events.
 */
export const nodeHttpAdapter: AxiosAdapter = (config) =>
  new Promise<AxiosResponse>((resolve, reject) => {
    const url = new URL(config.url ?? '', config.baseURL);
    const secure = url.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    const maxBytes = config.maxContentLength ?? -1;
    const outgoing = send(
      url,
      {
        method: (config.method ?? 'get').toUpperCase(),
        headers: headerRecord(config),
        agent: secure ? config.httpsAgent : config.httpAgent,
        signal: config.signal instanceof AbortSignal ? config.signal : undefined,
      },
      (response) => collect(response, config, maxBytes, resolve, reject),
    );
    outgoing.on('error', (error) => reject(error));
    const data: unknown = config.data;
    if (typeof data === 'string' || Buffer.isBuffer(data)) outgoing.end(data);
    else outgoing.end();
  });

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
      data: Buffer.concat(chunks).toString('utf8'),
      status: response.statusCode ?? 0,
      statusText: response.statusMessage ?? '',
      headers: response.headers,
      config,
      request: undefined,
    });
  });
}

function headerRecord(config: InternalAxiosRequestConfig): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.headers.toJSON())) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      headers[name] = String(value);
  }
  return headers;
}
