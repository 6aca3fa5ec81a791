/**
 * Every keyboard shortcut of the designer in one table: the toolbar's titles, the help and the
 * key handler read it. `mod` is Ctrl, or ⌘ on macOS.
 */
export const SHORTCUTS = {
  newFlow: { keys: 'mod+alt+n', label: 'New flow' },
  open: { keys: 'mod+o', label: 'Open…' },
  save: { keys: 'mod+s', label: 'Save' },
  saveAs: { keys: 'mod+shift+s', label: 'Save as…' },
  templates: { keys: 'mod+shift+t', label: 'New from template…' },
  undo: { keys: 'mod+z', label: 'Undo' },
  redo: { keys: 'mod+shift+z', label: 'Redo' },
  redoAlt: { keys: 'mod+y', label: 'Redo' },
  delete: { keys: 'delete', label: 'Delete selection' },
  deleteAlt: { keys: 'backspace', label: 'Delete selection' },
  selectAll: { keys: 'mod+a', label: 'Select all' },
  copy: { keys: 'mod+c', label: 'Copy' },
  cut: { keys: 'mod+x', label: 'Cut' },
  paste: { keys: 'mod+v', label: 'Paste' },
  duplicate: { keys: 'mod+d', label: 'Duplicate' },
  autoLayout: { keys: 'mod+shift+l', label: 'Auto-layout' },
  fitView: { keys: 'shift+1', label: 'Zoom to fit' },
  togglePanel: { keys: 'mod+j', label: 'Toggle bottom panel' },
  toggleMinimap: { keys: 'mod+shift+m', label: 'Show/hide the minimap' },
  toggleTheme: { keys: 'mod+shift+d', label: 'Light/dark theme' },
  credentials: { keys: 'mod+shift+k', label: 'Credentials…' },
  search: { keys: '/', label: 'Search nodes' },
} as const;

export type ShortcutAction = keyof typeof SHORTCUTS;

/**
 * Actions that act from anywhere — while typing in a field or with a dialog or node editor open —
 * for the keyboard and the desktop menus alike (saving should not depend on where the focus is).
 */
export const ALWAYS_AVAILABLE_ACTIONS: ReadonlySet<string> = new Set([
  'save',
  'saveAs',
  'open',
  'newFlow',
  'templates',
  'toggleTheme',
  'togglePanel',
]);

/** The key combination of an event in the table's notation (`mod+shift+s`). */
export function eventKeys(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): string {
  const parts: string[] = [];
  if (event.ctrlKey || event.metaKey) parts.push('mod');
  if (event.altKey) parts.push('alt');
  if (event.shiftKey) parts.push('shift');
  const key = event.key === '!' ? '1' : event.key.toLowerCase();
  parts.push(key === ' ' ? 'space' : key);
  return parts.join('+');
}

/** The action bound to an event, if any. */
export function shortcutFor(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): ShortcutAction | undefined {
  const keys = eventKeys(event);
  for (const [action, shortcut] of Object.entries(SHORTCUTS)) {
    if (shortcut.keys === keys && isAction(action)) return action;
  }
  return undefined;
}

/** How a shortcut reads in a tooltip (`Ctrl+Shift+S`). */
export function shortcutText(action: ShortcutAction): string {
  return SHORTCUTS[action].keys
    .split('+')
    .map((part) =>
      part === 'mod'
        ? 'Ctrl'
        : part.length === 1
          ? part.toUpperCase()
          : part[0]?.toUpperCase() + part.slice(1),
    )
    .join('+');
}

function isAction(name: string): name is ShortcutAction {
  return Object.hasOwn(SHORTCUTS, name);
}
