import { useShallow } from 'zustand/react/shallow';
import { type DesignerState, isDirty, useDesignerStore } from '../state/designer.store.ts';

const selectStatus = (state: DesignerState) => ({
  path: state.path,
  dirty: isDirty(state),
  nodes: state.document.nodes.length,
  errors: state.problems.filter((problem) => problem.severity === 'error').length,
  warnings: state.problems.filter((problem) => problem.severity === 'warning').length,
  notice: state.notice,
});

/** File, unsaved marker, counts and the last message. */
export function StatusBar() {
  const status = useDesignerStore(useShallow(selectStatus));
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span data-testid="status-file">
        {status.path ?? 'Unsaved flow'}
        {status.dirty ? <span title="Unsaved changes"> ●</span> : null}
      </span>
      <span>{status.nodes} nodes</span>
      <span className={status.errors > 0 ? 'status-error' : ''}>
        {status.errors} errors, {status.warnings} warnings
      </span>
      <span className="spacer" />
      {status.notice ? (
        <span className={`notice notice-${status.notice.kind}`} role="status" data-testid="notice">
          {status.notice.text}
        </span>
      ) : null}
    </footer>
  );
}
