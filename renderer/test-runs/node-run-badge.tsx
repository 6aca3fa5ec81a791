import { badgeOutcome, badgeText, nodeTraceOf } from './test-run-view.ts';
import { type TestRunsState, useTestRunsStore } from './test-runs.store.ts';

const selectNode = (nodeId: string) => (state: TestRunsState) => nodeTraceOf(state.run?.trace, nodeId);
const selectPinned = (nodeId: string) => (state: TestRunsState) => state.pins[nodeId] !== undefined;

/** The shown run's result on a canvas node: outcome, items in → out, time; and a pin mark. */
export function NodeRunBadge({ nodeId }: { nodeId: string }) {
  const node = useTestRunsStore(selectNode(nodeId));
  const pinned = useTestRunsStore(selectPinned(nodeId));
  if (!node && !pinned) return null;
  return (
    <div className="run-badges">
      {node ? (
        <span className={`run-badge run-${badgeOutcome(node)}`} data-testid="run-badge">
          {badgeText(node)}
        </span>
      ) : null}
      {pinned ? (
        <span
          className="run-badge run-pinned"
          title="Pinned output: later runs use it"
          data-testid="pin-badge"
        >
          📌 pinned
        </span>
      ) : null}
    </div>
  );
}
