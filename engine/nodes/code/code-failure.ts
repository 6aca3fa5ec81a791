import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten';
import type { SandboxFailure } from './code-sandbox.protocol.ts';

/** File name the user's code is compiled under; stack frames in this file are the user's lines. */
export const USER_CODE_FILE = 'code.js';
const USER_FRAME = /\bcode\.js:(\d+):\d+/;

/** What the code threw, read out of QuickJS. Never holds the host's stack trace. */
export interface ThrownValue {
  /** Error class name (`TypeError`), when an Error was thrown. */
  name?: string;
  message: string;
  /** Line in the user's code, when known. */
  line?: number;
  /**
   * QuickJS reports an exception of `null` when it ran out of memory so completely that it could
   * not even allocate the error object. A user's `throw null` looks the same; it is rare enough to
   * be reported as running out of memory too.
   */
  isNull: boolean;
}

/** What went on while the code ran, needed to tell a timeout or a memory failure from a plain throw. */
export interface FailureContext {
  interrupted: boolean;
  timeoutMs: number;
  memoryLimitBytes: number;
}

/** Reads a thrown value. Reading runs inside QuickJS, under its time limit, and never throws. */
export function readThrown(context: QuickJSContext, handle: QuickJSHandle): ThrownValue {
  const type = context.typeof(handle);
  if (type === 'object' && context.sameValue(handle, context.null)) {
    return { message: 'null', isNull: true };
  }
  if (type === 'string') return { message: context.getString(handle), isNull: false };
  if (type === 'object') {
    const message = readProperty(context, handle, 'message');
    if (typeof message === 'string') {
      const name = readProperty(context, handle, 'name');
      const stack = readProperty(context, handle, 'stack');
      const lineNumber = readProperty(context, handle, 'lineNumber');
      const line = lineFromStack(stack) ?? (typeof lineNumber === 'number' ? lineNumber : undefined);
      const thrown: ThrownValue = { message, isNull: false };
      if (typeof name === 'string') thrown.name = name;
      if (line !== undefined) thrown.line = line;
      return thrown;
    }
  }
  return { message: describe(context, handle), isNull: false };
}

/** Turns a syntax error from compiling the user's code into a failure. */
export function syntaxFailure(thrown: ThrownValue): SandboxFailure {
  const where = thrown.line === undefined ? '' : ` at line ${thrown.line}`;
  return { code: 'CODE_FAILED', message: `Syntax error in code${where}: ${thrown.message}` };
}

/**
 * Turns anything the code threw while running into a failure with a plain-language message.
 * `itemIndex` is the item being worked on, in `perItem` mode.
 */
export function runFailure(thrown: ThrownValue, context: FailureContext, itemIndex?: number): SandboxFailure {
  const withItem = (failure: SandboxFailure): SandboxFailure =>
    itemIndex === undefined ? failure : { ...failure, itemIndex };
  // QuickJS throws an uncatchable "interrupted" error once the interrupt handler returns true.
  if (context.interrupted) {
    const stoppedOn = itemIndex === undefined ? '' : ` (stopped on item ${itemIndex})`;
    return withItem({
      code: 'CODE_TIMEOUT',
      message: `Code ran longer than ${context.timeoutMs} ms${stoppedOn}`,
    });
  }
  if (thrown.isNull || (thrown.name === 'InternalError' && thrown.message === 'out of memory')) {
    const onItem = itemIndex === undefined ? '' : ` (on item ${itemIndex})`;
    return withItem({
      code: 'CODE_MEMORY_LIMIT',
      message: `Code used more than ${megabytes(context.memoryLimitBytes)} MB of memory${onItem}`,
    });
  }
  return withItem({ code: 'CODE_FAILED', message: failureMessage(thrown, itemIndex) });
}

/** A failure that is not an exception: the code returned something the flow cannot carry. */
export function resultFailure(problem: string, itemIndex: number | undefined): SandboxFailure {
  const onItem = itemIndex === undefined ? '' : ` on item ${itemIndex}`;
  const failure: SandboxFailure = { code: 'CODE_FAILED', message: `Code${onItem} ${problem}` };
  return itemIndex === undefined ? failure : { ...failure, itemIndex };
}

/** The input items alone exhaust the memory limit, before the code runs. */
export function inputTooLargeFailure(memoryLimitBytes: number): SandboxFailure {
  return {
    code: 'CODE_MEMORY_LIMIT',
    message: `The input items do not fit in the code's memory limit of ${megabytes(memoryLimitBytes)} MB`,
  };
}

function failureMessage(thrown: ThrownValue, itemIndex: number | undefined): string {
  const onItem = itemIndex === undefined ? '' : ` on item ${itemIndex}`;
  const atLine = thrown.line === undefined ? '' : ` at line ${thrown.line}`;
  // A plain `new Error('...')` reads best as just its message; other classes say what kind it was.
  const name = thrown.name === undefined || thrown.name === 'Error' ? '' : `${thrown.name}: `;
  return `Code failed${onItem}${atLine}: ${name}${thrown.message}`;
}

function megabytes(bytes: number): string {
  const value = bytes / 1_048_576;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function lineFromStack(stack: unknown): number | undefined {
  if (typeof stack !== 'string') return undefined;
  const match = USER_FRAME.exec(stack);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** Reads a string or number property; getters run inside QuickJS and may throw, which reads as absent. */
function readProperty(
  context: QuickJSContext,
  handle: QuickJSHandle,
  key: string,
): string | number | undefined {
  try {
    const property = context.getProp(handle, key);
    try {
      const type = context.typeof(property);
      if (type === 'string') return context.getString(property);
      if (type === 'number') return context.getNumber(property);
      return undefined;
    } finally {
      property.dispose();
    }
  } catch {
    return undefined;
  }
}

function describe(context: QuickJSContext, handle: QuickJSHandle): string {
  try {
    const text = JSON.stringify(context.dump(handle));
    return text === undefined ? context.typeof(handle) : text.slice(0, 500);
  } catch {
    return `a value of type ${context.typeof(handle)}`;
  }
}
