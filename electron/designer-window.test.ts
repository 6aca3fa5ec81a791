import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { DESIGNER_CSP } from '../engine/host/web-host.ts';
import { APP_ENTRY_URL } from './app-protocol.ts';
import {
  confineWebContents,
  designerWindowOptions,
  isExternalWebUrl,
  type SessionLike,
  secureSession,
  withDesignerCsp,
} from './designer-window.ts';

type Listener = (event: { preventDefault(): void }, url: string) => void;

/** The handful of WebContents members confineWebContents touches, recorded for the test. */
function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  };
  const emit = (name: string, url: string) => {
    const event = { prevented: false, preventDefault: () => (event.prevented = true) };
    listeners.get(name)?.(event, url);
    return event.prevented;
  };
  // The fake has exactly the members used; the rest of WebContents is not exercised.
  return {
    contents: contents as unknown as WebContents,
    emit,
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('designer window', () => {
  it('runs the page isolated: context isolation, sandbox, no Node, web security', () => {
    const { webPreferences } = designerWindowOptions('/app/dist/electron/preload.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('cancels every navigation away from the designer and opens web links in the OS browser', () => {
    const shell = { openExternal: vi.fn(async () => {}) };
    const page = fakeWebContents();
    confineWebContents(page.contents, shell);
    expect(page.emit('will-navigate', 'https://docs.example.com/help')).toBe(true);
    expect(page.emit('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(page.emit('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(page.emit('will-navigate', APP_ENTRY_URL)).toBe(false);
    expect(page.emit('will-attach-webview', 'about:blank')).toBe(true);
    expect(shell.openExternal.mock.calls).toEqual([['https://docs.example.com/help']]);
  });

  it('denies every new window; only http(s) links reach the OS browser', () => {
    const shell = { openExternal: vi.fn(async () => {}) };
    const page = fakeWebContents();
    confineWebContents(page.contents, shell);
    for (const url of [
      'https://example.com/',
      'file:///C:/Windows/system32/calc.exe',
      'smb://host/share',
      'ms-msdt:x',
    ]) {
      expect(page.open(url)).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal.mock.calls).toEqual([['https://example.com/']]);
    expect(isExternalWebUrl('not a url')).toBe(false);
  });

  it('puts the designer CSP on every response, replacing one the response brought', () => {
    const headers = withDesignerCsp({
      'content-type': ['text/html'],
      'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
    });
    expect(headers).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': [DESIGNER_CSP] });
    expect(withDesignerCsp(undefined)).toEqual({ 'Content-Security-Policy': [DESIGNER_CSP] });
  });

  it('secures the session: CSP listener installed, permission requests refused', () => {
    const onHeadersReceived = vi.fn();
    const setPermissionRequestHandler = vi.fn();
    const session: SessionLike = { webRequest: { onHeadersReceived }, setPermissionRequestHandler };
    secureSession(session);
    const [listener] = onHeadersReceived.mock.calls[0] ?? [];
    const callback = vi.fn();
    listener({ responseHeaders: { Server: ['x'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { Server: ['x'], 'Content-Security-Policy': [DESIGNER_CSP] },
    });
    const [permissionHandler] = setPermissionRequestHandler.mock.calls[0] ?? [];
    const grant = vi.fn();
    permissionHandler({}, 'media', grant);
    expect(grant).toHaveBeenCalledWith(false);
  });
});
