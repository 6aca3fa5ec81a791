import { toErrorData } from '../errors/bridgeflow-error.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import { type CliIo, EXIT } from './cli-io.ts';
import { describeProblems, loadValidFlow } from './load-valid-flow.ts';

/** `bridgeflow validate <flow.json>`: every problem with its path and node; exit 2 when invalid. */
export async function validateCommand(path: string, registry: NodeRegistry, io: CliIo): Promise<number> {
  let checked: Awaited<ReturnType<typeof loadValidFlow>>;
  try {
    checked = await loadValidFlow(path, registry);
  } catch (thrown) {
    io.err(`error  ${toErrorData(thrown).message}\n`);
    return EXIT.invalid;
  }
  const errors = checked.problems.filter((problem) => problem.severity === 'error').length;
  const warnings = checked.problems.length - errors;
  if (checked.problems.length > 0) io.err(describeProblems(checked.problems));
  if (!checked.document) {
    io.err(
      `${path}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
    );
    return EXIT.invalid;
  }
  const { nodes, edges } = checked.document;
  const migrated =
    checked.migratedFrom === undefined ? '' : ` (upgraded from schema version ${checked.migratedFrom})`;
  io.out(`${path} is valid: ${nodes.length} nodes, ${edges.length} edges, ${warnings} warnings${migrated}\n`);
  return EXIT.ok;
}
