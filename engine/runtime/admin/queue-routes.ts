import type { JsonValue } from '../../contract/flow-document.ts';
import { EXCEPTION_STATUSES, type ExceptionQuery } from '../inbox/exception-queue.ts';
import type { AdminContext, AdminRoute } from './admin-routes.ts';
import { invalid, jsonOf, limitOf, notFound, ok, payloadBody, timeOf } from './admin-values.ts';

// The operator's work queues beyond listing dead letters: the exception queue (list, inspect,
// edit, replay, discard) and dead letters one by one (inspect with their runs, edit the payload).
// Looking needs the read-only token; changing anything needs the operator token.

const id = (parameters: readonly string[]): string => parameters[0] ?? '';

export const QUEUE_ROUTES: readonly AdminRoute[] = [
  {
    method: 'GET',
    pattern: /^\/admin\/exceptions$/,
    access: 'read',
    handle: (context, request) => {
      const exceptions = context.inbox.listExceptions(exceptionQuery(request.query));
      return ok({ exceptions: exceptions.map((exception) => jsonOf(exception)) });
    },
  },
  {
    method: 'GET',
    pattern: /^\/admin\/exceptions\/([^/]+)$/,
    access: 'read',
    handle: (context, request) => {
      const exception = context.inbox.getException(id(request.parameters));
      if (exception === undefined) return notFound(`There is no exception ${id(request.parameters)}`);
      // The run that parked the job, with its trace: what every node did before the exception.
      const run = context.runs.get(exception.runId);
      return ok({ exception: jsonOf(exception), run: run === undefined ? null : jsonOf(run) });
    },
  },
  {
    method: 'PUT',
    pattern: /^\/admin\/exceptions\/([^/]+)\/payload$/,
    access: 'operate',
    handle: async (context, request) => {
      const payload = await requiredPayload(context, request.message);
      return ok({ exception: jsonOf(context.inbox.editExceptionPayload(id(request.parameters), payload)) });
    },
  },
  {
    method: 'POST',
    pattern: /^\/admin\/exceptions\/([^/]+)\/replay$/,
    access: 'operate',
    handle: async (context, request) => {
      const payload = await payloadBody(request.message, context.maxBodyBytes, 'optional');
      const job = context.inbox.replayException(
        id(request.parameters),
        payload === undefined ? {} : { payload },
      );
      return ok({ job: jsonOf(job) });
    },
  },
  {
    method: 'POST',
    pattern: /^\/admin\/exceptions\/([^/]+)\/discard$/,
    access: 'operate',
    handle: (context, request) =>
      ok({ exception: jsonOf(context.inbox.discardException(id(request.parameters))) }),
  },
  {
    method: 'GET',
    pattern: /^\/admin\/dead-letters\/(?!causes$)([^/]+)$/,
    access: 'read',
    handle: (context, request) => {
      const job = context.inbox.getJob(id(request.parameters));
      if (job === undefined || job.status !== 'dead') {
        return notFound(`There is no dead letter ${id(request.parameters)}`);
      }
      // Every attempt, newest first; the first one carries the trace of the run that killed it.
      const runs = context.runs.list({ jobId: job.id, limit: 20 });
      const latest = runs[0] === undefined ? undefined : context.runs.get(runs[0].id);
      return ok({
        deadLetter: jsonOf(job),
        runs: runs.map((run) => jsonOf(run)),
        trace: latest?.trace ? jsonOf(latest.trace) : null,
      });
    },
  },
  {
    method: 'PUT',
    pattern: /^\/admin\/dead-letters\/([^/]+)\/payload$/,
    access: 'operate',
    handle: async (context, request) => {
      const payload = await requiredPayload(context, request.message);
      return ok({ deadLetter: jsonOf(context.inbox.editDeadPayload(id(request.parameters), payload)) });
    },
  },
];

async function requiredPayload(
  context: AdminContext,
  message: Parameters<typeof payloadBody>[0],
): Promise<JsonValue> {
  const payload = await payloadBody(message, context.maxBodyBytes, 'required');
  if (payload === undefined) throw invalid('The body is {"payload": <the edited payload>}');
  return payload;
}

/** `status` (default open), `flow`, `reason`, `since`, `until` and `limit` of `GET /admin/exceptions`. */
function exceptionQuery(query: URLSearchParams): ExceptionQuery {
  const status = query.get('status');
  const parsedStatus = EXCEPTION_STATUSES.find((known) => known === status);
  if (status !== null && parsedStatus === undefined) {
    throw invalid(`status must be one of ${EXCEPTION_STATUSES.join(', ')}, not "${status}"`);
  }
  const flowId = query.get('flow');
  const reason = query.get('reason');
  const since = timeOf(query, 'since');
  const until = timeOf(query, 'until');
  return {
    ...(parsedStatus ? { status: parsedStatus } : {}),
    ...(flowId ? { flowId } : {}),
    ...(reason ? { reason } : {}),
    ...(since === undefined ? {} : { since }),
    ...(until === undefined ? {} : { until }),
    limit: limitOf(query),
  };
}
