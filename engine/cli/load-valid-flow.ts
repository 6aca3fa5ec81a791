import type { FlowDocument } from '../contract/flow-document.ts';
import type { FlowProblem } from '../contract/problems.ts';
import { loadFlowFile } from '../flow/load-flow.ts';
import { problemsToText, validateFlow } from '../flow/validate-flow.ts';
import type { NodeRegistry } from '../nodes/registry.ts';

/** A flow file read and checked: the document when it has no errors, and every problem found. */
export interface CheckedFlow {
  document?: FlowDocument;
  problems: FlowProblem[];
  migratedFrom?: number;
}

/** Reads, migrates, parses and validates a flow file. File errors throw BridgeflowError. */
export async function loadValidFlow(path: string, registry: NodeRegistry): Promise<CheckedFlow> {
  const parsed = await loadFlowFile(path);
  const problems = [...parsed.problems];
  if (parsed.document) problems.push(...validateFlow(parsed.document, registry));
  const hasErrors = problems.some((problem) => problem.severity === 'error');
  return {
    ...(parsed.document && !hasErrors ? { document: parsed.document } : {}),
    problems,
    ...(parsed.migratedFrom !== undefined ? { migratedFrom: parsed.migratedFrom } : {}),
  };
}

/** Problems as lines for a terminal, errors first. */
export function describeProblems(problems: readonly FlowProblem[]): string {
  const ordered = [...problems].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  return `${problemsToText(ordered)}\n`;
}
