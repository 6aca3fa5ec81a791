import type { JsonValue } from '../../engine/contract/flow-document.ts';

/** A JSON request to a simulator or the runtime; throws with the status and body unless 2xx. */
export async function jsonRequest(
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: JsonValue },
): Promise<JsonValue> {
  const response = await fetch(url, {
    method: options.method,
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${options.method} ${url}: ${response.status} ${text}`);
  return text === '' ? null : JSON.parse(text);
}
