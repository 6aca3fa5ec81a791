import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten';
import {
  type FailureContext,
  inputTooLargeFailure,
  readThrown,
  resultFailure,
  runFailure,
  syntaxFailure,
  USER_CODE_FILE,
} from './code-failure.ts';
import { installPrelude, LogCollector, type Prelude } from './code-prelude.ts';
import type {
  SandboxFailure,
  SandboxItemFailure,
  SandboxReply,
  SandboxRequest,
} from './code-sandbox.protocol.ts';
import type { QuickJSFactory } from './quickjs-instance.ts';

/**
 * QuickJS's own stack limit. Each JavaScript call also uses native stack in the worker thread
 * (4 MB by default); measured, 1 MB still raises QuickJS's "stack overflow" first and 2 MB
 * overflows the worker instead. 512 KB allows about 3,000 nested calls.
 */
const STACK_LIMIT_BYTES = 512 * 1024;

/** The user's code as QuickJS compiles it, for each mode. */
const WRAPPERS = {
  // The code starts on the wrapper's line, so QuickJS's line numbers are the user's line numbers.
  // Async so that `await` works out of habit; nothing in the sandbox does I/O.
  perItem: (code: string) => `(async function (item, $json, index) {${code}\n})`,
  allItems: (code: string) => `(async function (items) {${code}\n})`,
};

interface Session {
  runtime: QuickJSRuntime;
  context: QuickJSContext;
  prelude: Prelude;
  failureContext: FailureContext;
}

type CallOutcome = { ok: true; values: unknown[] } | { ok: false; failure: SandboxFailure };

/** Runs one request in a fresh QuickJS instance and describes the outcome as a reply. */
export async function evaluateCode(
  request: SandboxRequest,
  createQuickJS: QuickJSFactory,
): Promise<SandboxReply> {
  const logs = new LogCollector(request.maxLogLines);
  const quickjs = await createQuickJS(request.memoryLimitBytes);
  const runtime = quickjs.newRuntime();
  const failureContext: FailureContext = {
    interrupted: false,
    timeoutMs: request.timeoutMs,
    memoryLimitBytes: request.memoryLimitBytes,
  };
  // The deadline starts after the instance exists; the host's hard timer allows for that.
  const deadline = Date.now() + request.timeoutMs;
  runtime.setInterruptHandler(() => {
    if (Date.now() < deadline) return false;
    failureContext.interrupted = true;
    return true;
  });
  runtime.setMemoryLimit(request.memoryLimitBytes);
  runtime.setMaxStackSize(STACK_LIMIT_BYTES);
  const context = runtime.newContext();
  const fail = (failure: SandboxFailure): SandboxReply => ({
    type: 'failed',
    id: request.id,
    failure,
    ...logs.snapshot(),
  });
  let prelude: Prelude | undefined;
  try {
    prelude = installPrelude(context, logs);
    const outcome = runRequest({ runtime, context, prelude, failureContext }, request);
    if ('failure' in outcome) return fail(outcome.failure);
    return { type: 'done', id: request.id, ...outcome, ...logs.snapshot() };
  } catch (error) {
    // A host-side error from the wasm (a trap, or the worker's own stack overflowing): the instance
    // is discarded anyway; report it as the code's failure, without the host's stack.
    if (failureContext.interrupted) return fail(runFailure({ message: '', isNull: false }, failureContext));
    const message = error instanceof Error ? error.message : String(error);
    return fail({ code: 'CODE_FAILED', message: `Code stopped the sandbox: ${message}` });
  } finally {
    try {
      prelude?.dispose();
      context.dispose();
      runtime.dispose();
    } catch {
      // Handles left over after a failure make dispose complain; the instance and its memory are
      // dropped right after, so there is nothing left to free.
    }
  }
}

type RequestOutcome =
  | { outputsJson: string; inputIndexes: number[]; itemFailures: SandboxItemFailure[] }
  | { failure: SandboxFailure };

function runRequest(session: Session, request: SandboxRequest): RequestOutcome {
  const { context } = session;
  const compiled = context.evalCode(WRAPPERS[request.mode](request.code), USER_CODE_FILE);
  if (compiled.error) return { failure: compileFailure(session, compiled.error) };
  const userFunction = compiled.value;
  try {
    const parsed = callHelper(session, session.prelude.parse, request.itemsJson);
    if (!parsed.ok) {
      const tooLarge = parsed.failure.code === 'CODE_MEMORY_LIMIT';
      return { failure: tooLarge ? inputTooLargeFailure(request.memoryLimitBytes) : parsed.failure };
    }
    const items = parsed.handle;
    try {
      if (request.mode === 'allItems') {
        const outcome = callUser(session, userFunction, [items], undefined);
        if (!outcome.ok) return { failure: outcome.failure };
        return { outputsJson: JSON.stringify(outcome.values), inputIndexes: [], itemFailures: [] };
      }
      return runPerItem(session, userFunction, items, request);
    } finally {
      items.dispose();
    }
  } finally {
    userFunction.dispose();
  }
}

/** Calls the code once per item inside one QuickJS instance, so a batch costs one round trip. */
function runPerItem(
  session: Session,
  userFunction: QuickJSHandle,
  items: QuickJSHandle,
  request: SandboxRequest,
): RequestOutcome {
  const { context } = session;
  const count = context.getLength(items) ?? 0;
  const outputs: unknown[] = [];
  const inputIndexes: number[] = [];
  const itemFailures: SandboxItemFailure[] = [];
  for (let index = 0; index < count; index++) {
    const item = context.getProp(items, index);
    const position = context.newNumber(index);
    let outcome: CallOutcome;
    try {
      // `item` and `$json` are the same object: `$json` is the name n8n users know.
      outcome = callUser(session, userFunction, [item, item, position], index);
    } finally {
      item.dispose();
      position.dispose();
    }
    if (outcome.ok) {
      for (const value of outcome.values) {
        outputs.push(value);
        inputIndexes.push(index);
      }
      continue;
    }
    // Running out of time or memory ends the whole batch: the next item would fail the same way.
    if (request.itemErrors === 'stop' || outcome.failure.code !== 'CODE_FAILED')
      return { failure: outcome.failure };
    itemFailures.push({ ...outcome.failure, itemIndex: index });
  }
  return { outputsJson: JSON.stringify(outputs), inputIndexes, itemFailures };
}

/**
 * Calls the user's function and settles the promise it returns. The return value comes out as
 * JSON text: `undefined` drops the item, an array becomes several items, anything else one item.
 */
function callUser(
  session: Session,
  userFunction: QuickJSHandle,
  args: QuickJSHandle[],
  itemIndex: number | undefined,
): CallOutcome {
  const { context, runtime } = session;
  const thrownFailure = (handle: QuickJSHandle): CallOutcome => {
    const thrown = readThrown(context, handle);
    handle.dispose();
    return { ok: false, failure: runFailure(thrown, session.failureContext, itemIndex) };
  };
  const called = context.callFunction(userFunction, context.undefined, ...args);
  if (called.error) return thrownFailure(called.error);
  const promise = called.value;
  try {
    let state = context.getPromiseState(promise);
    if (state.type === 'pending') {
      const jobs = runtime.executePendingJobs();
      if (jobs.error) return thrownFailure(jobs.error);
      state = context.getPromiseState(promise);
    }
    if (state.type === 'pending') {
      return { ok: false, failure: resultFailure('returned a promise that never settles', itemIndex) };
    }
    if (state.type === 'rejected') return thrownFailure(state.error);
    const value = state.value;
    try {
      return encodeResult(session, value, itemIndex);
    } finally {
      if (!state.notAPromise) value.dispose();
    }
  } finally {
    promise.dispose();
  }
}

function encodeResult(session: Session, value: QuickJSHandle, itemIndex: number | undefined): CallOutcome {
  const encoded = callHelper(session, session.prelude.encode, value, itemIndex);
  if (!encoded.ok) return encoded;
  const text = session.context.getString(encoded.handle);
  encoded.handle.dispose();
  // The prelude's encode marks its answer with one letter: U(ndefined), P(roblem) or J(SON).
  if (text === 'U') return { ok: true, values: [] };
  if (text.startsWith('P')) return { ok: false, failure: resultFailure(text.slice(1), itemIndex) };
  const json: unknown = JSON.parse(text.slice(1));
  return { ok: true, values: Array.isArray(json) ? json : [json] };
}

type HelperOutcome = { ok: true; handle: QuickJSHandle } | { ok: false; failure: SandboxFailure };

/** Calls a prelude helper with a string or a handle; it can still run out of time or memory. */
function callHelper(
  session: Session,
  helper: QuickJSHandle,
  argument: string | QuickJSHandle,
  itemIndex?: number,
): HelperOutcome {
  const { context } = session;
  const handle = typeof argument === 'string' ? context.newString(argument) : argument;
  try {
    const result = context.callFunction(helper, context.undefined, handle);
    if (!result.error) return { ok: true, handle: result.value };
    const thrown = readThrown(context, result.error);
    result.error.dispose();
    return { ok: false, failure: runFailure(thrown, session.failureContext, itemIndex) };
  } finally {
    if (typeof argument === 'string') handle.dispose();
  }
}

function compileFailure(session: Session, error: QuickJSHandle): SandboxFailure {
  const thrown = readThrown(session.context, error);
  error.dispose();
  return thrown.name === 'SyntaxError' ? syntaxFailure(thrown) : runFailure(thrown, session.failureContext);
}
