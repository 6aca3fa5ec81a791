import type { Result } from '../contract/errors.ts';
import { FLOW_API_METHODS, type FlowApi, isFlowApiMethod } from '../contract/flow-api.ts';
import { toErrorData } from '../errors/bridgeflow-error.ts';
import { describeZodIssues } from '../flow/zod-issues.ts';
import { createCredentialHandlers } from './credential-handlers.ts';
import { createDesignerHandlers } from './designer-handlers.ts';
import { createHostContext, type HostContext, type HostContextOptions } from './host-context.ts';
import type { FlowApiHandlers } from './host-handlers.ts';
import { createMappingHandlers } from './mapping-handlers.ts';
import { createRunHandlers } from './run-handlers.ts';

/**
 * The one FlowApi implementation. Every transport (Electron IPC, the web host, tests) hands it
 * a method name and untrusted input; it parses the input with the contract's schema, runs the
 * handler and answers with a Result — never a thrown error.
 */
export interface FlowHost {
  readonly context: HostContext;
  /** Calls a method by name with input from a transport. */
  call(method: unknown, input: unknown): Promise<Result<unknown>>;
  /** The same methods as typed functions (for in-process callers and tests). */
  readonly api: FlowApi;
}

export function createFlowHost(options: HostContextOptions): FlowHost {
  const context = createHostContext(options);
  const handlers: FlowApiHandlers = {
    ...createDesignerHandlers(context),
    ...createMappingHandlers(context),
    ...createRunHandlers(context),
    ...createCredentialHandlers(context),
  };
  const call = (method: unknown, input: unknown) => dispatch(handlers, method, input);
  const api = Object.fromEntries(
    Object.keys(FLOW_API_METHODS).map((method) => [method, (input: unknown) => call(method, input)]),
  );
  // The entries are built from the very method table FlowApi is derived from.
  return { context, call, api: api as FlowApi };
}

async function dispatch(
  handlers: FlowApiHandlers,
  method: unknown,
  input: unknown,
): Promise<Result<unknown>> {
  if (!isFlowApiMethod(method)) {
    return failure(`Unknown FlowApi method "${String(method)}"`, 'method');
  }
  const schema = FLOW_API_METHODS[method].input;
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) {
    const [first] = describeZodIssues(parsed.error.issues, input, 'property');
    const where = first?.path.length ? ` (${first.path.join('.')})` : '';
    return failure(`${method}: ${first?.message ?? 'invalid input'}${where}`, first?.path.join('.'));
  }
  try {
    // `parsed.data` was produced by this very method's input schema, which is what the handler
    // takes; TypeScript cannot correlate the two through the union of method names.
    const handler = handlers[method] as (value: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (thrown) {
    const error = toErrorData(thrown);
    return { ok: false, error: error.code === 'NODE_FAILED' ? { ...error, code: 'INTERNAL' } : error };
  }
}

function failure(message: string, path?: string): Result<never> {
  return {
    ok: false,
    error: { code: 'INPUT_INVALID', message, retryable: false, ...(path ? { path } : {}) },
  };
}
