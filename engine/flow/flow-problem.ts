import type { FlowNode } from '../contract/flow-document.ts';
import type { FlowProblem, FlowProblemCode } from '../contract/problems.ts';

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
