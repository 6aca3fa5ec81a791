import type { BrowserWindowConstructorOptions, Event, HandlerDetails, WebContents } from 'electron';
import { DESIGNER_CSP } from '../engine/host/web-host.ts';
import { isAppUrl } from './app-protocol.ts';

/**
 * The designer window's options. The page is treated as untrusted content: no Node, its own
 * JavaScript world (contextIsolation), Chromium's sandbox, same-origin rules on. It reaches the
 * engine only through the preload's `window.bridgeflow`.
 */
export function designerWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: 'Bridgeflow',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** The part of Electron's `shell` used to open links outside the app. */
export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/** Only web links leave the app; `file:`, `smb:`, custom handlers and the like are never opened. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Keeps a web contents on the designer: every navigation away is cancelled and no window opens.
 * Web links the page tries to open go to the OS browser instead, after their scheme is checked.
 * Applied to every web contents the app creates (app `web-contents-created`), not only the window's.
 */
export function confineWebContents(contents: WebContents, shell: ShellLike): void {
  const openOutside = (url: string) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url);
  };
  const blockNavigation = (event: Event, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openOutside(url);
  };
  contents.on('will-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details: HandlerDetails) => {
    openOutside(details.url);
    return { action: 'deny' };
  });
}

/** Header map as Electron's webRequest passes it. */
export type ResponseHeaders = Record<string, string[]>;

/**
 * Adds the designer's CSP to every response the session receives, replacing any the response
 * brought (header names are case-insensitive, so a `content-security-policy` must not survive
 * beside ours). The app protocol sets the same header; this also covers anything else loaded.
 */
export function withDesignerCsp(headers: ResponseHeaders | undefined): ResponseHeaders {
  const kept = Object.entries(headers ?? {}).filter(
    ([name]) => name.toLowerCase() !== 'content-security-policy',
  );
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [DESIGNER_CSP] };
}

/** The part of Electron's `Session` that {@link secureSession} configures. */
export interface SessionLike {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: ResponseHeaders },
        callback: (response: { responseHeaders: ResponseHeaders }) => void,
      ) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler:
      | ((contents: WebContents, permission: string, callback: (granted: boolean) => void) => void)
      | null,
  ): void;
}

/** CSP on every response; every permission request (camera, notifications, ...) refused. */
export function secureSession(session: SessionLike): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withDesignerCsp(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}
