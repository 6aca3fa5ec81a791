import { useDesignerStore } from '../state/designer.store.ts';
import { useUiStore } from '../state/ui.store.ts';
import { DESIGNER_ACTIONS } from './designer-actions.ts';
import { DESIGNER_EXTENSIONS } from './designer-extensions.ts';
import { SHORTCUTS, type ShortcutAction, shortcutText } from './shortcuts.ts';

const EXTRA_ITEMS = DESIGNER_EXTENSIONS.flatMap((extension) =>
  extension.ToolbarItems ? [extension.ToolbarItems] : [],
);

function ActionButton({
  action,
  text,
  disabled,
}: {
  action: ShortcutAction;
  text: string;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      className="toolbar-button"
      title={`${SHORTCUTS[action].label} (${shortcutText(action)})`}
      aria-label={SHORTCUTS[action].label}
      disabled={disabled}
      onClick={() => void DESIGNER_ACTIONS[action]()}
    >
      {text}
    </button>
  );
}

/** File, edit and view commands; every one also has a keyboard shortcut. */
export function Toolbar() {
  const canUndo = useDesignerStore((state) => state.history.past.length > 0);
  const canRedo = useDesignerStore((state) => state.history.future.length > 0);
  const name = useDesignerStore((state) => state.document.name);
  const theme = useUiStore((state) => state.theme);
  return (
    <header className="toolbar">
      <span className="brand">Bridgeflow</span>
      <span className="flow-title" data-testid="flow-title" title={name}>
        {name}
      </span>
      <nav className="toolbar-group" aria-label="File">
        <ActionButton action="newFlow" text="New" />
        <ActionButton action="templates" text="Templates" />
        <ActionButton action="open" text="Open" />
        <ActionButton action="save" text="Save" />
        <ActionButton action="saveAs" text="Save as" />
        <ActionButton action="credentials" text="Credentials" />
      </nav>
      <nav className="toolbar-group" aria-label="Edit">
        <ActionButton action="undo" text="↶" disabled={!canUndo} />
        <ActionButton action="redo" text="↷" disabled={!canRedo} />
        <ActionButton action="duplicate" text="Duplicate" />
        <ActionButton action="delete" text="Delete" />
      </nav>
      <nav className="toolbar-group" aria-label="View">
        <ActionButton action="autoLayout" text="Layout" />
        <ActionButton action="fitView" text="Fit" />
        <ActionButton action="toggleMinimap" text="Map" />
        <ActionButton action="toggleTheme" text={theme === 'dark' ? '☀' : '☾'} />
      </nav>
      {EXTRA_ITEMS.map((Item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the extension list is fixed at build time
        <Item key={index} />
      ))}
    </header>
  );
}
