import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  type MessageBoxOptions,
  type OpenDialogOptions,
  protocol,
  type SaveDialogOptions,
  safeStorage,
  session,
  shell,
} from 'electron';
import { DESIGNER_COMMAND_CHANNEL, type DesignerCommand } from '../engine/contract/flow-api.ts';
import { createFileCredentialStore } from '../engine/host/credential-store.ts';
import { createFlowHost, type FlowHost } from '../engine/host/flow-host.ts';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
} from './app-protocol.ts';
import { createCredentialVault, vaultKeyMaterial } from './credential-vault.ts';
import { designerMenuTemplate } from './designer-menu.ts';
import { confineWebContents, designerWindowOptions, secureSession } from './designer-window.ts';
import { startupWorkspace, writeDesktopSettings } from './desktop-settings.ts';
import { exportBundleInteractively } from './export-bundle.ts';
import { registerFlowApiHandler } from './ipc-handlers.ts';

// The built files sit in dist/electron/; the package root is two folders up (also inside app.asar).
const PACKAGE_ROOT = join(import.meta.dirname, '..', '..');
const RENDERER_DIR = join(PACKAGE_ROOT, 'dist', 'renderer');
const TEMPLATES_DIR = join(PACKAGE_ROOT, 'flows', 'templates');
const PRELOAD_PATH = join(import.meta.dirname, 'preload.cjs');

let host: FlowHost | undefined;
let window: BrowserWindow | undefined;
/** A workspace chosen in Open Workspace…, taken over once the page actually reloads. */
let pendingWorkspace: string | undefined;

// `electron dist/electron/main.js` finds no package.json beside the script and would call the app
// "Electron"; the name decides the userData folder (settings, safeStorage's key entry).
app.setName('Bridgeflow');

// Before `ready`: only schemes registered now get origins and secure-context treatment.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

// One app per user: two would open the same workspace database and overwrite each other's files.
if (!app.requestSingleInstanceLock()) app.quit();
else start();

function start(): void {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('web-contents-created', (_event, contents) => confineWebContents(contents, shell));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => host?.context.dispose());
  app.whenReady().then(openDesigner, (thrown: unknown) => fail(thrown));
}

async function openDesigner(): Promise<void> {
  secureSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_DIR));
  host = openHost(await startupWorkspace(app.getPath('userData')));
  registerFlowApiHandler(ipcMain, { getHost: currentHost });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      designerMenuTemplate(
        {
          send: sendCommand,
          openWorkspace: () => void openWorkspace(),
          exportBundle: () => void exportBundle(),
        },
        { isPackaged: app.isPackaged, platform: process.platform },
      ),
    ),
  );
  window = new BrowserWindow(designerWindowOptions(PRELOAD_PATH));
  const contents = window.webContents;
  contents.on('will-prevent-unload', (event) => {
    // The designer refuses to unload with unsaved changes; Electron would then silently keep the
    // window open, so the choice is put to the user here. Cancelling also cancels a workspace switch.
    if (confirmDiscard()) event.preventDefault();
    else pendingWorkspace = undefined;
  });
  contents.on('did-start-loading', () => {
    if (pendingWorkspace !== undefined) switchWorkspace(pendingWorkspace);
    pendingWorkspace = undefined;
  });
  window.once('ready-to-show', () => window?.show());
  // The title names the workspace; the page's own <title> would replace it.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.on('closed', () => {
    window = undefined;
  });
  updateTitle();
  await window.loadURL(APP_ENTRY_URL);
}

function openHost(workspaceDir: string): FlowHost {
  // Credentials belong to the OS user, not the workspace: one file in userData for every workspace.
  const userData = app.getPath('userData');
  const credentials = createFileCredentialStore({
    path: join(userData, 'credentials.enc.json'),
    keyMaterial: vaultKeyMaterial(createCredentialVault(safeStorage), join(userData, 'credentials.key')),
  });
  return createFlowHost({ workspaceDir, templatesDir: TEMPLATES_DIR, credentials });
}

function currentHost(): FlowHost {
  if (host === undefined) throw new Error('The FlowHost is not open yet');
  return host;
}

function sendCommand(command: DesignerCommand): void {
  window?.webContents.send(DESIGNER_COMMAND_CHANNEL, command);
}

async function openWorkspace(): Promise<void> {
  const chosen = await showOpenDialog({
    title: 'Open Workspace',
    buttonLabel: 'Open Workspace',
    defaultPath: currentHost().context.workspaceDir,
    properties: ['openDirectory', 'createDirectory'],
  });
  const [workspaceDir] = chosen.filePaths;
  if (chosen.canceled || workspaceDir === undefined || window === undefined) return;
  // The dialog answers an existing folder, but it may be gone by the time the page reloads.
  await mkdir(workspaceDir, { recursive: true });
  // The page starts again on the new workspace (files, recent list, undo history all belong to it);
  // the host follows when the reload really starts (the user may keep unsaved changes instead).
  pendingWorkspace = workspaceDir;
  window.webContents.reload();
}

function switchWorkspace(workspaceDir: string): void {
  const previous = host;
  host = openHost(workspaceDir);
  previous?.context.dispose();
  updateTitle();
  writeDesktopSettings(app.getPath('userData'), { workspaceDir }).catch((thrown: unknown) => {
    // Only the next start is affected: it opens the previous workspace again.
    console.error('Bridgeflow: the workspace choice was not saved:', thrown);
  });
}

async function exportBundle(): Promise<void> {
  await exportBundleInteractively(currentHost(), {
    chooseFlowFile: async (workspaceDir) => {
      const chosen = await showOpenDialog({
        title: 'Export Bundle: choose a saved flow',
        defaultPath: workspaceDir,
        filters: [{ name: 'Flows', extensions: ['json'] }],
        properties: ['openFile'],
      });
      return chosen.canceled ? undefined : chosen.filePaths[0];
    },
    chooseBundleFile: async (suggestedPath) => {
      const options: SaveDialogOptions = {
        title: 'Export Bundle',
        defaultPath: suggestedPath,
        filters: [{ name: 'Bundles', extensions: ['json'] }],
      };
      const chosen = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return chosen.canceled ? undefined : chosen.filePath;
    },
    report: (kind, message, detail) => {
      const options: MessageBoxOptions = {
        type: kind === 'error' ? 'error' : 'info',
        message,
        ...(detail ? { detail } : {}),
      };
      void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
    },
  });
}

/** Dialogs are modal to the designer window while it exists. */
function showOpenDialog(options: OpenDialogOptions) {
  return window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options);
}

function confirmDiscard(): boolean {
  const options: MessageBoxOptions = {
    type: 'question',
    buttons: ['Discard Changes', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Discard unsaved changes?',
    detail: 'The open flow has changes that are not saved.',
  };
  const choice = window ? dialog.showMessageBoxSync(window, options) : dialog.showMessageBoxSync(options);
  return choice === 0;
}

function updateTitle(): void {
  if (host) window?.setTitle(`Bridgeflow — ${host.context.workspaceDir}`);
}

function fail(thrown: unknown): void {
  dialog.showErrorBox(
    'Bridgeflow could not start',
    thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown),
  );
  app.exit(1);
}
