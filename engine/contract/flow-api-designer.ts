import { z } from 'zod';
import { FlowDocumentSchema } from './flow-document.ts';
import { NodeDescriptionSchema } from './node-description.ts';
import { FlowProblemSchema } from './problems.ts';

/** A path inside the workspace, `/`-separated and relative (`orders/to-sage.flow.json`). */
export const WorkspacePathSchema = z
  .string()
  .min(1, 'path is empty')
  .refine(
    (path) => !path.startsWith('/') && !/^[A-Za-z]:/.test(path),
    'path must be relative to the workspace',
  )
  .refine((path) => !path.split(/[\\/]/).includes('..'), 'path must not leave the workspace');

/** A flow file as the designer lists it. */
export const WorkspaceFileSchema = z.object({
  path: WorkspacePathSchema,
  /** File name without folders. */
  name: z.string(),
  /** Last modification, ISO 8601. */
  modified: z.string(),
  size: z.number().int().nonnegative(),
});

/** A template from the gallery (`flows/templates/<id>/`). */
export const TemplateSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** First paragraph of the template's README. */
  description: z.string(),
  nodeCount: z.number().int().nonnegative(),
});

const NoInput = z.object({}).strict().default({});

/** A flow read from disk: the document when its shape is right, and every problem found. */
const OpenedFlowSchema = z.object({
  path: WorkspacePathSchema,
  document: FlowDocumentSchema.optional(),
  problems: z.array(FlowProblemSchema),
  /** The schemaVersion the file had when it was upgraded on load. */
  migratedFrom: z.number().int().optional(),
});

/** Designer methods: node types, flow files, validation, templates. */
export const DESIGNER_METHODS = {
  /** Descriptions of every node type (newest version of each), for the palette and inspector. */
  listNodeTypes: { input: NoInput, output: z.object({ nodeTypes: z.array(NodeDescriptionSchema) }) },
  /** The workspace folder and the flow files in it. */
  listWorkspaceFiles: {
    input: NoInput,
    output: z.object({ workspace: z.string(), files: z.array(WorkspaceFileSchema) }),
  },
  /** Reads and parses a flow file (migrating older schema versions). */
  openFlow: { input: z.object({ path: WorkspacePathSchema }), output: OpenedFlowSchema },
  /**
   * Writes a flow in the engine's stable format. Refuses to overwrite an existing file unless
   * `overwrite` is set (Save As onto an existing name asks first).
   */
  saveFlow: {
    input: z.object({
      path: WorkspacePathSchema,
      document: FlowDocumentSchema,
      overwrite: z.boolean().default(true),
    }),
    output: z.object({
      path: WorkspacePathSchema,
      bytes: z.number().int(),
      problems: z.array(FlowProblemSchema),
    }),
  },
  /** Every problem in a flow: schema, node parameters, edges, cycles. */
  validateFlow: {
    input: z.object({ document: FlowDocumentSchema }),
    output: z.object({ problems: z.array(FlowProblemSchema) }),
  },
  /** The flow as the stable JSON text that would be written. */
  formatFlow: { input: z.object({ document: FlowDocumentSchema }), output: z.object({ text: z.string() }) },
  /** Templates shipped in `flows/templates`. */
  listTemplates: { input: NoInput, output: z.object({ templates: z.array(TemplateSummarySchema) }) },
  /** A template's flow, to start a new flow from. */
  openTemplate: { input: z.object({ id: z.string().min(1) }), output: OpenedFlowSchema },
} as const;

/** A flow file in the workspace. */
export type WorkspaceFile = z.infer<typeof WorkspaceFileSchema>;
/** A template from the gallery. */
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;
