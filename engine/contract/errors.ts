import { z } from 'zod';

/**
 * Stable error codes. A code never changes meaning once released; the UI, the runtime's
 * dead-letter grouping and users' alert rules key on it.
 */
export const ERROR_CODES = [
  // Flow documents
  'FLOW_INVALID',
  'FLOW_PARSE_FAILED',
  'FLOW_SCHEMA_UNSUPPORTED',
  'FLOW_MIGRATION_FAILED',
  // Inputs and files
  'INPUT_INVALID',
  'INPUT_TOO_LARGE',
  'FILE_NOT_FOUND',
  'FILE_READ_FAILED',
  // A file could not be written, renamed or deleted (samples, traces): permissions, disk full.
  'FILE_WRITE_FAILED',
  // Nodes and runs
  'NODE_PARAMETERS_INVALID',
  'NODE_FAILED',
  'NODE_TIMEOUT',
  'RUN_CANCELLED',
  'RUN_STOPPED_BY_NODE',
  'EXPRESSION_SYNTAX',
  'EXPRESSION_FAILED',
  'CODE_FAILED',
  'CODE_TIMEOUT',
  'CODE_MEMORY_LIMIT',
  'WEBHOOK_PAYLOAD_INVALID',
  // Connectors and HTTP
  'CONNECTOR_AUTH',
  'CONNECTOR_RATE_LIMITED',
  'CONNECTOR_NOT_FOUND',
  'CONNECTOR_VALIDATION',
  'CONNECTOR_UNAVAILABLE',
  'CONNECTOR_TIMEOUT',
  'CONNECTOR_REMOTE_ERROR',
  // Mapping
  'MAPPING_REQUIRED_FIELD_MISSING',
  'MAPPING_INVALID_VALUE',
  'MAPPING_LOOKUP_MISS',
  'MAPPING_FUNCTION_FAILED',
  // Stores
  'STORE_FAILED',
  // The runtime's encrypted credentials file: no usable key, or a key that does not open the file.
  'CREDENTIALS_KEY_INVALID',
  // The credentials file is malformed, or failed authentication (altered or damaged).
  'CREDENTIALS_FILE_INVALID',
  // Anything not classified above; a bug if it ever shows up.
  'INTERNAL',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What the remote system itself said, kept verbatim so users can search its documentation. */
export const RemoteErrorSchema = z.object({
  /** HTTP status of the response, when there was one. */
  status: z.number().int().optional(),
  /** The remote system's own error code (3dcart Key, Sage OData error.code, M3 @code). */
  code: z.string().optional(),
  /** The remote system's own message. */
  message: z.string().optional(),
  /** The remote field the message is about, when the system names one (M3 @field). */
  field: z.string().optional(),
});

/** What the remote system itself said about a failure. */
export type RemoteError = z.infer<typeof RemoteErrorSchema>;

/**
 * An error as data: how every failure travels through traces, IPC (`{ok:false, error}`),
 * the CLI and the runtime's admin API.
 */
export const ErrorDataSchema = z.object({
  /** Stable code, see {@link ERROR_CODES}. */
  code: z.enum(ERROR_CODES),
  /** Plain-language message that says what failed and why. */
  message: z.string(),
  /** Whether trying the same thing again later may succeed (timeouts, 429, 5xx). */
  retryable: z.boolean(),
  /** Node the error belongs to. */
  nodeId: z.string().optional(),
  /** That node's display name. */
  nodeName: z.string().optional(),
  /** Index of the item (in the node's input) that failed. */
  itemIndex: z.number().int().optional(),
  /** JSON path in the flow document or the payload the error is about. */
  path: z.string().optional(),
  /** Milliseconds the remote system asked us to wait before retrying (Retry-After). */
  retryAfterMs: z.number().optional(),
  /** What the remote system said. */
  remote: RemoteErrorSchema.optional(),
});

/** An error as plain, serialisable data. */
export type ErrorData = z.infer<typeof ErrorDataSchema>;

/** Result envelope used across every transport: a value, or an error as data. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData };
