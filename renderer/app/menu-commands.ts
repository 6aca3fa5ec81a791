import type { DesignerCommand } from '../../engine/contract/flow-api.ts';
import { useUiStore } from '../state/ui.store.ts';
import { isEditingText } from './clipboard-events.ts';
import { DESIGNER_ACTIONS } from './designer-actions.ts';
import { ALWAYS_AVAILABLE_ACTIONS } from './shortcuts.ts';

/** What each native menu command does: the designer action of the same name. */
const MENU_ACTIONS: Record<DesignerCommand, () => void | Promise<void>> = {
  newFlow: DESIGNER_ACTIONS.newFlow,
  open: DESIGNER_ACTIONS.open,
  save: DESIGNER_ACTIONS.save,
  saveAs: DESIGNER_ACTIONS.saveAs,
  templates: DESIGNER_ACTIONS.templates,
  undo: DESIGNER_ACTIONS.undo,
  redo: DESIGNER_ACTIONS.redo,
  selectAll: DESIGNER_ACTIONS.selectAll,
  fitView: DESIGNER_ACTIONS.fitView,
  autoLayout: DESIGNER_ACTIONS.autoLayout,
  togglePanel: DESIGNER_ACTIONS.togglePanel,
  toggleTheme: DESIGNER_ACTIONS.toggleTheme,
  credentials: DESIGNER_ACTIONS.credentials,
};

/** Runs one menu command; Undo, Redo and Select All act on the focused text field when there is one. */
export function runMenuCommand(command: DesignerCommand): void {
  if (isTextCommand(command) && isEditingText(document.activeElement)) {
    // Chromium still implements these editing commands for inputs, textareas and Monaco's textarea.
    document.execCommand(command);
    return;
  }
  const { dialog, editorNodeId } = useUiStore.getState();
  if ((dialog !== undefined || editorNodeId !== undefined) && !ALWAYS_AVAILABLE_ACTIONS.has(command)) return;
  void MENU_ACTIONS[command]();
}

function isTextCommand(command: DesignerCommand): command is 'undo' | 'redo' | 'selectAll' {
  return command === 'undo' || command === 'redo' || command === 'selectAll';
}

/** Listens to the desktop app's menus (electron/preload.ts); in a browser there are none. */
export function listenToMenuCommands(): () => void {
  return window.bridgeflow?.onCommand?.(runMenuCommand) ?? (() => {});
}
