import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { FaultInjector, type FaultSettings } from './fault-injection.ts';
import {
  json,
  matchRoute,
  readBody,
  type SimulatorRequest,
  type SimulatorResponse,
  type SimulatorRoute,
  writeResponse,
} from './simulator-http.ts';

/** What a simulator is made of: its routes, its state and how it answers what it does not know. */
export interface SimulatorDefinition {
  /** Short name: `threedcart`, `sage300`, `m3`. */
  readonly name: string;
  readonly routes: readonly SimulatorRoute[];
  /** The real system's answer for an unknown path (defaults to a JSON 404). */
  notFound?(request: SimulatorRequest): SimulatorResponse;
  /** The real system's answer for a known path with the wrong verb (defaults to a JSON 405). */
  methodNotAllowed?(request: SimulatorRequest): SimulatorResponse;
  /** Everything the simulator holds, for `GET /_admin/state`. */
  state(): unknown;
  /** Back to the seed data, for `POST /_admin/reset`. */
  reset(): void;
  /** Body of an injected server error, in the system's own error shape. */
  faultBody?(status: number): unknown;
  /** Largest request body accepted (413 above). Default 10 MB. */
  readonly maxBodyBytes?: number;
}

/** A simulator listening on 127.0.0.1. */
export interface RunningSimulator {
  readonly name: string;
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly port: number;
  readonly faults: FaultInjector;
  close(): Promise<void>;
}

export interface StartSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  seed?: number;
  faults?: Partial<FaultSettings>;
}

const ADMIN_PREFIX = '/_admin/';

/**
 * Serves a simulator over real HTTP. Admin endpoints (never faulted):
 * `GET /_admin/state`, `POST /_admin/reset`, `GET|PUT /_admin/faults`.
 */
export async function startSimulator(
  definition: SimulatorDefinition,
  options: StartSimulatorOptions = {},
): Promise<RunningSimulator> {
  const faults = new FaultInjector(options.seed ?? 1, options.faults ?? {});
  const server = createServer((request, response) => {
    handle(definition, faults, request, response).catch((thrown: unknown) => {
      if (!response.headersSent) {
        writeResponse(
          response,
          json(500, { error: `Simulator bug: ${thrown instanceof Error ? thrown.message : String(thrown)}` }),
        );
      }
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const bound = server.address();
  if (bound === null || typeof bound === 'string')
    throw new Error(`${definition.name} simulator did not bind a TCP port`);
  const { port, address } = bound;
  return {
    name: definition.name,
    url: `http://${address}:${port}`,
    port,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Requests held open by the timeout fault, and idle keep-alive sockets, end now.
        server.closeAllConnections();
      }),
  };
}

async function handle(
  definition: SimulatorDefinition,
  faults: FaultInjector,
  incoming: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(incoming.url ?? '/', 'http://simulator');
  const body = await readBody(incoming, definition.maxBodyBytes ?? 10 * 1_048_576);
  if (body === 'tooLarge') {
    writeResponse(response, json(413, { error: 'Request body too large' }));
    return;
  }
  const request: SimulatorRequest = {
    method: incoming.method ?? 'GET',
    path: decodePath(url.pathname),
    query: url.searchParams,
    headers: lowerCaseHeaders(incoming),
    body,
    params: {},
  };
  if (request.path.startsWith(ADMIN_PREFIX)) {
    writeResponse(response, handleAdmin(definition, faults, request));
    return;
  }
  const decision = faults.decide();
  if (decision.kind === 'timeout') return; // never answered; the client's timeout fires
  if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
  writeResponse(response, await answer(definition, request, decision));
}

async function answer(
  definition: SimulatorDefinition,
  request: SimulatorRequest,
  decision: ReturnType<FaultInjector['decide']>,
): Promise<SimulatorResponse> {
  switch (decision.kind) {
    case 'error':
      return json(
        decision.status,
        definition.faultBody?.(decision.status) ?? { error: 'Injected server error' },
      );
    case 'rateLimited':
      return json(429, definition.faultBody?.(429) ?? { error: 'Too Many Requests' }, {
        'retry-after': String(decision.retryAfterSeconds),
      });
    case 'malformed':
      return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"truncated": [1, 2' };
    default: {
      const matched = matchRoute(definition.routes, request.method, request.path);
      if ('route' in matched) return matched.route.handler({ ...request, params: matched.params });
      if (matched.methodMismatch) {
        return (
          definition.methodNotAllowed?.(request) ??
          json(405, { error: `${request.method} is not allowed here` })
        );
      }
      return definition.notFound?.(request) ?? json(404, { error: `No such resource: ${request.path}` });
    }
  }
}

function handleAdmin(
  definition: SimulatorDefinition,
  faults: FaultInjector,
  request: SimulatorRequest,
): SimulatorResponse {
  const what = `${request.method} ${request.path.slice(ADMIN_PREFIX.length)}`;
  switch (what) {
    case 'GET state':
      return json(200, definition.state());
    case 'POST reset':
      definition.reset();
      faults.configure({});
      return json(200, { reset: true });
    case 'GET faults':
      return json(200, faults.settings);
    case 'PUT faults': {
      try {
        return json(200, faults.configure(JSON.parse(request.body.toString('utf8') || '{}')));
      } catch (thrown) {
        const message = thrown instanceof z.ZodError ? z.prettifyError(thrown) : String(thrown);
        return json(400, { error: `Invalid fault settings: ${message}` });
      }
    }
    default:
      return json(404, {
        error: `Unknown admin endpoint ${what}; use GET state, POST reset, GET/PUT faults`,
      });
  }
}

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function lowerCaseHeaders(incoming: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
