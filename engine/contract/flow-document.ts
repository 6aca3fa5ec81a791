import { z } from 'zod';

/** The flow document schema version this build writes. Older versions are migrated on load. */
export const CURRENT_SCHEMA_VERSION = 1;

/** JSON value, the only kind of data items, parameters and traces hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object, as records travel through flows. */
export type JsonObject = { [key: string]: JsonValue };

/** Whether `value` is a JSON object (not an array, not null). */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Zod schema for {@link JsonValue}. */
export const JsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(JsonValueSchema),
    z.record(z.string(), JsonValueSchema),
  ]),
);

/** Canvas position of a node, in canvas units. */
export const PositionSchema = z.strictObject({ x: z.number(), y: z.number() });

/** Retry policy for retryable failures (timeouts, 429, 5xx, connection resets). */
export const RetrySettingsSchema = z.strictObject({
  /** Total attempts including the first; 1 means no retry. */
  maxAttempts: z.number().int().min(1).max(20),
  /** Delay before the first retry; doubled on each further attempt, with jitter. */
  backoffMs: z.number().int().min(0).max(3_600_000),
  /** Upper bound of a single delay. */
  maxBackoffMs: z.number().int().min(0).max(3_600_000).optional(),
});

/** Per-node execution settings; every field falls back to the flow's settings or a default. */
export const NodeSettingsSchema = z.strictObject({
  retry: RetrySettingsSchema.optional(),
  /** When an item fails and the node's error port is not wired: drop the item and go on. */
  continueOnError: z.boolean().optional(),
  /** Time limit for one item, in milliseconds. */
  timeoutMs: z.number().int().positive().max(86_400_000).optional(),
  /** How many items the node works on at once (useful for HTTP calls). */
  concurrency: z.number().int().min(1).max(256).optional(),
});

/** A node on the canvas: an instance of a node type with its parameters. */
export const FlowNodeSchema = z.strictObject({
  /** Unique within the flow; edges refer to it. */
  id: z.string().min(1),
  /** Display name, unique within the flow. */
  name: z.string().min(1),
  /** Node type key, e.g. `core.httpRequest`. */
  type: z.string().min(1),
  /** Version of the node type the parameters were written for. */
  typeVersion: z.number().int().positive(),
  position: PositionSchema,
  /** Parameters as the node type's parameter schema describes them. */
  parameters: z.record(z.string(), JsonValueSchema),
  /** Credential slots of the node type mapped to credential ids; never the secret itself. */
  credentials: z.record(z.string(), z.string().min(1)).optional(),
  settings: NodeSettingsSchema.optional(),
  /** Free text shown on the canvas. */
  notes: z.string().optional(),
  /** A disabled node passes its input through unchanged. */
  disabled: z.boolean().optional(),
});

/** A connection from an output port of one node to an input port of another. */
export const FlowEdgeSchema = z.strictObject({
  id: z.string().min(1),
  source: z.string().min(1),
  sourceHandle: z.string().min(1),
  target: z.string().min(1),
  targetHandle: z.string().min(1),
});

/** Flow-wide settings. */
export const FlowSettingsSchema = z.strictObject({
  /** What happens when an item fails and nothing handles it: stop the run, or drop the item and go on. */
  errorPolicy: z.enum(['stopRun', 'continue']).default('stopRun'),
  /** IANA time zone used for schedules and date functions, e.g. `America/New_York`. */
  timezone: z.string().min(1).default('UTC'),
  /** Default retry policy for nodes that do not set their own. */
  retry: RetrySettingsSchema.optional(),
});

/** A flow: the product's file format. */
export const FlowDocumentSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string().default(''),
  settings: FlowSettingsSchema.default({ errorPolicy: 'stopRun', timezone: 'UTC' }),
  nodes: z.array(FlowNodeSchema),
  edges: z.array(FlowEdgeSchema),
});

export type Position = z.infer<typeof PositionSchema>;
export type RetrySettings = z.infer<typeof RetrySettingsSchema>;
export type NodeSettings = z.infer<typeof NodeSettingsSchema>;
export type FlowNode = z.infer<typeof FlowNodeSchema>;
export type FlowEdge = z.infer<typeof FlowEdgeSchema>;
export type FlowSettings = z.infer<typeof FlowSettingsSchema>;
/** A parsed, well-shaped flow (semantic checks are separate: see engine/flow/validate-flow). */
export type FlowDocument = z.infer<typeof FlowDocumentSchema>;
