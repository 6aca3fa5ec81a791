import { flowApi } from '../api/flow-api.ts';
import { openCredentials } from '../credentials/credentials.store.ts';
import { layoutFlow } from '../state/auto-layout.ts';
import { copyFragment, parseFragment, pasteFragment } from '../state/clipboard-commands.ts';
import {
  edit,
  loadNodeTypes,
  newId,
  redoEdit,
  select,
  showNotice,
  undoEdit,
  useDesignerStore,
} from '../state/designer.store.ts';
import { newFlow, openFlow, save } from '../state/file-actions.ts';
import { moveNodes, removeElements } from '../state/flow-commands.ts';
import { recentFiles } from '../state/recent-files.ts';
import { openDialog, toggleBottomPanel, toggleMinimap, toggleTheme } from '../state/ui.store.ts';
import type { ShortcutAction } from './shortcuts.ts';

const get = useDesignerStore.getState;
const PASTE_OFFSET = { x: 48, y: 48 };

/** Fit-to-view is owned by the canvas (React Flow instance); it registers itself here. */
export const canvasControls: { fitView?: () => void } = {};

/** What each shortcut and toolbar button does. */
export const DESIGNER_ACTIONS: Record<ShortcutAction, () => void | Promise<void>> = {
  newFlow,
  open: () => openDialog('open'),
  save: async () => {
    if (!(await save())) openDialog('saveAs');
  },
  saveAs: () => openDialog('saveAs'),
  templates: () => openDialog('templates'),
  undo: undoEdit,
  redo: redoEdit,
  redoAlt: redoEdit,
  delete: deleteSelection,
  deleteAlt: deleteSelection,
  selectAll: () => {
    const { document } = get();
    select({
      nodeIds: document.nodes.map((node) => node.id),
      edgeIds: document.edges.map((edge) => edge.id),
    });
  },
  // Copy, cut and paste arrive as the browser's clipboard events (see clipboard-events.ts), which
  // carry the clipboard's data without a permission prompt; these entries serve the menus.
  copy: () => void copySelection(),
  cut: () => {
    if (copySelection()) deleteSelection();
  },
  paste: () => pasteText(localStorage.getItem(CLIPBOARD_KEY) ?? ''),
  duplicate: () => {
    const fragment = copyFragment(get().document, get().selection.nodeIds);
    if (fragment) insertFragment(JSON.stringify(fragment));
  },
  autoLayout: async () => {
    const positions = await layoutFlow(get().document);
    edit((document) => moveNodes(document, positions));
    canvasControls.fitView?.();
  },
  fitView: () => canvasControls.fitView?.(),
  togglePanel: toggleBottomPanel,
  toggleMinimap: () => toggleMinimap(get().document.nodes.length),
  toggleTheme,
  credentials: () => openCredentials(),
  search: () => document.querySelector<HTMLInputElement>('.palette-search')?.focus(),
};

function deleteSelection(): void {
  const { nodeIds, edgeIds } = get().selection;
  if (edit((document) => removeElements(document, { nodeIds, edgeIds })))
    select({ nodeIds: [], edgeIds: [] });
}

const CLIPBOARD_KEY = 'bridgeflow.clipboard';

/**
 * Copies the selected nodes as flow JSON; answers the text (also kept in localStorage, which
 * every window of the app shares, so pasting into another flow works without the system clipboard).
 */
export function copySelection(): string | undefined {
  const fragment = copyFragment(get().document, get().selection.nodeIds);
  if (!fragment) return undefined;
  const text = JSON.stringify(fragment, null, 2);
  localStorage.setItem(CLIPBOARD_KEY, text);
  showNotice('info', `Copied ${fragment.nodes.length} node${fragment.nodes.length === 1 ? '' : 's'}`);
  return text;
}

/** Pastes clipboard text when it holds Bridgeflow nodes, else what this app copied last. */
export function pasteText(text: string): void {
  insertFragment(parseFragment(text) ? text : (localStorage.getItem(CLIPBOARD_KEY) ?? ''));
}

export function deleteSelectionAction(): void {
  deleteSelection();
}

function insertFragment(text: string): void {
  const fragment = parseFragment(text);
  if (!fragment) {
    showNotice('error', 'The clipboard holds no Bridgeflow nodes');
    return;
  }
  let pasted: string[] = [];
  edit((document) => {
    const result = pasteFragment(document, fragment, PASTE_OFFSET, newId);
    pasted = result.nodeIds;
    return result.document;
  });
  select({ nodeIds: pasted, edgeIds: [] });
}

/** Loads what the shell needs from the host at start-up. */
export async function startDesigner(): Promise<void> {
  await loadNodeTypes();
  const files = await flowApi().listWorkspaceFiles({});
  if (!files.ok) return showNotice('error', files.error.message);
  // Reopen the flow last worked on, as editors do, when it is still in the workspace.
  const last = recentFiles()[0];
  if (last !== undefined && files.value.files.some((file) => file.path === last)) await openFlow(last);
}
