import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../../contract/errors.ts';
import { toErrorData } from '../../errors/bridgeflow-error.ts';
import type { Logger } from '../../run/services.ts';
import { type AdminTokens, adminEnabled, checkAdminAccess } from './admin-auth.ts';
import { answerJson, refusalBody } from './admin-http.ts';
import { ADMIN_ROUTES, type AdminContext, type AdminRoute } from './admin-routes.ts';
import { PROMETHEUS_CONTENT_TYPE } from './prometheus-text.ts';

/** Answers the request when it is one of its paths (true), or leaves it to the next handler (false). */
export type RequestHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
) => Promise<boolean>;

/** What the operations endpoints need: the admin context, the tokens, and the metrics text. */
export interface OperationsOptions extends AdminContext {
  tokens: AdminTokens;
  logger: Logger;
  /** The body of `GET /metrics`, in the Prometheus text format. */
  metrics(): string;
}

/** Status for each refusal an admin caller can act on; anything else is the runtime's fault (500). */
const REFUSAL_STATUS: Partial<Record<ErrorCode, number>> = { INPUT_INVALID: 400, INPUT_TOO_LARGE: 413 };

/**
 * `GET /metrics` (open, as Prometheus scrapers expect; it reveals counts, never payloads) and the
 * token-protected admin API under `/admin/`.
 */
export function createOperationsHandler(options: OperationsOptions): RequestHandler {
  return async (request, response, url) => {
    const method = request.method ?? 'GET';
    if (url.pathname === '/metrics' && method === 'GET') {
      response.writeHead(200, { 'content-type': PROMETHEUS_CONTENT_TYPE });
      response.end(options.metrics());
      return true;
    }
    if (url.pathname !== '/admin' && !url.pathname.startsWith('/admin/')) return false;
    await handleAdmin(request, response, url, options);
    return true;
  };
}

async function handleAdmin(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  options: OperationsOptions,
): Promise<void> {
  const method = request.method ?? 'GET';
  const refuse = (status: number, code: ErrorCode, message: string): void => {
    request.resume();
    options.logger.warn('admin request refused', { status, method, path: url.pathname, message });
    answerJson(response, status, refusalBody(code, message));
  };
  if (!adminEnabled(options.tokens)) return refuse(404, 'INPUT_INVALID', 'The admin API is disabled');
  const candidates = ADMIN_ROUTES.filter((route) => route.pattern.test(url.pathname));
  const route = candidates.find((candidate) => candidate.method === method);
  const verdict = checkAdminAccess(options.tokens, request.headers.authorization, route?.access ?? 'read');
  if (!verdict.allowed) return refuse(verdict.status, 'CONNECTOR_AUTH', verdict.message);
  if (!route) {
    if (candidates.length === 0)
      return refuse(404, 'INPUT_INVALID', `There is no admin endpoint ${url.pathname}`);
    response.setHeader('allow', candidates.map((candidate) => candidate.method).join(', '));
    return refuse(405, 'INPUT_INVALID', `${url.pathname} does not take ${method} requests`);
  }
  try {
    const answer = await route.handle(options, {
      message: request,
      query: url.searchParams,
      parameters: parametersOf(route, url.pathname),
    });
    if (route.access === 'operate') {
      options.logger.info('admin action', { method, path: url.pathname, status: answer.status });
    }
    answerJson(response, answer.status, answer.body);
  } catch (thrown) {
    const error = toErrorData(thrown);
    refuse(REFUSAL_STATUS[error.code] ?? 500, error.code, error.message);
  }
}

/** The route's captures, percent-decoded; a malformed escape is the caller's error (400). */
function parametersOf(route: AdminRoute, path: string): string[] {
  const captures = route.pattern.exec(path)?.slice(1) ?? [];
  return captures.map((capture) => {
    try {
      return decodeURIComponent(capture);
    } catch {
      return capture;
    }
  });
}
