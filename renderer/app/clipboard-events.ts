import { copySelection, deleteSelectionAction, pasteText } from './designer-actions.ts';

/** True while the user types in a field, where copy/paste and shortcuts belong to the field. */
export function isEditingText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('.monaco-editor') !== null
  );
}

/** Copy, cut and paste of canvas nodes through the browser's clipboard events. */
export function listenToClipboard(): () => void {
  const onCopy = (event: ClipboardEvent) => {
    if (isEditingText(event.target)) return;
    const text = copySelection();
    if (text === undefined) return;
    event.clipboardData?.setData('text/plain', text);
    event.preventDefault();
  };
  const onCut = (event: ClipboardEvent) => {
    onCopy(event);
    if (event.defaultPrevented) deleteSelectionAction();
  };
  const onPaste = (event: ClipboardEvent) => {
    if (isEditingText(event.target)) return;
    event.preventDefault();
    pasteText(event.clipboardData?.getData('text/plain') ?? '');
  };
  document.addEventListener('copy', onCopy);
  document.addEventListener('cut', onCut);
  document.addEventListener('paste', onPaste);
  return () => {
    document.removeEventListener('copy', onCopy);
    document.removeEventListener('cut', onCut);
    document.removeEventListener('paste', onPaste);
  };
}
