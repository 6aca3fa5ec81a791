import type { JsonValue } from '../contract/flow-document.ts';
import type { LookupResolver } from '../mapping/mapping-function.ts';

/** Time, injected so tests can run retries and delays without waiting. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or rejects with RUN_CANCELLED when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Structured logging; fields are JSON values. */
export interface Logger {
  debug(message: string, fields?: Record<string, JsonValue>): void;
  info(message: string, fields?: Record<string, JsonValue>): void;
  warn(message: string, fields?: Record<string, JsonValue>): void;
  error(message: string, fields?: Record<string, JsonValue>): void;
}

/** Credential values by credential id. The vault decrypts; the engine only ever asks by id. */
export interface SecretStore {
  /** The credential's fields (e.g. `{username, password}`), or undefined when there is no such id. */
  get(credentialId: string): Promise<Record<string, string> | undefined>;
}

/** An HTTP request as the engine describes it, before any transport. */
export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** JSON values are sent as JSON; strings as they are. */
  body?: JsonValue | string;
  timeoutMs?: number;
  /** `json` parses the body when it is JSON (falls back to text); `text` never parses. */
  responseType?: 'json' | 'text';
  /**
   * Whether this call changes the remote system. Defaults to every method but GET, HEAD and
   * OPTIONS; a connector marks a read done with POST (an OData query, say) as `false`.
   */
  write?: boolean;
}

/** A response as the transport returns it; any status is a response, not an exception. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: JsonValue | string;
  /**
   * The text `body` was parsed from, when the transport parsed JSON: lets the trace recorder rule
   * out secrets in the whole body with one search per secret instead of one per string in it.
   */
  bodyText?: string;
  /** True when the request was a write intercepted by dry-run and never sent. */
  dryRun?: boolean;
}

/** Sends requests over the network. Connection failures and timeouts throw BridgeflowError. */
export interface HttpTransport {
  send(request: HttpRequest, signal: AbortSignal): Promise<HttpResponse>;
}

/** The side effects the engine reaches the world through; tests replace any of them. */
export interface EngineServices {
  clock: Clock;
  logger: Logger;
  http: HttpTransport;
  secrets: SecretStore;
  /** Lookup (cross-reference) tables for mapping nodes; absent where none are configured. */
  lookups?: LookupResolver;
}
