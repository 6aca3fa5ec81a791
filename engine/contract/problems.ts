import { z } from 'zod';

/**
 * Codes of flow problems: shape and syntax problems found while loading (`FLOW_INVALID`,
 * `FLOW_PARSE_FAILED`, ...), then the semantic ones validation finds.
 */
export const FLOW_PROBLEM_CODES = [
  'FLOW_PARSE_FAILED',
  'FLOW_INVALID',
  'FLOW_SCHEMA_UNSUPPORTED',
  'FLOW_MIGRATION_FAILED',
  'DUPLICATE_NODE_ID',
  'DUPLICATE_NODE_NAME',
  'DUPLICATE_EDGE_ID',
  'UNKNOWN_NODE_TYPE',
  'UNKNOWN_NODE_VERSION',
  'NODE_PARAMETERS_INVALID',
  'EDGE_UNKNOWN_NODE',
  'EDGE_UNKNOWN_PORT',
  'EDGE_INTO_TRIGGER',
  'FLOW_CYCLE',
  'FLOW_NO_TRIGGER',
] as const;

/** One of {@link FLOW_PROBLEM_CODES}. */
export type FlowProblemCode = (typeof FLOW_PROBLEM_CODES)[number];

/** One thing wrong with a flow, phrased so that a user can act on it. */
export const FlowProblemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  /** Stable problem code, e.g. `UNKNOWN_NODE_TYPE`, `EDGE_UNKNOWN_PORT`. */
  code: z.enum(FLOW_PROBLEM_CODES),
  /** JSON path in the flow document, e.g. `nodes[2].parameters.url`. */
  path: z.string(),
  /** The node the problem is about. */
  nodeId: z.string().optional(),
  nodeName: z.string().optional(),
  /** The parameter (dotted path inside `parameters`) the problem is about. */
  parameter: z.string().optional(),
  message: z.string(),
});

/** One thing wrong with a flow. */
export type FlowProblem = z.infer<typeof FlowProblemSchema>;
