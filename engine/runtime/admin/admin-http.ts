import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';

/** Writes a JSON answer. */
export function answerJson(response: ServerResponse, status: number, body: JsonValue): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** A refusal in the runtime's error shape, `{error: {code, message}}`. */
export function refusalBody(code: string, message: string): JsonValue {
  return { error: { code, message } };
}

/** The request body as text, or INPUT_TOO_LARGE past `maxBytes` (the rest is read and dropped). */
export function readText(request: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    request.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total <= maxBytes) chunks.push(chunk);
    });
    request.on('error', reject);
    request.on('end', () => {
      if (total <= maxBytes) resolve(Buffer.concat(chunks).toString('utf8'));
      else
        reject(
          new BridgeflowError('INPUT_TOO_LARGE', `The body is ${total} bytes; the limit is ${maxBytes}`),
        );
    });
  });
}

/** Parses JSON text, or throws INPUT_INVALID with the parser's reason. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    throw new BridgeflowError('INPUT_INVALID', `The body is not valid JSON: ${reason}`, { retryable: false });
  }
}
