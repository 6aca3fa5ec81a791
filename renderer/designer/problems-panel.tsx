import { type DesignerState, focusField, useDesignerStore } from '../state/designer.store.ts';

const selectProblems = (state: DesignerState) => state.problems;

/** The engine's validation of the open flow; clicking a problem selects the node and its field. */
export function ProblemsPanel() {
  const problems = useDesignerStore(selectProblems);
  if (problems.length === 0) return <p className="muted panel-empty">No problems.</p>;
  return (
    <ul className="problems" aria-label="Problems">
      {problems.map((problem) => (
        <li key={`${problem.code}|${problem.path}|${problem.message}`}>
          <button
            type="button"
            className={`problem problem-${problem.severity}`}
            disabled={problem.nodeId === undefined}
            onClick={() => problem.nodeId && focusField(problem.nodeId, problem.parameter)}
          >
            <span className="problem-severity">{problem.severity === 'error' ? '✖' : '⚠'}</span>
            <span className="problem-node">{problem.nodeName ?? 'Flow'}</span>
            <span className="problem-message">{problem.message}</span>
            <code className="problem-path">{problem.path}</code>
          </button>
        </li>
      ))}
    </ul>
  );
}
