import type { DesignerExtension } from '../app/extensions.ts';
import { NodeRunBadge } from './node-run-badge.tsx';
import { RunHistoryPanel } from './run-history-panel.tsx';
import { RunInspectorSection } from './run-inspector-section.tsx';
import { RunToolbar } from './run-toolbar.tsx';
import { TestRunPanel } from './test-run-panel.tsx';

/** Test runs on samples: panel, history, node badges, environment picker and pinning. */
export const TEST_RUNS_EXTENSION: DesignerExtension = {
  id: 'test-runs',
  bottomTabs: [
    { id: 'test-runs', title: 'Test runs', Component: TestRunPanel },
    { id: 'run-history', title: 'Run history', Component: RunHistoryPanel },
  ],
  NodeBadge: NodeRunBadge,
  ToolbarItems: RunToolbar,
  InspectorSection: RunInspectorSection,
};
