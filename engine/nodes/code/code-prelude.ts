import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten';

/** File name of the prelude, so its stack frames are never taken for the user's lines. */
const PRELUDE_FILE = 'bridgeflow-prelude.js';

/** A log line longer than this is cut; a runaway `console.log` of a huge value stays readable. */
const MAX_LINE_CHARS = 10_000;

/**
 * Runs inside QuickJS before the user's code. It installs `console` (every method writes one line
 * through the host's `emit`) and returns helpers that hold the built-in JSON functions, taken
 * before the user's code could replace them.
 *
 * `encode` answers with one marker letter and text: `U` for undefined (the item is dropped),
 * `P` and a problem, or `J` and the JSON. Running out of memory is rethrown so it is reported as
 * such, not as a value that cannot be converted.
 */
const PRELUDE_SOURCE = `(function (emit) {
  'use strict';
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const toText = String;
  const isOutOfMemory = (error) =>
    error === null || (error instanceof InternalError && error.message === 'out of memory');
  const format = (value) => {
    try {
      if (typeof value === 'string') return value;
      if (value instanceof Error) return toText(value);
      const text = stringify(value);
      return text === undefined ? toText(value) : text;
    } catch (error) {
      if (isOutOfMemory(error)) throw error;
      try { return toText(value); } catch (inner) { return '[a value that cannot be printed]'; }
    }
  };
  const log = function () {
    let line = '';
    for (let index = 0; index < arguments.length; index++) {
      line += (index === 0 ? '' : ' ') + format(arguments[index]);
    }
    emit(line);
  };
  globalThis.console = { log: log, info: log, warn: log, error: log, debug: log, trace: log };
  const encode = (value) => {
    if (value === undefined) return 'U';
    const type = typeof value;
    if (type === 'function' || type === 'symbol') {
      return 'Preturned a ' + type + ', which is not JSON; return an object, an array, a string, a number, a boolean or null';
    }
    try {
      const text = stringify(value);
      return text === undefined ? 'Preturned a value that is not JSON' : 'J' + text;
    } catch (error) {
      if (isOutOfMemory(error)) throw error;
      return 'Preturned a value that is not JSON: ' + (error instanceof Error ? error.message : toText(error));
    }
  };
  return { parse: parse, encode: encode };
})`;

/** Handles to the prelude's helpers. */
export interface Prelude {
  /** `JSON.parse`, to bring input in as text: the sandbox never receives a host object. */
  parse: QuickJSHandle;
  /** Turns a return value into marked JSON text, see {@link PRELUDE_SOURCE}. */
  encode: QuickJSHandle;
  dispose(): void;
}

/** Runs the prelude in `context`; its `console` writes into `logs`. */
export function installPrelude(context: QuickJSContext, logs: LogCollector): Prelude {
  const factory = context.unwrapResult(context.evalCode(PRELUDE_SOURCE, PRELUDE_FILE));
  const emit = context.newFunction('emit', (line) => {
    logs.add(context.getString(line));
  });
  try {
    const helpers = context.unwrapResult(context.callFunction(factory, context.undefined, emit));
    const parse = context.getProp(helpers, 'parse');
    const encode = context.getProp(helpers, 'encode');
    helpers.dispose();
    return {
      parse,
      encode,
      dispose() {
        parse.dispose();
        encode.dispose();
      },
    };
  } finally {
    // The console inside QuickJS keeps its own reference to `emit`.
    factory.dispose();
    emit.dispose();
  }
}

/** Collects `console` output up to a number of lines and counts what it had to drop. */
export class LogCollector {
  readonly #maxLines: number;
  readonly #lines: string[] = [];
  #dropped = 0;

  constructor(maxLines: number) {
    this.#maxLines = maxLines;
  }

  add(line: string): void {
    if (this.#lines.length >= this.#maxLines) {
      this.#dropped++;
      return;
    }
    this.#lines.push(line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)}…` : line);
  }

  snapshot(): { logs: string[]; droppedLogLines: number } {
    return { logs: [...this.#lines], droppedLogLines: this.#dropped };
  }
}
