import {
  type RunningSage300Simulator,
  type Sage300SimulatorOptions,
  startSage300Simulator,
} from './sage300-simulator.ts';

// Test support: calls the simulator over real HTTP the way a connector does, and reads answers
// with runtime checks instead of casts.

export type JsonObject = Record<string, unknown>;

export interface CallOptions {
  body?: unknown;
  /** A body sent as is (for malformed JSON). */
  raw?: string;
  /** `USER:PASSWORD`; default `WEBAPI:WEBAPI`. */
  credentials?: string;
  /** A whole Authorization header, or null for none. */
  authorization?: string | null;
  /** Default `application/json`; null sends none. */
  contentType?: string | null;
  company?: string;
}

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: unknown;
}

export interface TestSimulator {
  readonly running: RunningSage300Simulator;
  /** Calls `/Sage300WebApi/v1.0/-/{company}{path}`. */
  call(method: string, path: string, options?: CallOptions): Promise<Reply>;
  /** Calls any path on the server. */
  callPath(method: string, path: string, options?: CallOptions): Promise<Reply>;
  close(): Promise<void>;
}

export async function startTestSimulator(options: Sage300SimulatorOptions = {}): Promise<TestSimulator> {
  const running = await startSage300Simulator(options);
  const callPath = async (method: string, path: string, call: CallOptions = {}): Promise<Reply> => {
    const headers: Record<string, string> = {};
    const authorization =
      call.authorization === undefined
        ? `Basic ${Buffer.from(call.credentials ?? 'WEBAPI:WEBAPI').toString('base64')}`
        : call.authorization;
    if (authorization !== null) headers.authorization = authorization;
    const contentType = call.contentType === undefined ? 'application/json' : call.contentType;
    if (contentType !== null) headers['content-type'] = contentType;
    const body = call.raw ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
    const response = await fetch(`${running.url}${path}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: parse(text) };
  };
  return {
    running,
    callPath,
    call: (method, path, call = {}) =>
      callPath(method, `/Sage300WebApi/v1.0/-/${call.company ?? 'SAMINC'}${path}`, call),
    close: () => running.close(),
  };
}

function parse(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Builds `?$filter=…&$top=…` with proper encoding. */
export function query(options: Record<string, string | number>): string {
  const pairs = Object.entries(options).map(([name, value]): [string, string] => [name, String(value)]);
  return `?${new URLSearchParams(pairs).toString()}`;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body of an entry answer. */
export function entryOf(reply: Reply): JsonObject {
  if (!isObject(reply.json))
    throw new Error(`Expected a JSON object, got ${reply.status} ${reply.text.slice(0, 200)}`);
  return reply.json;
}

/** The `value` rows of a feed answer. */
export function rowsOf(reply: Reply): JsonObject[] {
  return listOf(entryOf(reply), 'value');
}

/** A list property of an object, e.g. `OrderDetails`. */
export function listOf(row: JsonObject, name: string): JsonObject[] {
  const value = row[name];
  if (!Array.isArray(value) || !value.every(isObject))
    throw new Error(`Expected ${name} to be a list of objects`);
  return value;
}

/** `[status, error.code]` of an error answer. */
export function errorOf(reply: Reply): [number, unknown, unknown] {
  const error = entryOf(reply).error;
  if (!isObject(error) || !isObject(error.message)) throw new Error(`Not an error envelope: ${reply.text}`);
  return [reply.status, error.code, error.message.value];
}
