import { isAxiosError } from 'axios';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { describeTarget } from './outgoing-request.ts';

/** What the transport knew about a send that failed. */
export interface FailedSend {
  method: string;
  url: string;
  /** The caller's signal aborted (run cancelled or item time limit). */
  cancelled: boolean;
  /** The request's own time limit passed. */
  timedOut: boolean;
  timeoutMs: number;
  maxResponseBytes: number;
}

/** Failures a later attempt cannot fix: bad certificates, redirect loops, malformed requests. */
const PERMANENT_CODE_PATTERN =
  /^(CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|ERR_FR_TOO_MANY_REDIRECTS|ERR_INVALID_URL|ERR_BAD_OPTION|HOSTNAME_MISMATCH|ERR_INVALID_)/;

/** How each common OS error reads to a user; `%s` is host:port. */
const EXPLANATIONS: Readonly<Record<string, string>> = {
  ECONNREFUSED: '%s refused the connection',
  ECONNRESET: '%s closed the connection',
  EPIPE: '%s closed the connection',
  ENOTFOUND: 'the host name of %s could not be resolved',
  EAI_AGAIN: 'the host name of %s could not be resolved (DNS temporarily unavailable)',
  EHOSTUNREACH: '%s is unreachable',
  ENETUNREACH: 'the network to %s is unreachable',
  ETIMEDOUT: 'connecting to %s timed out',
};

/**
 * Turns whatever axios (or Node underneath it) threw into a BridgeflowError: RUN_CANCELLED when
 * the caller aborted, CONNECTOR_TIMEOUT when the time limit passed, CONNECTOR_REMOTE_ERROR for an
 * oversized response, CONNECTOR_UNAVAILABLE (naming host and OS code) for everything else.
 */
export function transportError(thrown: unknown, failed: FailedSend): BridgeflowError {
  const target = describeTarget(failed.method, failed.url);
  if (failed.cancelled) {
    return new BridgeflowError('RUN_CANCELLED', `${target} was cancelled`, {
      retryable: false,
      cause: thrown,
    });
  }
  if (failed.timedOut) {
    return new BridgeflowError('CONNECTOR_TIMEOUT', `${target} timed out after ${failed.timeoutMs} ms`, {
      retryable: true,
      cause: thrown,
    });
  }
  if (thrown instanceof BridgeflowError) return thrown;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  // axios reports the size limit only through its message; transport tests pin this.
  if (isAxiosError(thrown) && message.includes('maxContentLength')) {
    return new BridgeflowError(
      'CONNECTOR_REMOTE_ERROR',
      `${target} returned a response larger than the ${formatBytes(failed.maxResponseBytes)} limit; request smaller pages or raise maxResponseBytes`,
      { retryable: false, cause: thrown },
    );
  }
  const code = errorCode(thrown) ?? 'UNKNOWN';
  const host = hostOf(failed.url);
  const explanation = EXPLANATIONS[code]?.replace('%s', host) ?? `could not reach ${host}: ${message}`;
  return new BridgeflowError('CONNECTOR_UNAVAILABLE', `${target} failed: ${explanation} (${code})`, {
    retryable: !PERMANENT_CODE_PATTERN.test(code),
    cause: thrown,
  });
}

/** The OS or library error code, looking through axios' wrapper to the socket error. */
function errorCode(thrown: unknown): string | undefined {
  let current: unknown = thrown;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    if ('code' in current && typeof current.code === 'string') {
      return current.code;
    }
    current = current.cause;
  }
  return undefined;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}

function hostOf(url: string): string {
  const parsed = URL.parse(url);
  if (parsed === null) return url;
  const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  return `${parsed.hostname}:${port}`;
}
