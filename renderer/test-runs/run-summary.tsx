import type { TestRunState } from '../../engine/contract/flow-api-test-runs.ts';
import { formatDuration } from './test-run-view.ts';
import { cancelTestRun, showRun, useTestRunsStore } from './test-runs.store.ts';

/** Progress while a test run goes, then each sample's result and the per-node summary. */
export function RunSummary({ state }: { state: TestRunState }) {
  const shown = useTestRunsStore((store) => store.run?.id);
  return (
    <div className="run-summary">
      <div className="run-progress" data-testid="run-progress">
        <progress max={state.total} value={state.completed} /> {state.completed}/{state.total} in{' '}
        {state.environment}
        {state.dryRun ? ' (writes intercepted)' : ''}
        {state.done ? null : (
          <button type="button" onClick={() => void cancelTestRun()}>
            Cancel
          </button>
        )}
      </div>
      <ul className="sample-runs">
        {state.runs.map((run) => (
          <li key={run.runId}>
            <button
              type="button"
              className={run.runId === shown ? 'selected' : ''}
              onClick={() => void showRun(run.runId)}
            >
              <span className={`status status-${run.status}`}>{run.status}</span> {run.sample}
            </button>
          </li>
        ))}
        {state.notRun.map((sample) => (
          <li key={sample} className="muted">
            not run: {sample}
          </li>
        ))}
      </ul>
      {state.summary && state.total > 1 ? (
        <table className="node-summary" aria-label="Per-node summary">
          <thead>
            <tr>
              <th>node</th>
              <th>ok</th>
              <th>exception</th>
              <th>error</th>
              <th>skipped</th>
              <th>items in → out</th>
              <th>time</th>
            </tr>
          </thead>
          <tbody>
            {state.summary.nodes.map((node) => (
              <tr key={node.nodeId}>
                <td>{node.nodeName}</td>
                <td>{node.outcomes.ok}</td>
                <td>{node.outcomes.exception}</td>
                <td>{node.outcomes.error}</td>
                <td>{node.outcomes.skipped}</td>
                <td>
                  {node.itemsIn} → {node.itemsOut}
                </td>
                <td>{formatDuration(node.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
