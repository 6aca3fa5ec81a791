import { z } from 'zod';

/** One thing wrong with a flow, phrased so that a user can act on it. */
export const FlowProblemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  /** Stable problem code, e.g. `UNKNOWN_NODE_TYPE`, `EDGE_UNKNOWN_PORT`. */
  code: z.string(),
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
