import { useEffect } from 'react';
import type { RunDiff } from '../../engine/contract/flow-api-test-runs.ts';
import type { JsonValue } from '../../engine/contract/flow-document.ts';
import { type DesignerState, useDesignerStore } from '../state/designer.store.ts';
import { formatDuration } from './test-run-view.ts';
import { diffChosenRuns, loadHistory, showRun, toggleCompare, useTestRunsStore } from './test-runs.store.ts';

const selectFlowId = (state: DesignerState) => state.document.id;

/** The "Run history" tab: the flow's recorded runs (kept across restarts) and a diff of two of them. */
export function RunHistoryPanel() {
  const flowId = useDesignerStore(selectFlowId);
  const { history, compare, diff } = useTestRunsStore();
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when another flow is opened
  useEffect(() => {
    void loadHistory();
  }, [flowId]);
  return (
    <div className="run-history">
      <div className="history-list">
        <div className="history-actions">
          <button type="button" disabled={compare.length !== 2} onClick={() => void diffChosenRuns()}>
            Diff the two chosen runs
          </button>
        </div>
        <table aria-label="Run history">
          <tbody>
            {history.map((run) => (
              <tr key={run.id} data-testid={`history-${run.id}`}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Compare run of ${run.sampleName} at ${run.startedAt}`}
                    checked={compare.includes(run.id)}
                    onChange={() => toggleCompare(run.id)}
                  />
                </td>
                <td>
                  <button type="button" className="link-button" onClick={() => void showRun(run.id)}>
                    {run.sampleName}
                  </button>
                </td>
                <td className={`status status-${run.status}`}>{run.status}</td>
                <td>{run.environment}</td>
                <td className="muted">{new Date(run.startedAt).toLocaleTimeString()}</td>
                <td className="muted">{formatDuration(run.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {history.length === 0 ? <p className="muted small">No runs of this flow yet.</p> : null}
      </div>
      {diff ? <RunDiffView diff={diff} /> : null}
    </div>
  );
}

function show(value: JsonValue | undefined): string {
  return value === undefined ? '' : JSON.stringify(value);
}

/** Side by side: each changed node, each changed value with its path, before on the left, after on the right. */
function RunDiffView({ diff }: { diff: RunDiff }) {
  const changed = diff.nodes.filter((node) => node.status !== 'same');
  return (
    <section className="run-diff" aria-label="Run diff">
      <p className="small">
        {diff.changedNodes === 0
          ? 'The two runs produced the same output.'
          : `${diff.changedNodes} node(s) differ.`}
      </p>
      {changed.map((node) => (
        <section key={node.nodeId}>
          <h4>
            {node.nodeName}{' '}
            {node.status === 'changed' ? null : (
              <span className="muted">
                ({node.status === 'onlyLeft' ? 'left run only' : 'right run only'})
              </span>
            )}
          </h4>
          <table className="diff-table">
            <thead>
              <tr>
                <th>path</th>
                <th>left</th>
                <th>right</th>
              </tr>
            </thead>
            <tbody>
              {node.changes.map((change) => (
                <tr key={`${change.path}-${change.kind}`} className={`diff-${change.kind}`}>
                  <td>
                    <code>{change.path}</code>
                  </td>
                  <td>{show(change.before)}</td>
                  <td>{show(change.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}
