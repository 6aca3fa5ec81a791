import type { FlowNode } from '../contract/flow-document.ts';
import type { FlowProblem } from '../contract/problems.ts';
import type { NodeRegistry, RegisteredNodeType } from '../nodes/registry.ts';
import { flowProblem } from './flow-problem.ts';
import { formatJsonPath, joinJsonPath } from './json-path.ts';
import { describeZodIssues } from './zod-issues.ts';

/**
 * Checks one node against its node type: the type and version exist, the parameters match the
 * type's schema, and the type's own checks pass. Unknown types are reported, never dropped: the
 * node stays in the document so saving the flow keeps it.
 */
export function validateNode(node: FlowNode, index: number, registry: NodeRegistry): FlowProblem[] {
  const path = `nodes[${index}]`;
  const registered = registry.get(node.type, node.typeVersion);
  if (!registered) return [unknownType(node, path, registry)];
  return validateParameters(node, `${path}.parameters`, registered);
}

function unknownType(node: FlowNode, path: string, registry: NodeRegistry): FlowProblem {
  const newest = registry.latest(node.type)?.description.version;
  if (newest === undefined) {
    return flowProblem(
      'UNKNOWN_NODE_TYPE',
      `${path}.type`,
      `Unknown node type "${node.type}": this version of Bridgeflow cannot run it; the node is kept as it is`,
      { node },
    );
  }
  return flowProblem(
    'UNKNOWN_NODE_VERSION',
    `${path}.typeVersion`,
    `Node type "${node.type}" has no version ${node.typeVersion} in this version of Bridgeflow (newest: ${newest})`,
    { node },
  );
}

function validateParameters(node: FlowNode, path: string, registered: RegisteredNodeType): FlowProblem[] {
  const { nodeType } = registered;
  const checked = nodeType.parameters.safeParse(node.parameters);
  if (!checked.success) {
    return describeZodIssues(checked.error.issues, node.parameters, 'parameter').map((finding) => {
      const parameter = formatJsonPath(finding.path);
      return flowProblem('NODE_PARAMETERS_INVALID', joinJsonPath(path, parameter), finding.message, {
        node,
        parameter,
      });
    });
  }
  if (!nodeType.validate) return [];
  let found: ReturnType<NonNullable<typeof nodeType.validate>>;
  try {
    found = nodeType.validate(checked.data);
  } catch (thrown) {
    // A bug in a node type's checks must not hide the flow's other problems.
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    return [
      flowProblem('NODE_PARAMETERS_INVALID', path, `The parameters could not be checked: ${reason}`, {
        node,
      }),
    ];
  }
  return found.map((parameterProblem) =>
    flowProblem(
      'NODE_PARAMETERS_INVALID',
      joinJsonPath(path, parameterProblem.parameter),
      parameterProblem.message,
      {
        node,
        parameter: parameterProblem.parameter,
      },
    ),
  );
}
