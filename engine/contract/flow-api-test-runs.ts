import { z } from 'zod';
import { WorkspacePathSchema } from './flow-api-designer.ts';
import { FlowDocumentSchema, JsonValueSchema } from './flow-document.ts';
import { PortItemsSchema, RUN_STATUSES, RunTraceSchema } from './run-trace.ts';

/** Where a sample lives: beside the flow file (`<flow>.samples/`) or in the workspace's `samples/`. */
export const SampleLocationSchema = z.enum(['flow', 'workspace']);

/** A sample set: a folder of samples; `set` is a sub-folder name, `""` the location's own folder. */
export const SampleSetRefSchema = z.object({ location: SampleLocationSchema, set: z.string().default('') });

/** One sample (a trigger payload file) by name; the engine refuses names that leave the folder. */
export const SampleRefSchema = SampleSetRefSchema.extend({ name: z.string().min(1) });

/** A sample as listed. */
export const SampleInfoSchema = z.object({
  name: z.string(),
  sizeBytes: z.number().int(),
  /** ISO time of the last change. */
  modifiedAt: z.string(),
});

/** A set and its samples. */
export const SampleSetSchema = z.object({
  location: SampleLocationSchema,
  set: z.string(),
  samples: z.array(SampleInfoSchema),
});

/** A test-run environment, for the picker. */
export const EnvironmentInfoSchema = z.object({
  name: z.string(),
  /**
   * `dry-run`: sandbox reads, writes intercepted; `sandbox`: the simulators; `saved`: the designer's
   * saved credentials; `named`: a workspace file.
   */
  kind: z.enum(['dry-run', 'sandbox', 'saved', 'named']),
  dryRun: z.boolean(),
  description: z.string(),
});

/** Outcome counts of one node over a test run's samples. */
export const NodeSummarySchema = z.object({
  nodeId: z.string(),
  nodeName: z.string(),
  type: z.string(),
  itemsIn: z.number().int(),
  itemsOut: z.number().int(),
  outcomes: z.object({ ok: z.number(), error: z.number(), exception: z.number(), skipped: z.number() }),
  pinned: z.number().int(),
  durationMs: z.number(),
  httpCalls: z.number().int(),
});

/** A test run in numbers. */
export const TestRunSummarySchema = z.object({
  samples: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
  durationMs: z.number(),
  nodes: z.array(NodeSummarySchema),
});

/** A recorded test run of one sample (designer run history), without its trace. */
export const DesignerRunRecordSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  /** `<location>:<set>` of the sample. */
  sampleSet: z.string(),
  sampleName: z.string(),
  environment: z.string(),
  dryRun: z.boolean(),
  status: z.enum(RUN_STATUSES),
  startedAt: z.string(),
  durationMs: z.number(),
  itemErrorCount: z.number().int(),
  /** The test run (of a set) this run belongs to. */
  batchId: z.string().nullable(),
});

/** A recorded run with its full trace. */
export const DesignerRunDetailSchema = DesignerRunRecordSchema.extend({ trace: RunTraceSchema });

/** A test run's progress and, once done, its summary. */
export const TestRunStateSchema = z.object({
  testRunId: z.string(),
  environment: z.string(),
  dryRun: z.boolean(),
  total: z.number().int(),
  completed: z.number().int(),
  done: z.boolean(),
  /** Each finished sample with the id of its recorded run (open it with `getRun`). */
  runs: z.array(z.object({ sample: z.string(), runId: z.string(), status: z.enum(RUN_STATUSES) })),
  notRun: z.array(z.string()),
  summary: TestRunSummarySchema.optional(),
  /** Why the test run could not run at all (an invalid flow, a missing sample). */
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

/** One changed value between two runs' outputs. */
export const ValueChangeSchema = z.object({
  path: z.string(),
  kind: z.enum(['added', 'removed', 'changed']),
  before: JsonValueSchema.optional(),
  after: JsonValueSchema.optional(),
});

/** The output diff of two runs, node by node. */
export const RunDiffSchema = z.object({
  leftRunId: z.string(),
  rightRunId: z.string(),
  nodes: z.array(
    z.object({
      nodeId: z.string(),
      nodeName: z.string(),
      status: z.enum(['same', 'changed', 'onlyLeft', 'onlyRight']),
      changes: z.array(ValueChangeSchema),
    }),
  ),
  changedNodes: z.number().int(),
});

const FlowPath = { flowPath: WorkspacePathSchema.optional() };
const Empty = z.object({});

/** Test runs: samples, environments, runs with progress and cancel, run history and diffs. */
export const TEST_RUN_METHODS = {
  /** The sample sets beside the flow (when it has a file) and in the workspace, with their samples. */
  listSamples: { input: z.object(FlowPath), output: z.object({ sets: z.array(SampleSetSchema) }) },
  /** One sample's payload. */
  readSample: {
    input: z.object({ ...FlowPath, ref: SampleRefSchema }),
    output: z.object({ payload: JsonValueSchema }),
  },
  /** Saves a sample; `create` refuses to replace an existing one. */
  saveSample: {
    input: z.object({
      ...FlowPath,
      ref: SampleRefSchema,
      payload: JsonValueSchema,
      create: z.boolean().default(false),
    }),
    output: Empty,
  },
  /** Copies a sample (default name "<name> copy"). */
  duplicateSample: {
    input: z.object({ ...FlowPath, ref: SampleRefSchema, newName: z.string().optional() }),
    output: z.object({ ref: SampleRefSchema }),
  },
  renameSample: {
    input: z.object({ ...FlowPath, ref: SampleRefSchema, newName: z.string().min(1) }),
    output: z.object({ ref: SampleRefSchema }),
  },
  deleteSample: { input: z.object({ ...FlowPath, ref: SampleRefSchema }), output: Empty },
  /**
   * Fetches 3dcart orders by id through the connector from an environment's store and saves them as
   * a new sample; `anonymise` replaces names, e-mails, phones and addresses by consistent fakes.
   */
  captureSample: {
    input: z.object({
      ...FlowPath,
      ref: SampleRefSchema,
      orderIds: z.array(z.number().int().positive()).min(1),
      environment: z.string().default('sandbox'),
      credentialId: z.string().default('threedcart-store'),
      anonymise: z.boolean().default(true),
    }),
    output: z.object({ ref: SampleRefSchema, orders: z.number().int() }),
  },
  /**
   * The JSON Schema samples of this flow must meet (the trigger's source record, one or a list), for
   * the sample editor's validation; null when the trigger takes any JSON.
   */
  sampleSchema: {
    input: z.object({ document: FlowDocumentSchema, triggerNodeId: z.string().optional() }),
    output: z.object({
      schemaId: z.string().nullable(),
      jsonSchema: z.record(z.string(), z.unknown()).nullable(),
    }),
  },
  /**
   * Checks a sample against the trigger's source record schema (one record or a list): every
   * problem with its path and a message naming the field, the limit and the value.
   */
  checkSample: {
    input: z.object({
      document: FlowDocumentSchema,
      payload: JsonValueSchema,
      triggerNodeId: z.string().optional(),
    }),
    output: z.object({
      schemaId: z.string().nullable(),
      problems: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  },
  /** `dry-run`, `sandbox` and the workspace's `environments/*.json`. */
  listEnvironments: { input: Empty, output: z.object({ environments: z.array(EnvironmentInfoSchema) }) },
  /**
   * Starts a test run of the flow (as it is in the editor) on samples, one after another, each run
   * recorded in the run history. Poll `getTestRun` for progress; `cancelTestRun` stops it.
   * `pinned` replaces nodes' outputs; `startAt` runs a node and what follows on the outputs of a
   * recorded run (`fromRunId`) for the nodes before it.
   */
  startTestRun: {
    input: z.object({
      ...FlowPath,
      document: FlowDocumentSchema,
      samples: z.array(SampleRefSchema).min(1),
      environment: z.string().default('dry-run'),
      pinned: z.record(z.string(), PortItemsSchema).default({}),
      startAt: z.object({ nodeId: z.string(), fromRunId: z.string() }).optional(),
    }),
    output: z.object({ testRunId: z.string(), total: z.number().int() }),
  },
  getTestRun: { input: z.object({ testRunId: z.string() }), output: TestRunStateSchema },
  cancelTestRun: { input: z.object({ testRunId: z.string() }), output: Empty },
  /** Recorded runs of a flow, newest first, optionally of one sample. */
  listRuns: {
    input: z.object({
      flowId: z.string(),
      sampleName: z.string().optional(),
      limit: z.number().int().positive().default(50),
    }),
    output: z.object({ runs: z.array(DesignerRunRecordSchema) }),
  },
  /** A recorded run with its full trace. */
  getRun: { input: z.object({ runId: z.string() }), output: DesignerRunDetailSchema },
  /** What changed in each node's output between two recorded runs. */
  diffRuns: { input: z.object({ leftRunId: z.string(), rightRunId: z.string() }), output: RunDiffSchema },
} as const;

export type SampleRef = z.infer<typeof SampleRefSchema>;
export type SampleSet = z.infer<typeof SampleSetSchema>;
export type EnvironmentInfo = z.infer<typeof EnvironmentInfoSchema>;
export type TestRunState = z.infer<typeof TestRunStateSchema>;
export type DesignerRunRecord = z.infer<typeof DesignerRunRecordSchema>;
export type DesignerRunDetail = z.infer<typeof DesignerRunDetailSchema>;
export type RunDiff = z.infer<typeof RunDiffSchema>;
export type NodeSummary = z.infer<typeof NodeSummarySchema>;
