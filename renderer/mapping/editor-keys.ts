import type { KeyboardEvent } from 'react';
import type { Mapping } from '../../engine/contract/mapping-document.ts';
import { redoEdit, undoEdit } from '../state/designer.store.ts';
import {
  commitMapping,
  refreshPreview,
  refreshSuggestions,
  selectTarget,
  useMappingEditor,
} from './mapping-editor.store.ts';
import { findField, removeField } from './mapping-edits.ts';

function typing(target: EventTarget): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('.monaco-editor') !== null
  );
}

/**
 * Keys of the mapping editor, handled here and not passed on to the designer: Ctrl+Z / Ctrl+Shift+Z
 * (or Ctrl+Y) undo and redo mapping edits (the designer's history, so the canvas agrees), Delete
 * removes the selected field's mapping, Escape closes the editor. Text boxes and Monaco keep their
 * own undo and Delete.
 */
export function onEditorKey(event: KeyboardEvent, mapping: Mapping, close: () => void): void {
  if (typing(event.target)) return;
  const control = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  let handled = true;
  if (control && key === 'z' && !event.shiftKey) undoEdit();
  else if (control && ((key === 'z' && event.shiftKey) || key === 'y')) redoEdit();
  else if (key === 'delete' || key === 'backspace') {
    const target = useMappingEditor.getState().selectedTarget;
    if (target && findField(mapping, target)) commitMapping(removeField(mapping, target));
    else handled = false;
  } else if (key === 'escape') {
    selectTarget(undefined);
    close();
  } else handled = false;
  if (!handled) return;
  event.preventDefault();
  event.stopPropagation();
  if (control) void refreshPreview().then(refreshSuggestions);
}
