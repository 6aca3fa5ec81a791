import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_TYPES } from '../engine/host/content-types.ts';
import { DESIGNER_CSP } from '../engine/host/web-host.ts';

/**
 * The window loads the designer from `bridgeflow://app/` rather than file://: a file:// page may
 * fetch any file on the disk and every file:// URL shares one origin, while this scheme serves
 * only the built renderer folder and gives the page an origin of its own to check senders against.
 */
export const APP_SCHEME = 'bridgeflow';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Privileges of {@link APP_SCHEME}, registered before the app is ready: `standard` for relative
 * URLs and origins, `secure` so the page counts as a secure context (module workers for Monaco).
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** True for URLs of the designer's own pages (and nothing else, not even other file:// pages). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The scheme's handler: files of `rendererDir` with the designer's CSP, 404 for anything else.
 * Paths that try to leave the folder are refused before touching the disk.
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (!isAppUrl(request.url)) return textResponse(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Not allowed');
    const pathname = decodeURIComponent(new URL(request.url).pathname);
    const relativePath = normalize(pathname).replace(/^[/\\]+/, '') || 'index.html';
    if (relativePath.split(sep).includes('..')) return textResponse(400, 'Bad path');
    try {
      const body = await readFile(join(rendererDir, relativePath));
      const type = CONTENT_TYPES[extname(relativePath).toLowerCase()] ?? 'application/octet-stream';
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: { 'content-type': type, 'content-security-policy': DESIGNER_CSP },
      });
    } catch {
      return textResponse(404, 'Not found');
    }
  };
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': DESIGNER_CSP },
  });
}
