import { parentPort } from 'node:worker_threads';
import { evaluateCode } from './code-evaluation.ts';
import type { SandboxReply, SandboxRequest } from './code-sandbox.protocol.ts';
import { createQuickJSFactory, type QuickJSFactory } from './quickjs-instance.ts';

/**
 * Worker thread that runs user code in QuickJS. The host sends one request at a time and
 * terminates this thread when a request overruns its time limit, so nothing here needs to be
 * interruptible from outside: QuickJS's interrupt handler covers ordinary loops, and
 * `terminate()` covers the rest.
 */

const port = parentPort;
if (port === null) throw new Error('code-sandbox.worker.ts runs only as a worker thread');

function send(reply: SandboxReply): void {
  port?.postMessage(reply);
}

let factory: QuickJSFactory;
try {
  factory = await createQuickJSFactory();
} catch (error) {
  send({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
  throw error;
}

/**
 * Only the host talks to this worker and it builds requests from parsed options, so a shape check
 * is enough here. Not the zod schema: importing zod costs this thread about 150 ms at start.
 */
function isSandboxRequest(message: unknown): message is SandboxRequest {
  if (typeof message !== 'object' || message === null || Reflect.get(message, 'type') !== 'run') return false;
  const strings = ['code', 'mode', 'itemsJson', 'itemErrors'];
  const numbers = ['id', 'timeoutMs', 'memoryLimitBytes', 'maxLogLines'];
  return (
    strings.every((field) => typeof Reflect.get(message, field) === 'string') &&
    numbers.every((field) => typeof Reflect.get(message, field) === 'number')
  );
}

port.on('message', (message: unknown) => {
  if (!isSandboxRequest(message)) {
    // A malformed request is a bug in the host; say so and stop.
    send({ type: 'fatal', message: 'The code sandbox received a malformed request' });
    process.exit(1);
  }
  evaluateCode(message, factory).then(send, (error: unknown) => {
    send({
      type: 'failed',
      id: message.id,
      failure: {
        code: 'CODE_FAILED',
        message: `Code stopped the sandbox: ${error instanceof Error ? error.message : String(error)}`,
      },
      logs: [],
      droppedLogLines: 0,
    });
  });
});

send({ type: 'ready' });
