import type { ErrorCode, ErrorData, RemoteError } from '../contract/errors.ts';

/** Codes that are worth retrying unless the thrower says otherwise. */
const RETRYABLE_BY_DEFAULT: ReadonlySet<ErrorCode> = new Set([
  'NODE_TIMEOUT',
  'CONNECTOR_RATE_LIMITED',
  'CONNECTOR_UNAVAILABLE',
  'CONNECTOR_TIMEOUT',
]);

/** Optional context carried by a {@link BridgeflowError}. */
export interface BridgeflowErrorOptions {
  retryable?: boolean;
  nodeId?: string;
  nodeName?: string;
  itemIndex?: number;
  path?: string;
  retryAfterMs?: number;
  remote?: RemoteError;
  cause?: unknown;
}

/** The one error class the engine throws: a stable code plus the data in {@link ErrorData}. */
export class BridgeflowError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details: Omit<BridgeflowErrorOptions, 'cause' | 'retryable'>;

  constructor(code: ErrorCode, message: string, options: BridgeflowErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BridgeflowError';
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT.has(code);
    const { cause: _cause, retryable: _retryable, ...details } = options;
    this.details = details;
  }

  /** The error as serialisable data, with extra context merged in (context never overrides). */
  toData(context: Pick<ErrorData, 'nodeId' | 'nodeName' | 'itemIndex'> = {}): ErrorData {
    const data: ErrorData = { code: this.code, message: this.message, retryable: this.retryable };
    const nodeId = this.details.nodeId ?? context.nodeId;
    const nodeName = this.details.nodeName ?? context.nodeName;
    const itemIndex = this.details.itemIndex ?? context.itemIndex;
    if (nodeId !== undefined) data.nodeId = nodeId;
    if (nodeName !== undefined) data.nodeName = nodeName;
    if (itemIndex !== undefined) data.itemIndex = itemIndex;
    if (this.details.path !== undefined) data.path = this.details.path;
    if (this.details.retryAfterMs !== undefined) data.retryAfterMs = this.details.retryAfterMs;
    if (this.details.remote !== undefined) data.remote = this.details.remote;
    return data;
  }
}

/**
 * Turns anything thrown into {@link ErrorData}. Unknown errors become `NODE_FAILED` with their
 * message (never a stack trace): user code and libraries throw plain Errors.
 */
export function toErrorData(
  thrown: unknown,
  context: Pick<ErrorData, 'nodeId' | 'nodeName' | 'itemIndex'> = {},
): ErrorData {
  if (thrown instanceof BridgeflowError) return thrown.toData(context);
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return { code: 'NODE_FAILED', message, retryable: false, ...context };
}

/** True when `thrown` is a {@link BridgeflowError} with the given code. */
export function isErrorCode(thrown: unknown, code: ErrorCode): boolean {
  return thrown instanceof BridgeflowError && thrown.code === code;
}
