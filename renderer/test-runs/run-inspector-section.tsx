import { nodeTraceOf } from './test-run-view.ts';
import { pinNode, rerun, type TestRunsState, unpinNode, useTestRunsStore } from './test-runs.store.ts';

const selectNode = (nodeId: string) => (state: TestRunsState) => nodeTraceOf(state.run?.trace, nodeId);
const selectPinned = (nodeId: string) => (state: TestRunsState) => state.pins[nodeId] !== undefined;

/** In the inspector: pin the node's output from the shown run, and run again from this node. */
export function RunInspectorSection({ nodeId }: { nodeId: string }) {
  const node = useTestRunsStore(selectNode(nodeId));
  const pinned = useTestRunsStore(selectPinned(nodeId));
  if (!node && !pinned) return null;
  return (
    <section className="inspector-section run-inspector" aria-label="Test run">
      <h3>Test run</h3>
      <div className="run-inspector-buttons">
        {pinned ? (
          <button type="button" onClick={() => unpinNode(nodeId)}>
            Unpin output
          </button>
        ) : (
          <button type="button" disabled={!node?.outputs} onClick={() => pinNode(nodeId)}>
            Pin output
          </button>
        )}
        <button type="button" disabled={!node} onClick={() => void rerun(nodeId)}>
          Run from here
        </button>
        <button type="button" onClick={() => void rerun()}>
          Re-run sample
        </button>
      </div>
    </section>
  );
}
