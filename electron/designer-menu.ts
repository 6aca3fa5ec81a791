import type { MenuItemConstructorOptions } from 'electron';
import type { DesignerCommand } from '../engine/contract/flow-api.ts';

/** What the menu's items do; commands go to the designer, the rest is done by the main process. */
export interface MenuActions {
  /** Sends a command to the designer on the command channel. */
  send(command: DesignerCommand): void;
  /** Native folder dialog, then the designer reopens on the chosen workspace. */
  openWorkspace(): void;
  /** Native dialogs: a saved flow in, a bundle file out. */
  exportBundle(): void;
}

/** Facts about the running app that change the menu. */
export interface MenuEnvironment {
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

/**
 * A menu item that asks the designer to run one of its actions. The keys are those of the
 * designer's own shortcut table (renderer/app/shortcuts.ts), shown here but not registered
 * (`registerAccelerator: false`, Windows and Linux): the key press then still reaches the page,
 * whose handler knows when a text field should keep it (undo while typing). macOS always
 * registers menu keys; there the command arrives instead and the designer makes the same choice.
 */
function command(
  label: string,
  name: DesignerCommand,
  accelerator: string | undefined,
  actions: MenuActions,
): MenuItemConstructorOptions {
  return {
    id: `command:${name}`,
    label,
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    click: () => actions.send(name),
  };
}

/** File, Edit, View (and the macOS app and Window menus) of the designer window. */
export function designerMenuTemplate(
  actions: MenuActions,
  environment: MenuEnvironment,
): MenuItemConstructorOptions[] {
  const isMac = environment.platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('New Flow', 'newFlow', 'CmdOrCtrl+Alt+N', actions),
      command('New from Template…', 'templates', 'CmdOrCtrl+Shift+T', actions),
      command('Open…', 'open', 'CmdOrCtrl+O', actions),
      { id: 'openWorkspace', label: 'Open Workspace…', click: () => actions.openWorkspace() },
      command('Credentials…', 'credentials', 'CmdOrCtrl+Shift+K', actions),
      { type: 'separator' },
      command('Save', 'save', 'CmdOrCtrl+S', actions),
      command('Save As…', 'saveAs', 'CmdOrCtrl+Shift+S', actions),
      { type: 'separator' },
      { id: 'exportBundle', label: 'Export Bundle…', click: () => actions.exportBundle() },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      command('Undo', 'undo', 'CmdOrCtrl+Z', actions),
      command('Redo', 'redo', 'CmdOrCtrl+Shift+Z', actions),
      { type: 'separator' },
      // Chromium's own clipboard commands: they raise the page's copy/cut/paste events, which carry
      // the system clipboard's data without a permission prompt (renderer/app/clipboard-events.ts).
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      command('Select All', 'selectAll', 'CmdOrCtrl+A', actions),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      command('Zoom to Fit', 'fitView', 'Shift+1', actions),
      command('Auto-Layout', 'autoLayout', 'CmdOrCtrl+Shift+L', actions),
      command('Toggle Bottom Panel', 'togglePanel', 'CmdOrCtrl+J', actions),
      command('Toggle Dark Theme', 'toggleTheme', 'CmdOrCtrl+Shift+D', actions),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      // Developer tools would let anyone at the keyboard run code with the page's bridge.
      ...(environment.isPackaged
        ? []
        : [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const]),
    ],
  };
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    edit,
    view,
    ...(isMac ? [{ role: 'windowMenu' } as const] : []),
  ];
}
