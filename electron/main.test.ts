import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DESIGNER_COMMAND_CHANNEL, FLOW_API_CHANNEL } from '../engine/contract/flow-api.ts';
import { DESIGNER_CSP } from '../engine/host/web-host.ts';
import { APP_ENTRY_URL, APP_SCHEME } from './app-protocol.ts';
import { writeDesktopSettings } from './desktop-settings.ts';

/** Records `on`/`once` listeners so the test can raise Electron's events. */
type Listener = (...args: unknown[]) => unknown;
const electron = vi.hoisted(() => {
  const emitter = () => {
    const listeners = new Map<string, Listener[]>();
    const on = (name: string, listener: Listener) => {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
    };
    const emit = (name: string, ...args: unknown[]) => {
      for (const listener of listeners.get(name) ?? []) listener(...args);
    };
    return { on, once: on, emit };
  };
  const windows: BrowserWindow[] = [];
  class BrowserWindow {
    readonly options: unknown;
    readonly webContents = { ...emitter(), send: vi.fn(), reload: vi.fn(), setWindowOpenHandler: vi.fn() };
    readonly events = emitter();
    readonly on = this.events.on;
    readonly once = this.events.once;
    readonly loadURL = vi.fn(async (_url: string) => {});
    readonly setTitle = vi.fn();
    readonly show = vi.fn();
    constructor(options: unknown) {
      this.options = options;
      windows.push(this);
    }
  }
  let ready: () => void = () => {};
  const whenReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const app = {
    ...emitter(),
    userData: '',
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: () => whenReady,
    getPath: (name: string) => (name === 'userData' ? app.userData : '/nonexistent'),
    setName: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
  };
  return {
    app,
    ready: () => ready(),
    windows,
    BrowserWindow,
    Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: { webRequest: { onHeadersReceived: vi.fn() }, setPermissionRequestHandler: vi.fn() },
    },
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    dialog: {
      showOpenDialog: vi.fn(),
      showSaveDialog: vi.fn(),
      showMessageBox: vi.fn(),
      showMessageBoxSync: vi.fn(),
      showErrorBox: vi.fn(),
    },
    shell: { openExternal: vi.fn(async () => {}) },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => Buffer.from(text),
      decryptString: (bytes: Buffer) => bytes.toString(),
    },
  };
});
vi.mock('electron', () => electron);

let root: string;
let workspace: string;
/** What start-up did, captured before vitest clears the mocks' calls between tests. */
let started: {
  privileged: unknown[][];
  protocolHandlers: unknown[][];
  headersListener: Listener;
  flowApiChannel: unknown;
  flowApi: Listener;
  menu: MenuItemConstructorOptions[];
  loaded: unknown[][];
};

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bridgeflow-main-'));
  workspace = join(root, 'workspace');
  electron.app.userData = join(root, 'user-data');
  await writeDesktopSettings(electron.app.userData, { workspaceDir: workspace });
  await import('./main.ts');
  electron.ready();
  await vi.waitFor(() => expect(electron.windows[0]?.loadURL).toHaveBeenCalled());
  const [flowApiChannel, flowApi] = electron.ipcMain.handle.mock.calls[0] ?? [];
  started = {
    privileged: [...electron.protocol.registerSchemesAsPrivileged.mock.calls],
    protocolHandlers: [...electron.protocol.handle.mock.calls],
    headersListener: electron.session.defaultSession.webRequest.onHeadersReceived.mock.calls[0]?.[0],
    flowApiChannel,
    flowApi,
    menu: electron.Menu.buildFromTemplate.mock.calls[0]?.[0] as MenuItemConstructorOptions[],
    loaded: [...(electron.windows[0]?.loadURL.mock.calls ?? [])],
  };
});
afterAll(async () => {
  electron.app.emit('will-quit');
  await rm(root, { recursive: true, force: true });
});

/** Clicks an item of the File menu the main process built. */
function clickFileMenu(matches: (item: MenuItemConstructorOptions) => boolean): void {
  const file = started.menu.find((menu) => menu.label === '&File');
  const submenu = Array.isArray(file?.submenu) ? file.submenu : [];
  const item = submenu.find(matches);
  if (!item?.click) throw new Error('no such File menu item');
  // Electron passes the item, window and keyboard event; these items use none of them.
  (item.click as () => void)();
}

describe('Electron main process', () => {
  it('registers the app scheme as privileged before ready and serves it', () => {
    expect(started.privileged).toEqual([
      [
        [
          expect.objectContaining({
            scheme: APP_SCHEME,
            privileges: expect.objectContaining({ standard: true, secure: true }),
          }),
        ],
      ],
    ]);
    expect(started.protocolHandlers).toEqual([[APP_SCHEME, expect.any(Function)]]);
  });

  it('opens one isolated, sandboxed window without Node on the designer page', () => {
    expect(electron.windows).toHaveLength(1);
    const [window] = electron.windows;
    expect(window?.options).toMatchObject({
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        preload: expect.stringMatching(/preload\.cjs$/),
      },
    });
    expect(started.loaded).toEqual([[APP_ENTRY_URL]]);
  });

  it('applies the CSP to responses of the session', () => {
    const callback = vi.fn();
    started.headersListener({ responseHeaders: {} }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [DESIGNER_CSP] } });
  });

  it('confines every web contents the app creates', () => {
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
    const [openHandler] = contents.setWindowOpenHandler.mock.calls[0] ?? [];
    expect(openHandler({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('answers FlowApi calls from the page with the workspace of the settings file', async () => {
    expect(started.flowApiChannel).toBe(FLOW_API_CHANNEL);
    const saved = await started.flowApi({ senderFrame: { url: APP_ENTRY_URL } }, 'saveFlow', {
      path: 'main.flow.json',
      document: {
        schemaVersion: 1,
        id: 'from-main',
        name: 'From main',
        description: '',
        settings: { errorPolicy: 'stopRun', timezone: 'UTC' },
        nodes: [],
        edges: [],
      },
    });
    expect(saved).toMatchObject({ ok: true });
    expect(await readFile(join(workspace, 'main.flow.json'), 'utf8')).toContain('from-main');
    const refused = await started.flowApi(
      { senderFrame: { url: 'https://evil.example/' } },
      'listTemplates',
      {},
    );
    expect(refused).toMatchObject({ ok: false, error: { message: 'sender not allowed' } });
  });

  it('keeps credentials in userData, sealed with a key the OS key store protects', async () => {
    const frame = { senderFrame: { url: APP_ENTRY_URL } };
    const saved = await started.flowApi(frame, 'saveCredential', {
      id: 'sage-erp',
      type: 'sage300',
      fields: {
        baseUrl: 'http://erp.test/Sage300WebApi',
        company: 'SAMINC',
        username: 'WEBAPI',
        password: 'S3cret!',
      },
    });
    expect(saved).toMatchObject({ ok: true, value: { id: 'sage-erp', secretsSet: ['password'] } });
    const listed = await started.flowApi(frame, 'listCredentials', {});
    expect(listed).toMatchObject({
      ok: true,
      value: { store: { writable: true, location: join(electron.app.userData, 'credentials.enc.json') } },
    });
    expect(await readFile(join(electron.app.userData, 'credentials.enc.json'), 'utf8')).not.toContain(
      'S3cret!',
    );
    expect(await readFile(join(electron.app.userData, 'credentials.key'), 'utf8')).not.toBe('');
  });

  it('menu items send their commands to the window', () => {
    clickFileMenu((item) => item.label === 'Save');
    expect(electron.windows[0]?.webContents.send).toHaveBeenCalledWith(DESIGNER_COMMAND_CHANNEL, 'save');
  });

  it('asks before discarding unsaved changes when the page refuses to unload', () => {
    const contents = electron.windows[0]?.webContents;
    const event = { preventDefault: vi.fn() };
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(1);
    contents?.emit('will-prevent-unload', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(0);
    contents?.emit('will-prevent-unload', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('Open Workspace… remembers the folder and reloads the page on it', async () => {
    const other = join(root, 'other-workspace');
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [other] });
    clickFileMenu((item) => item.id === 'openWorkspace');
    const contents = electron.windows[0]?.webContents;
    await vi.waitFor(() => expect(contents?.reload).toHaveBeenCalled());
    contents?.emit('did-start-loading');
    await vi.waitFor(async () =>
      expect(JSON.parse(await readFile(join(electron.app.userData, 'settings.json'), 'utf8'))).toEqual({
        workspaceDir: other,
      }),
    );
    const moved = await started.flowApi({ senderFrame: { url: APP_ENTRY_URL } }, 'saveFlow', {
      path: 'moved.flow.json',
      document: {
        schemaVersion: 1,
        id: 'moved',
        name: 'Moved',
        description: '',
        settings: { errorPolicy: 'stopRun', timezone: 'UTC' },
        nodes: [],
        edges: [],
      },
    });
    expect(moved).toMatchObject({ ok: true });
    expect(await readFile(join(other, 'moved.flow.json'), 'utf8')).toContain('moved');
    expect(electron.windows[0]?.setTitle).toHaveBeenLastCalledWith(`Bridgeflow — ${other}`);
  });

  it('stays on the workspace when the user keeps the unsaved changes', async () => {
    const current = join(root, 'other-workspace');
    electron.dialog.showOpenDialog.mockResolvedValueOnce({
      canceled: false,
      filePaths: [join(root, 'third')],
    });
    clickFileMenu((item) => item.id === 'openWorkspace');
    const contents = electron.windows[0]?.webContents;
    await vi.waitFor(() => expect(contents?.reload).toHaveBeenCalled());
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(1);
    contents?.emit('will-prevent-unload', { preventDefault: vi.fn() });
    // A later load (Reload from the menu) must not pick up the abandoned choice.
    contents?.emit('did-start-loading');
    const kept = await started.flowApi({ senderFrame: { url: APP_ENTRY_URL } }, 'listWorkspaceFiles', {});
    expect(kept).toMatchObject({ ok: true, value: { files: [{ path: 'moved.flow.json' }] } });
    expect(JSON.parse(await readFile(join(electron.app.userData, 'settings.json'), 'utf8'))).toEqual({
      workspaceDir: current,
    });
  });
});
