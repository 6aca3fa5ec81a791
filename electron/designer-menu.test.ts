import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { DesignerCommandSchema } from '../engine/contract/flow-api.ts';
import { designerMenuTemplate, type MenuActions } from './designer-menu.ts';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function menu(environment = { isPackaged: true, platform: 'linux' as NodeJS.Platform }) {
  const actions = { send: vi.fn(), openWorkspace: vi.fn(), exportBundle: vi.fn() } satisfies MenuActions;
  const all = items(designerMenuTemplate(actions, environment));
  const click = (id: string) => {
    const item = all.find((candidate) => candidate.id === id);
    if (!item?.click) throw new Error(`no clickable menu item ${id}`);
    // Electron passes the item, window and keyboard event; the designer's items use none of them.
    (item.click as () => void)();
  };
  return { actions, all, click };
}

describe('designer menu', () => {
  it('has File, Edit and View with the designer commands', () => {
    const { all } = menu();
    expect(all.filter((item) => item.submenu).map((item) => item.label)).toEqual(['&File', '&Edit', '&View']);
    expect(all.map((item) => item.label).filter(Boolean)).toEqual(
      expect.arrayContaining([
        'New Flow',
        'Open…',
        'Open Workspace…',
        'Credentials…',
        'Save',
        'Save As…',
        'Export Bundle…',
      ]),
    );
    expect(all.map((item) => item.role).filter(Boolean)).toEqual(
      expect.arrayContaining(['cut', 'copy', 'paste', 'zoomIn', 'zoomOut', 'resetZoom']),
    );
  });

  it('each command item sends its own command and nothing else', () => {
    const { actions, click } = menu();
    for (const command of DesignerCommandSchema.options) {
      actions.send.mockClear();
      click(`command:${command}`);
      expect(actions.send.mock.calls).toEqual([[command]]);
    }
  });

  it('Save sends save, Toggle Dark Theme sends toggleTheme; shortcuts shown but left to the page', () => {
    const { actions, all, click } = menu();
    click('command:save');
    click('command:toggleTheme');
    expect(actions.send.mock.calls).toEqual([['save'], ['toggleTheme']]);
    const save = all.find((item) => item.id === 'command:save');
    expect(save).toMatchObject({ label: 'Save', accelerator: 'CmdOrCtrl+S', registerAccelerator: false });
  });

  it('Open Workspace and Export Bundle run in the main process', () => {
    const { actions, click } = menu();
    click('openWorkspace');
    click('exportBundle');
    expect(actions.openWorkspace).toHaveBeenCalledTimes(1);
    expect(actions.exportBundle).toHaveBeenCalledTimes(1);
    expect(actions.send).not.toHaveBeenCalled();
  });

  it('offers developer tools only when not packaged', () => {
    const packaged = menu({ isPackaged: true, platform: 'win32' }).all.map((item) => item.role);
    const development = menu({ isPackaged: false, platform: 'win32' }).all.map((item) => item.role);
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(development).toContain('toggleDevTools');
  });

  it('follows macOS conventions there: app menu first, no Quit in File', () => {
    const mac = designerMenuTemplate(
      { send: vi.fn(), openWorkspace: vi.fn(), exportBundle: vi.fn() },
      { isPackaged: true, platform: 'darwin' },
    );
    expect(mac[0]?.role).toBe('appMenu');
    expect(items(mac).filter((item) => item.role === 'quit')).toEqual([]);
  });
});
