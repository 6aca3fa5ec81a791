import { create } from 'zustand';

export type Theme = 'light' | 'dark';

/** Dialogs the shell can show. */
export type DialogKind = 'open' | 'saveAs' | 'templates' | undefined;

/** Layout state of the shell: theme, open dialog, bottom tab, full-screen node editor. */
export interface UiState {
  theme: Theme;
  dialog: DialogKind;
  bottomTab: string;
  bottomOpen: boolean;
  /** Node whose full-screen editor (e.g. mapping) is open. */
  editorNodeId: string | undefined;
}

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
