import { z } from 'zod';

/**
 * Messages between the host ({@link ./code-sandbox.ts}) and the sandbox worker
 * ({@link ./code-sandbox.worker.ts}). Both ends parse what they receive with these schemas.
 * Item data crosses as JSON text, so the worker never holds a host object.
 */

/** How the code sees its input: one item per call, or all items in one call. */
export const CodeModeSchema = z.enum(['perItem', 'allItems']);

/** What happens when the code fails on one item in `perItem` mode. */
export const ItemErrorPolicySchema = z.enum(['stop', 'collect']);

/** Error codes the worker reports; the host turns them into BridgeflowErrors. */
export const SandboxFailureCodeSchema = z.enum(['CODE_FAILED', 'CODE_TIMEOUT', 'CODE_MEMORY_LIMIT']);

/** One run of user code over a batch of items. */
export const SandboxRequestSchema = z.strictObject({
  type: z.literal('run'),
  id: z.number().int(),
  code: z.string(),
  mode: CodeModeSchema,
  /** The input items as one JSON array. */
  itemsJson: z.string(),
  /** Budget for the whole request, all items together. */
  timeoutMs: z.number().int().positive(),
  memoryLimitBytes: z.number().int().positive(),
  maxLogLines: z.number().int().min(0),
  itemErrors: ItemErrorPolicySchema,
});

/** A failure of the code, as data. */
export const SandboxFailureSchema = z.strictObject({
  code: SandboxFailureCodeSchema,
  message: z.string(),
  itemIndex: z.number().int().min(0).optional(),
});

/** A failure of one item, in `perItem` mode with `itemErrors: 'collect'`. */
export const SandboxItemFailureSchema = SandboxFailureSchema.extend({ itemIndex: z.number().int().min(0) });

const LogFields = {
  logs: z.array(z.string()),
  /** Lines written after the log limit was reached. */
  droppedLogLines: z.number().int().min(0),
};

/** Everything the worker sends back. */
export const SandboxReplySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  /** The worker cannot go on (it could not load QuickJS, or got a malformed request) and exits. */
  z.strictObject({ type: z.literal('fatal'), message: z.string() }),
  z.strictObject({
    type: z.literal('done'),
    id: z.number().int(),
    /** The output items as one JSON array. */
    outputsJson: z.string(),
    /** `perItem` mode: for each output, the index of the input item it came from; empty otherwise. */
    inputIndexes: z.array(z.number().int().min(0)),
    /** `perItem` mode with `itemErrors: 'collect'`: the items that failed. */
    itemFailures: z.array(SandboxItemFailureSchema),
    ...LogFields,
  }),
  z.strictObject({
    type: z.literal('failed'),
    id: z.number().int(),
    failure: SandboxFailureSchema,
    ...LogFields,
  }),
]);

export type CodeMode = z.infer<typeof CodeModeSchema>;
export type ItemErrorPolicy = z.infer<typeof ItemErrorPolicySchema>;
export type SandboxRequest = z.infer<typeof SandboxRequestSchema>;
export type SandboxFailure = z.infer<typeof SandboxFailureSchema>;
export type SandboxItemFailure = z.infer<typeof SandboxItemFailureSchema>;
export type SandboxReply = z.infer<typeof SandboxReplySchema>;
