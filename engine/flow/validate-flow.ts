import type { FlowDocument, FlowEdge, FlowNode } from '../contract/flow-document.ts';
import type { FlowProblem } from '../contract/problems.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import { flowProblem } from './flow-problem.ts';
import { validateCycles, validateEdges } from './validate-edges.ts';
import { validateNode } from './validate-nodes.ts';

/**
 * Everything semantically wrong with a well-shaped flow, all at once so a user can fix the lot in
 * one pass: duplicate ids and names, unknown node types and versions, parameters, edges and their
 * ports, loops, and (as a warning) a missing trigger. Disabled nodes are checked like any other:
 * enabling one must not reveal new problems.
 */
export function validateFlow(document: FlowDocument, registry: NodeRegistry): FlowProblem[] {
  return [
    ...duplicateNodes(document.nodes, 'id'),
    ...duplicateNodes(document.nodes, 'name'),
    ...duplicateEdges(document.edges),
    ...document.nodes.flatMap((node, index) => validateNode(node, index, registry)),
    ...validateEdges(document, registry),
    ...validateCycles(document),
    ...missingTrigger(document, registry),
  ];
}

/** Each use of a value after its first, with the index of that first use. */
function repeats(values: readonly string[]): { index: number; first: number }[] {
  const firstIndex = new Map<string, number>();
  const found: { index: number; first: number }[] = [];
  values.forEach((value, index) => {
    const first = firstIndex.get(value);
    if (first === undefined) firstIndex.set(value, index);
    else found.push({ index, first });
  });
  return found;
}

function duplicateNodes(nodes: readonly FlowNode[], key: 'id' | 'name'): FlowProblem[] {
  const code = key === 'id' ? 'DUPLICATE_NODE_ID' : 'DUPLICATE_NODE_NAME';
  return repeats(nodes.map((node) => node[key])).flatMap(({ index, first }) => {
    const node = nodes[index];
    if (!node) return [];
    const message = `Node ${key} ${JSON.stringify(node[key])} is also used by nodes[${first}]; node ${key}s must be unique`;
    return [flowProblem(code, `nodes[${index}].${key}`, message, { node })];
  });
}

function duplicateEdges(edges: readonly FlowEdge[]): FlowProblem[] {
  return repeats(edges.map((edge) => edge.id)).map(({ index, first }) => {
    const message = `Edge id ${JSON.stringify(edges[index]?.id)} is also used by edges[${first}]; edge ids must be unique`;
    return flowProblem('DUPLICATE_EDGE_ID', `edges[${index}].id`, message);
  });
}

/** Only enabled triggers count: a disabled one starts nothing. */
function missingTrigger(document: FlowDocument, registry: NodeRegistry): FlowProblem[] {
  const hasTrigger = document.nodes.some(
    (node) =>
      node.disabled !== true && registry.get(node.type, node.typeVersion)?.description.trigger === true,
  );
  if (hasTrigger) return [];
  const message =
    'The flow has no enabled trigger node, so nothing starts it once deployed; add a trigger such as a webhook or a schedule';
  return [flowProblem('FLOW_NO_TRIGGER', 'nodes', message, { severity: 'warning' })];
}

/**
 * Problems as text, one per line, for the CLI and logs:
 * `error  nodes[2].parameters.url (node "Fetch order"): Required parameter "url" is missing`.
 */
export function problemsToText(problems: readonly FlowProblem[]): string {
  return problems.map(problemLine).join('\n');
}

function problemLine(problem: FlowProblem): string {
  const node =
    problem.nodeName !== undefined
      ? ` (node ${JSON.stringify(problem.nodeName)})`
      : problem.nodeId !== undefined
        ? ` (node id ${JSON.stringify(problem.nodeId)})`
        : '';
  const location = `${problem.path}${node}`.trim();
  const where = location === '' ? '' : `${location}: `;
  return `${problem.severity}  ${where}${problem.message}`;
}
