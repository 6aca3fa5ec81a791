import type { IncomingMessage } from 'node:http';
import type { JsonValue } from '../../contract/flow-document.ts';
import { RUN_STATUSES } from '../../contract/run-trace.ts';
import type { Inbox } from '../inbox/inbox.ts';
import type { InboxJob } from '../inbox/inbox-job.ts';
import type { RunHistory, RunQuery } from '../runs/run-history.ts';
import type { LoadedBundle } from '../serve/runtime-bundles.ts';
import type { WebhookRoute } from '../serve/webhook-routes.ts';
import type { AdminAccess } from './admin-auth.ts';
import { invalid, jsonOf, limitOf, notFound, ok, payloadBody, timeOf } from './admin-values.ts';
import { QUEUE_ROUTES } from './queue-routes.ts';

/** What the admin routes read and act on. */
export interface AdminContext {
  bundles: readonly LoadedBundle[];
  routes: readonly WebhookRoute[];
  inbox: Inbox;
  runs: RunHistory;
  /** Largest request body (an edited payload), in bytes. */
  maxBodyBytes: number;
}

/** An admin answer: status and JSON body. */
export interface AdminAnswer {
  status: number;
  body: JsonValue;
}

/** One admin endpoint: method, path pattern (captures are its parameters) and the access it needs. */
export interface AdminRoute {
  method: 'GET' | 'POST' | 'PUT';
  pattern: RegExp;
  access: AdminAccess;
  handle(context: AdminContext, request: AdminRequest): Promise<AdminAnswer> | AdminAnswer;
}

export interface AdminRequest {
  message: IncomingMessage;
  query: URLSearchParams;
  /** The decoded captures of the route's pattern. */
  parameters: readonly string[];
}

/** Every admin endpoint; all of them live under `/admin/`. */
export const ADMIN_ROUTES: readonly AdminRoute[] = [
  {
    method: 'GET',
    pattern: /^\/admin\/flows$/,
    access: 'read',
    handle: (context) => ok({ flows: flows(context) }),
  },
  {
    method: 'GET',
    pattern: /^\/admin\/runs$/,
    access: 'read',
    handle: (context, request) => ok({ runs: jsonOf(context.runs.list(runQuery(request.query))) }),
  },
  {
    method: 'GET',
    pattern: /^\/admin\/runs\/([^/]+)$/,
    access: 'read',
    handle: (context, request) => {
      const run = context.runs.get(request.parameters[0] ?? '');
      return run === undefined ? notFound(`There is no run ${request.parameters[0]}`) : ok(jsonOf(run));
    },
  },
  {
    method: 'GET',
    pattern: /^\/admin\/dead-letters$/,
    access: 'read',
    handle: (context, request) => {
      const flowId = request.query.get('flow') ?? undefined;
      const jobs = context.inbox.listDead({ ...(flowId ? { flowId } : {}), limit: limitOf(request.query) });
      return ok({ deadLetters: jobs.map(jobJson) });
    },
  },
  {
    method: 'GET',
    pattern: /^\/admin\/dead-letters\/causes$/,
    access: 'read',
    handle: (context) => ok({ causes: jsonOf(context.inbox.groupDeadByCause()) }),
  },
  {
    method: 'POST',
    pattern: /^\/admin\/dead-letters\/([^/]+)\/replay$/,
    access: 'operate',
    handle: async (context, request) => {
      const payload = await payloadBody(request.message, context.maxBodyBytes, 'optional');
      const job = context.inbox.replay(request.parameters[0] ?? '', payload === undefined ? {} : { payload });
      return ok({ job: jobJson(job) });
    },
  },
  {
    method: 'POST',
    pattern: /^\/admin\/dead-letters\/([^/]+)\/discard$/,
    access: 'operate',
    handle: (context, request) => ok({ job: jobJson(context.inbox.discard(request.parameters[0] ?? '')) }),
  },
  { method: 'GET', pattern: /^\/admin\/queue$/, access: 'read', handle: (context) => ok(queueJson(context)) },
  ...QUEUE_ROUTES,
];

function jobJson(job: InboxJob): JsonValue {
  return jsonOf(job);
}

function flows(context: AdminContext): JsonValue {
  return context.bundles.map((bundle) => ({
    flowId: bundle.manifest.flowId,
    flowName: bundle.manifest.flowName,
    manifestHash: bundle.manifest.contentHash,
    file: bundle.file,
    routes: context.routes
      .filter((route) => route.flowId === bundle.manifest.flowId)
      .map((route) => ({ method: route.method, path: route.path, trigger: route.triggerNodeId })),
  }));
}

function queueJson(context: AdminContext): JsonValue {
  const { counts, oldestQueuedAgeMs } = context.inbox.stats();
  return { counts: { ...counts }, oldestQueuedAgeMs };
}

/** `status`, `flow`, `key`, `since`, `until` and `limit` of `GET /admin/runs`. */
function runQuery(query: URLSearchParams): RunQuery {
  const status = query.get('status');
  if (status !== null && !RUN_STATUSES.some((known) => known === status)) {
    throw invalid(`status must be one of ${RUN_STATUSES.join(', ')}, not "${status}"`);
  }
  const parsedStatus = RUN_STATUSES.find((known) => known === status);
  const flowId = query.get('flow');
  const businessKey = query.get('key');
  const since = timeOf(query, 'since');
  const until = timeOf(query, 'until');
  return {
    ...(parsedStatus ? { status: parsedStatus } : {}),
    ...(flowId ? { flowId } : {}),
    ...(businessKey ? { businessKey } : {}),
    ...(since === undefined ? {} : { since }),
    ...(until === undefined ? {} : { until }),
    limit: limitOf(query),
  };
}
