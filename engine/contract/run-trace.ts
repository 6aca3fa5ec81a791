import { z } from 'zod';
import { ErrorDataSchema } from './errors.ts';
import { JsonValueSchema } from './flow-document.ts';

/** One HTTP call a node made (or, in dry-run, would have made). Secrets are masked. */
export const HttpExchangeSchema = z.object({
  /** Index of the item (in the node's input) the call was made for; absent for batch nodes. */
  itemIndex: z.number().int().optional(),
  method: z.string(),
  url: z.string(),
  requestHeaders: z.record(z.string(), z.string()),
  requestBody: JsonValueSchema.optional(),
  status: z.number().int().optional(),
  responseHeaders: z.record(z.string(), z.string()).optional(),
  responseBody: JsonValueSchema.optional(),
  startedAt: z.string(),
  durationMs: z.number(),
  /** True when the call was a write intercepted by dry-run and never sent. */
  dryRun: z.boolean(),
  error: ErrorDataSchema.optional(),
});

/** An item a node emitted: its port, its data and the input items it came from. */
export const TraceOutputSchema = z.object({
  port: z.string(),
  json: JsonValueSchema,
  /** Indices into the node's `inputs` (lineage). */
  from: z.array(z.number().int()),
});

/** An item that failed in a node. */
export const TraceItemErrorSchema = z.object({
  itemIndex: z.number().int(),
  /** Attempts made, including the first. */
  attempts: z.number().int(),
  /** What happened to the item: sent to the error port, dropped (continue on error), or it stopped the run. */
  handling: z.enum(['errorPort', 'dropped', 'stoppedRun']),
  error: ErrorDataSchema,
});

export const NODE_RUN_STATUSES = ['ok', 'error', 'skipped', 'cancelled', 'disabled'] as const;

/** What one node did in a run. */
export const NodeTraceSchema = z.object({
  nodeId: z.string(),
  nodeName: z.string(),
  type: z.string(),
  status: z.enum(NODE_RUN_STATUSES),
  startedAt: z.string(),
  durationMs: z.number(),
  itemsIn: z.number().int(),
  itemsOut: z.number().int(),
  /** Items per output port. */
  portCounts: z.record(z.string(), z.number().int()),
  /** Input items (in port order); present when the run recorded a full trace. */
  inputs: z.array(JsonValueSchema).optional(),
  /** Output items with lineage; present when the run recorded a full trace. */
  outputs: z.array(TraceOutputSchema).optional(),
  /** Milliseconds spent on each input item, for per-item nodes with a full trace. */
  itemDurationsMs: z.array(z.number()).optional(),
  errors: z.array(TraceItemErrorSchema),
  http: z.array(HttpExchangeSchema),
  /** The error that stopped this node (and the run). */
  error: ErrorDataSchema.optional(),
  /**
   * Present when the node did not run and its output was supplied instead: `pin` for output the
   * user pinned (or a sample handed to a trigger that would read it from a remote system),
   * `previousRun` for the output of an earlier run when a run starts from a later node.
   */
  pinned: z.enum(['pin', 'previousRun']).optional(),
});

export const RUN_STATUSES = ['succeeded', 'failed', 'cancelled'] as const;

/** Items left on an output port that no edge leads from: the run's result. */
export const RunOutputSchema = z.object({
  nodeId: z.string(),
  nodeName: z.string(),
  port: z.string(),
  items: z.array(JsonValueSchema),
});

/** Everything a run did, node by node, in execution order. */
export const RunTraceSchema = z.object({
  runId: z.string(),
  flowId: z.string(),
  flowName: z.string(),
  status: z.enum(RUN_STATUSES),
  dryRun: z.boolean(),
  startedAt: z.string(),
  durationMs: z.number(),
  nodes: z.array(NodeTraceSchema),
  outputs: z.array(RunOutputSchema),
  /** Item errors that were handled (error port or dropped); the run can still have succeeded. */
  itemErrorCount: z.number().int(),
  /** Why the run failed or was cancelled. */
  error: ErrorDataSchema.optional(),
});

/** Items per output port of one node (`{"main": [...], "exception": [...]}`): pinned or supplied output. */
export const PortItemsSchema = z.record(z.string(), z.array(JsonValueSchema));

export type HttpExchange = z.infer<typeof HttpExchangeSchema>;
export type TraceOutput = z.infer<typeof TraceOutputSchema>;
export type TraceItemError = z.infer<typeof TraceItemErrorSchema>;
export type NodeRunStatus = (typeof NODE_RUN_STATUSES)[number];
export type NodeTrace = z.infer<typeof NodeTraceSchema>;
export type RunStatus = (typeof RUN_STATUSES)[number];
export type RunOutput = z.infer<typeof RunOutputSchema>;
/** Items per output port of one node. */
export type NodePortItems = z.infer<typeof PortItemsSchema>;
/** The trace of one run. */
export type RunTrace = z.infer<typeof RunTraceSchema>;
