import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request as simulator handlers see it: body read, query parsed, header names lower-cased. */
export interface SimulatorRequest {
  readonly method: string;
  /** Path without the query string, percent-decoded. */
  readonly path: string;
  /** Query parameters; names as sent (handlers compare case-insensitively where the real API does). */
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** Values captured by the route pattern's groups. */
  readonly params: Readonly<Record<string, string>>;
}

/** What a handler answers. `body` objects are sent as JSON; strings and Buffers as they are. */
export interface SimulatorResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type SimulatorHandler = (request: SimulatorRequest) => SimulatorResponse | Promise<SimulatorResponse>;

/** One route: a method and a path pattern whose named groups become `params`. */
export interface SimulatorRoute {
  method: string;
  pattern: RegExp;
  handler: SimulatorHandler;
}

/** Answers with JSON. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): SimulatorResponse {
  return { status, body, headers };
}

/** Finds the route for a request; `methodMismatch` tells 405 from 404. */
export function matchRoute(
  routes: readonly SimulatorRoute[],
  method: string,
  path: string,
): { route: SimulatorRoute; params: Record<string, string> } | { methodMismatch: boolean } {
  let methodMismatch = false;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (route.method !== method) {
      methodMismatch = true;
      continue;
    }
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(match.groups ?? {})) {
      // The path was percent-decoded once already; decoding again would turn `%2541` into `A`.
      if (value !== undefined) params[name] = value;
    }
    return { route, params };
  }
  return { methodMismatch };
}

/** Reads the whole body, refusing more than `limitBytes` (413 from the caller). */
export function readBody(request: IncomingMessage, limitBytes: number): Promise<Buffer | 'tooLarge'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? 'tooLarge' : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Writes a handler's answer. */
export function writeResponse(response: ServerResponse, answer: SimulatorResponse): void {
  const headers: Record<string, string> = { ...answer.headers };
  let payload: string | Buffer | undefined;
  if (answer.body === undefined) payload = undefined;
  else if (typeof answer.body === 'string' || Buffer.isBuffer(answer.body)) payload = answer.body;
  else {
    payload = JSON.stringify(answer.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  response.writeHead(answer.status, headers);
  response.end(payload);
}
