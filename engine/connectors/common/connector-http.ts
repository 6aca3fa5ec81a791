import { BridgeflowError, toErrorData } from '../../errors/bridgeflow-error.ts';
import type { NodeContext } from '../../nodes/node-type.ts';
import { retryDelayMs } from '../../run/retry-policy.ts';
import type { HttpRequest, HttpResponse } from '../../run/services.ts';
import type { RateLimiter } from './rate-limiter.ts';

/** How a connector talks HTTP: its limits, retries and how it reads its system's errors. */
export interface ConnectorHttpOptions {
  /** Name for messages: "3dcart", "Sage 300", "Infor M3". */
  system: string;
  /** Our side of the system's rate limit; absent when it has none. */
  limiter?: RateLimiter;
  /** Attempts for calls that are safe to repeat (reads, and requests the server refused unprocessed). */
  maxAttempts?: number;
  backoffMs?: number;
  timeoutMs?: number;
  /**
   * The system's reading of a response: a BridgeflowError for failures (including errors inside
   * HTTP 200, as M3 sends), undefined for success.
   */
  errorOf(request: HttpRequest, response: HttpResponse): BridgeflowError | undefined;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Sends one request for a connector node: waits for the rate limiter, sends through the run's
 * HTTP (recorded in the trace, secrets masked, writes intercepted in dry-run), turns failures into
 * the system's typed errors, and retries with backoff and jitter when that is safe:
 * - any retryable failure of a read (GET/HEAD, or a request marked `write: false`);
 * - 429 and 503 on writes too, because the server refused them before doing anything.
 * Everything else is left to the node's own retry policy, which the executor applies.
 */
export async function connectorRequest(
  context: NodeContext<unknown>,
  options: ConnectorHttpOptions,
  request: HttpRequest,
): Promise<HttpResponse> {
  const maxAttempts = options.maxAttempts ?? 3;
  const outgoing: HttpRequest = {
    ...request,
    timeoutMs: request.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  const isWrite = outgoing.write ?? !READ_METHODS.has(outgoing.method.toUpperCase());
  const limiter = options.limiter;
  for (let attempt = 1; ; attempt++) {
    // A free token is taken without awaiting anything; only a caller that has to wait queues.
    if (limiter && !limiter.tryAcquire()) await limiter.acquire(context.signal);
    let failure: BridgeflowError;
    try {
      const response = await context.http(outgoing);
      if (response.dryRun) return response;
      const error = options.errorOf(outgoing, response);
      if (!error) return response;
      failure = error;
    } catch (thrown) {
      if (!(thrown instanceof BridgeflowError)) throw thrown;
      failure = thrown;
    }
    if (failure.code === 'CONNECTOR_RATE_LIMITED') limiter?.penalise(failure.details.retryAfterMs ?? 1_000);
    const refusedUnprocessed =
      failure.code === 'CONNECTOR_RATE_LIMITED' || failure.details.remote?.status === 503;
    const safe = !isWrite || refusedUnprocessed;
    if (!failure.retryable || !safe || attempt >= maxAttempts || context.signal.aborted) throw failure;
    const data = toErrorData(failure);
    await context.sleep(
      retryDelayMs({ maxAttempts, backoffMs: options.backoffMs ?? 250 }, attempt, data.retryAfterMs),
    );
  }
}
