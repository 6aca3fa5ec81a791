import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { type JsonValue, JsonValueSchema } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { parseJsonText, readText } from './admin-http.ts';

// Answers and request values the admin routes share.

/** An admin answer: status and JSON body. */
export interface AdminAnswerValue {
  status: number;
  body: JsonValue;
}

const MAX_LIMIT = 1_000;

export function ok(body: JsonValue): AdminAnswerValue {
  return { status: 200, body };
}

export function notFound(message: string): AdminAnswerValue {
  return { status: 404, body: { error: { code: 'INPUT_INVALID', message } } };
}

/** Plain data (records of strings, numbers, null) as a JSON value; a round trip drops `undefined`. */
export function jsonOf(value: object): JsonValue {
  return JsonValueSchema.parse(JSON.parse(JSON.stringify(value)));
}

export function invalid(message: string): BridgeflowError {
  return new BridgeflowError('INPUT_INVALID', message, { retryable: false });
}

/** A time parameter as epoch ms: digits are epoch ms, anything else must be an ISO 8601 date. */
export function timeOf(query: URLSearchParams, name: string): number | undefined {
  const text = query.get(name);
  if (text === null || text === '') return undefined;
  const time = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (Number.isNaN(time))
    throw invalid(`${name} must be epoch milliseconds or an ISO 8601 date, not "${text}"`);
  return time;
}

export function limitOf(query: URLSearchParams): number {
  const text = query.get('limit');
  if (text === null || text === '') return 100;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw invalid(`limit must be a whole number from 1 to ${MAX_LIMIT}, not "${text}"`);
  }
  return limit;
}

const PayloadBodySchema = z.object({ payload: JsonValueSchema.optional() }).strict();

/**
 * The `{"payload": …}` body of a replay (`optional`: an empty body replays the job as it was) or
 * of a payload edit (`required`).
 */
export async function payloadBody(
  request: IncomingMessage,
  maxBytes: number,
  presence: 'optional' | 'required',
): Promise<JsonValue | undefined> {
  const text = await readText(request, maxBytes);
  const shape =
    presence === 'optional'
      ? '{"payload": <the edited payload>} or empty'
      : '{"payload": <the edited payload>}';
  if (text.trim() === '' && presence === 'optional') return undefined;
  const parsed = PayloadBodySchema.safeParse(text.trim() === '' ? null : parseJsonText(text));
  if (!parsed.success || (presence === 'required' && parsed.data.payload === undefined)) {
    throw invalid(`The body is ${shape}`);
  }
  return parsed.data.payload;
}
