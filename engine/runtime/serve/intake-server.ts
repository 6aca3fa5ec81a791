import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ErrorCode } from '../../contract/errors.ts';
import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError, toErrorData } from '../../errors/bridgeflow-error.ts';
import type { RequestValues } from '../../nodes/webhook-trigger/webhook-request.ts';
import type { Logger, SecretStore } from '../../run/services.ts';
import type { RequestHandler } from '../admin/operations-handler.ts';
import type { Inbox } from '../inbox/inbox.ts';
import { takeInWebhook, type WebhookRoute } from './webhook-routes.ts';

/** What the intake server needs; everything it does goes through the inbox. */
export interface IntakeServerOptions {
  routes: readonly WebhookRoute[];
  inbox: Inbox;
  secrets: SecretStore;
  logger: Logger;
  /** Largest webhook body accepted, in bytes. */
  maxBodyBytes: number;
  /** The body of `GET /health`. */
  health(): JsonValue;
  /** Answers the runtime's own endpoints (`/metrics`, `/admin/…`) before webhook routing. */
  operations?: RequestHandler;
}

/** The webhook server; `stopIntake` makes it answer 503 to every request from then on. */
export interface IntakeServer {
  server: Server;
  stopIntake(): void;
}

/** HTTP status for each refusal a sender can act on; anything else is the runtime's fault (500). */
const REFUSAL_STATUS: Partial<Record<ErrorCode, number>> = {
  INPUT_TOO_LARGE: 413,
  WEBHOOK_PAYLOAD_INVALID: 400,
  CONNECTOR_AUTH: 401,
};

export function createIntakeServer(options: IntakeServerOptions): IntakeServer {
  let stopping = false;
  const server = createServer((request, response) => {
    handle(request, response, options, stopping).catch((thrown: unknown) => {
      options.logger.error('webhook handler failed', { message: toErrorData(thrown).message });
      if (!response.headersSent) answer(response, 500, { error: toErrorData(thrown) });
    });
  });
  return {
    server,
    stopIntake() {
      stopping = true;
    },
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  options: IntakeServerOptions,
  stopping: boolean,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://runtime');
  const method = request.method ?? 'GET';
  const refuse = (status: number, code: ErrorCode, message: string, route?: WebhookRoute): void => {
    options.logger.warn('webhook refused', {
      status,
      method,
      path: url.pathname,
      code,
      message,
      ...(route ? { flowId: route.flowId, trigger: route.triggerNodeId } : {}),
    });
    answer(response, status, { error: { code, message } });
  };
  if (stopping) {
    // The sender retries a 503 later, when the runtime (or its replacement) takes requests again.
    response.setHeader('connection', 'close');
    request.resume();
    refuse(503, 'CONNECTOR_UNAVAILABLE', 'The runtime is shutting down; send the request again later');
    return;
  }
  if (url.pathname === '/health' && method === 'GET') {
    answer(response, 200, options.health());
    return;
  }
  if (options.operations && (await options.operations(request, response, url))) return;
  const route = routeFor(url.pathname, method, options.routes, response, refuse);
  if (!route) {
    request.resume();
    return;
  }
  try {
    const rawBody = await readBody(request, options.maxBodyBytes);
    const result = await takeInWebhook(
      route,
      { headers: request.headers, query: queryValues(url.searchParams), rawBody },
      { inbox: options.inbox, secrets: options.secrets, maxBytes: options.maxBodyBytes },
    );
    answer(response, 202, { ...result });
  } catch (thrown) {
    const error = toErrorData(thrown);
    refuse(REFUSAL_STATUS[error.code] ?? 500, error.code, error.message, route);
  }
}

type Refuse = (status: number, code: ErrorCode, message: string) => void;

/** The route for the request, or undefined after refusing it with 404 (no such path) or 405. */
function routeFor(
  path: string,
  method: string,
  routes: readonly WebhookRoute[],
  response: ServerResponse,
  refuse: Refuse,
): WebhookRoute | undefined {
  const candidates = routes.filter((route) => route.path === path);
  const route = candidates.find((candidate) => candidate.method === method);
  if (route) return route;
  if (candidates.length === 0) {
    refuse(404, 'INPUT_INVALID', `No flow listens on ${path}`);
    return undefined;
  }
  const allowed = candidates.map((candidate) => candidate.method).join(', ');
  response.setHeader('allow', allowed);
  refuse(405, 'INPUT_INVALID', `${path} takes ${allowed} requests, not ${method}`);
  return undefined;
}

/**
 * The body, or INPUT_TOO_LARGE once it passes `maxBytes`. The rest is read and dropped rather than
 * the socket cut, so the sender sees the 413 and its reason instead of a reset connection.
 */
function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    request.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total <= maxBytes) chunks.push(chunk);
    });
    request.on('error', reject);
    request.on('end', () => {
      if (total <= maxBytes) resolve(Buffer.concat(chunks));
      else
        reject(
          new BridgeflowError(
            'INPUT_TOO_LARGE',
            `The webhook body is ${total} bytes; the limit is ${maxBytes} bytes`,
          ),
        );
    });
  });
}

/** Query parameters as Node's header values: one value as text, a repeated name as a list. */
function queryValues(search: URLSearchParams): RequestValues {
  const values: Record<string, string | string[]> = {};
  for (const name of new Set(search.keys())) {
    const all = search.getAll(name);
    values[name] = all.length === 1 ? (all[0] ?? '') : all;
  }
  return values;
}

function answer(response: ServerResponse, status: number, body: JsonValue): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
