import { create } from 'zustand';

export type Theme = 'light' | 'dark';

/** Dialogs the shell can show. */
export type DialogKind = 'open' | 'saveAs' | 'templates' | 'credentials' | undefined;

/** Layout state of the shell: theme, open dialog, bottom tab, full-screen node editor. */
export interface UiState {
  theme: Theme;
  dialog: DialogKind;
  bottomTab: string;
  bottomOpen: boolean;
  /** Node whose full-screen editor (e.g. mapping) is open. */
  editorNodeId: string | undefined;
  /**
   * Minimap: `auto` shows it for flows up to {@link LARGE_FLOW_NODES} nodes — redrawing hundreds
   * of minimap nodes on every frame halves the frame rate while panning large flows.
   */
  minimap: 'auto' | 'on' | 'off';
}

/**
 * Flows above this many nodes are drawn for speed: no minimap unless the user turns it on, and
 * nodes as blocks when zoomed far out (flow-canvas.tsx). Smaller flows keep every detail.
 */
export const LARGE_FLOW_NODES = 150;

const THEME_KEY = 'bridgeflow.theme';

function initialTheme(): Theme {
  const stored = localStorage.getItem(THEME_KEY);
  if (stored === 'light' || stored === 'dark') return stored;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const useUiStore = create<UiState>(() => ({
  theme: initialTheme(),
  dialog: undefined,
  bottomTab: 'problems',
  bottomOpen: true,
  editorNodeId: undefined,
  minimap: 'auto',
}));

export function toggleTheme(): void {
  const theme = useUiStore.getState().theme === 'dark' ? 'light' : 'dark';
  localStorage.setItem(THEME_KEY, theme);
  useUiStore.setState({ theme });
}

export function openDialog(dialog: DialogKind): void {
  useUiStore.setState({ dialog });
}

export function showBottomTab(bottomTab: string): void {
  useUiStore.setState({ bottomTab, bottomOpen: true });
}

export function toggleBottomPanel(): void {
  useUiStore.setState((state) => ({ bottomOpen: !state.bottomOpen }));
}

export function openNodeEditor(nodeId: string | undefined): void {
  useUiStore.setState({ editorNodeId: nodeId });
}

/** Shows or hides the minimap (from `auto`, the opposite of what auto shows for this flow). */
export function toggleMinimap(nodeCount: number): void {
  const shown = isMinimapShown(useUiStore.getState().minimap, nodeCount);
  useUiStore.setState({ minimap: shown ? 'off' : 'on' });
}

export function isMinimapShown(setting: UiState['minimap'], nodeCount: number): boolean {
  return setting === 'on' || (setting === 'auto' && nodeCount <= LARGE_FLOW_NODES);
}
