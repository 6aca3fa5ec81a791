import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESIGNER_CSP } from '../engine/host/web-host.ts';
import { APP_ENTRY_URL, createAppProtocolHandler, isAppUrl } from './app-protocol.ts';

describe('bridgeflow:// app protocol', () => {
  let root: string;
  let handle: (request: Request) => Promise<Response>;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'bridgeflow-protocol-'));
    await mkdir(join(root, 'renderer', 'assets'), { recursive: true });
    await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>Bridgeflow</title>');
    await writeFile(join(root, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(root, 'secret.txt'), 'not for the page');
    handle = createAppProtocolHandler(join(root, 'renderer'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('serves the built designer with its content type and the designer CSP', async () => {
    const page = await handle(new Request(APP_ENTRY_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(DESIGNER_CSP);
    expect(await page.text()).toContain('<title>Bridgeflow</title>');
    const script = await handle(new Request('bridgeflow://app/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('serves nothing outside the renderer folder, nor for other hosts or methods', async () => {
    // `%2e%2e/` is resolved by the URL parser, an encoded slash by path normalisation from the
    // root: either way the path stays inside the folder, where there is no secret.txt.
    for (const url of [
      'bridgeflow://app/%2e%2e/secret.txt',
      'bridgeflow://app/..%2fsecret.txt',
      'bridgeflow://app/..%5csecret.txt',
    ]) {
      const escaping = await handle(new Request(url));
      expect(escaping.status).toBe(404);
      expect(await escaping.text()).not.toContain('not for the page');
    }
    expect((await handle(new Request('bridgeflow://other/index.html'))).status).toBe(404);
    expect((await handle(new Request('bridgeflow://app/missing.js'))).status).toBe(404);
    expect((await handle(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('recognises only the designer origin as the app', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('bridgeflow://app/assets/app.js')).toBe(true);
    expect(isAppUrl('file:///work/dist/renderer/index.html')).toBe(false);
    expect(isAppUrl('https://app/')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});
