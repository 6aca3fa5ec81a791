import type { FlowNode } from '../contract/flow-document.ts';
import type { FlowProblem } from '../contract/problems.ts';

/** Codes of the semantic problems {@link validateFlow} reports (shape problems use FLOW_INVALID). */
export const FLOW_PROBLEM_CODES = [
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

export type FlowProblemCode = (typeof FLOW_PROBLEM_CODES)[number];

/** A problem, with the node it is about when there is one. */
export function flowProblem(
  code: FlowProblemCode,
  path: string,
  message: string,
  about: { node?: FlowNode; parameter?: string; severity?: FlowProblem['severity'] } = {},
): FlowProblem {
  const problem: FlowProblem = { severity: about.severity ?? 'error', code, path, message };
  if (about.node) {
    problem.nodeId = about.node.id;
    problem.nodeName = about.node.name;
  }
  if (about.parameter !== undefined && about.parameter !== '') problem.parameter = about.parameter;
  return problem;
}

/** A node as a message names it: by its display name, which is what users see on the canvas. */
export function nodeLabel(node: FlowNode): string {
  return JSON.stringify(node.name);
}
