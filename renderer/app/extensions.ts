import type { ComponentType } from 'react';

/**
 * How the mapping editor, the test-run panel and later features plug into the designer shell
 * without editing it: each area exports one DesignerExtension and is listed in
 * {@link DESIGNER_EXTENSIONS} (renderer/app/designer-extensions.ts).
 */
export interface DesignerExtension {
  id: string;
  /** Tabs of the bottom panel, after "Problems". */
  bottomTabs?: readonly BottomTab[];
  /** Drawn inside every canvas node under its summary (e.g. the last test run's result). */
  NodeBadge?: ComponentType<{ nodeId: string }>;
  /**
   * Full-screen editors for node types (the mapping editor for `core.mapping`): the inspector
   * shows an "Open editor" button for such nodes, and double-clicking the node opens it too.
   */
  nodeEditors?: readonly NodeEditor[];
  /** Buttons or menus added to the end of the toolbar. */
  ToolbarItems?: ComponentType;
  /** Extra sections at the end of the inspector for the selected node. */
  InspectorSection?: ComponentType<{ nodeId: string }>;
}

export interface BottomTab {
  id: string;
  title: string;
  Component: ComponentType;
}

export interface NodeEditor {
  /** Node type key, e.g. `core.mapping`. */
  nodeType: string;
  title: string;
  Component: ComponentType<{ nodeId: string; onClose: () => void }>;
}
