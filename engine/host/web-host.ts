import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FLOW_API_HTTP_PREFIX } from '../contract/flow-api.ts';
import { CONTENT_TYPES } from './content-types.ts';
import type { FlowHost } from './flow-host.ts';

/** Where `npm run build:renderer` writes the designer. */
export const BUILT_RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/** The designer's Content-Security-Policy: everything from this origin, no inline scripts, no remote code. */
export const DESIGNER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Monaco and React Flow set element styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MAX_REQUEST_BYTES = 32 * 1024 * 1024;

/** Options of {@link startWebHost}. */
export interface WebHostOptions {
  host: FlowHost;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Built renderer folder; defaults to {@link BUILT_RENDERER_DIR}. */
  staticDir?: string;
}

/** A running web host. */
export interface WebHost {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the built designer and the FlowApi (`POST /api/<method>`, JSON in, Result out) on
 * 127.0.0.1 only. Requests must name this host in `Host` (no DNS rebinding) and, when a browser
 * sends `Origin`, come from the designer's own origin (no cross-site calls from other pages).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const staticDir = options.staticDir ?? BUILT_RENDERER_DIR;
  let origin = '';
  const server = createServer((request, response) => {
    handle(request, response, options.host, staticDir, origin).catch((thrown: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain', `Internal error: ${String(thrown)}`);
      else response.destroy();
    });
  });
  await listen(server, options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  host: FlowHost,
  staticDir: string,
  origin: string,
): Promise<void> {
  const allowedOrigins = [origin, origin.replace('127.0.0.1', 'localhost')];
  const allowedHosts = allowedOrigins.map((allowed) => allowed.slice('http://'.length));
  if (!allowedHosts.includes(request.headers.host ?? ''))
    return send(response, 421, 'text/plain', 'Wrong host');
  const url = new URL(request.url ?? '/', origin);
  if (url.pathname.startsWith(FLOW_API_HTTP_PREFIX)) {
    if (request.method !== 'POST')
      return send(response, 405, 'text/plain', 'FlowApi calls are POST requests');
    const sentOrigin = request.headers.origin;
    if (sentOrigin !== undefined && !allowedOrigins.includes(sentOrigin)) {
      return send(response, 403, 'text/plain', 'Cross-origin FlowApi calls are refused');
    }
    const body = await readJsonBody(request);
    const method = decodeURIComponent(url.pathname.slice(FLOW_API_HTTP_PREFIX.length));
    const result = body.ok
      ? await host.call(method, body.value)
      : { ok: false, error: { code: 'INPUT_INVALID', message: body.message, retryable: false } };
    return send(response, 200, 'application/json; charset=utf-8', JSON.stringify(result));
  }
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return send(response, 405, 'text/plain', 'Not allowed');
  return serveStatic(response, staticDir, url.pathname);
}

async function serveStatic(response: ServerResponse, staticDir: string, pathname: string): Promise<void> {
  const relativePath = normalize(decodeURIComponent(pathname)).replace(/^[/\\]+/, '');
  if (relativePath.split(sep).includes('..')) return send(response, 400, 'text/plain', 'Bad path');
  let file = join(staticDir, relativePath);
  let stats = await stat(file).catch(() => undefined);
  // Unknown paths without an extension are the single-page app's own routes.
  if (!stats?.isFile() && extname(relativePath) === '') {
    file = join(staticDir, 'index.html');
    stats = await stat(file).catch(() => undefined);
  }
  if (!stats?.isFile()) {
    const hint = relativePath === '' ? ' (the designer is not built: run `npm run build:renderer`)' : '';
    return send(response, 404, 'text/plain', `Not found: ${pathname}${hint}`);
  }
  const hashed = relativePath.startsWith(`assets${sep}`);
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': stats.size,
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'content-security-policy': DESIGNER_CSP,
    'x-content-type-options': 'nosniff',
  });
  createReadStream(file).pipe(response);
}

type JsonBody = { ok: true; value: unknown } | { ok: false; message: string };

async function readJsonBody(request: IncomingMessage): Promise<JsonBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_REQUEST_BYTES)
      return { ok: false, message: `Request larger than ${MAX_REQUEST_BYTES} bytes` };
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (thrown) {
    return { ok: false, message: `The request body is not JSON: ${String(thrown)}` };
  }
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}
