import type { RetrySettings } from '../contract/flow-document.ts';

/** No retries unless the node or the flow asks for them. */
export const NO_RETRY: RetrySettings = { maxAttempts: 1, backoffMs: 0 };

const DEFAULT_MAX_BACKOFF_MS = 60_000;

/**
 * Delay before retry number `retry` (1 for the first retry): exponential backoff with "equal
 * jitter" (half fixed, half random), so that many runs failing together do not retry in step.
 * A server's Retry-After wins when it asks for longer.
 */
export function retryDelayMs(
  policy: RetrySettings,
  retry: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  const cap = policy.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS;
  const exponential = Math.min(cap, policy.backoffMs * 2 ** (retry - 1));
  const jittered = exponential / 2 + (random() * exponential) / 2;
  return Math.max(Math.round(jittered), retryAfterMs ?? 0);
}
