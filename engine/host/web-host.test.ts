import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlowHost, type FlowHost } from './flow-host.ts';
import { DESIGNER_CSP, startWebHost, type WebHost } from './web-host.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can send the Host and Origin headers a browser would not let them. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

describe('web host', () => {
  let root: string;
  let host: FlowHost;
  let web: WebHost;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'bridgeflow-web-'));
    const staticDir = join(root, 'static');
    await mkdir(join(staticDir, 'assets'), { recursive: true });
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Bridgeflow</title>');
    await writeFile(join(staticDir, 'assets', 'app-1234.js'), 'console.log(1)');
    await mkdir(join(root, 'workspace'));
    host = createFlowHost({ workspaceDir: join(root, 'workspace'), databasePath: ':memory:' });
    web = await startWebHost({ host, staticDir });
  });
  afterAll(async () => {
    await web.close();
    host.context.dispose();
    await rm(root, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only', () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the designer with its CSP, and the app for its own routes', async () => {
    const page = await send(web.url);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Bridgeflow</title>');
    expect(page.headers['content-security-policy']).toBe(DESIGNER_CSP);
    expect(DESIGNER_CSP).toContain("script-src 'self'");
    const asset = await send(`${web.url}assets/app-1234.js`);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await send(`${web.url}flows/orders`)).body).toContain('<title>Bridgeflow</title>');
    expect((await send(`${web.url}missing.js`)).status).toBe(404);
    expect((await send(`${web.url}..%2f..%2fpackage.json`)).status).not.toBe(200);
  });

  it('answers FlowApi calls as JSON results', async () => {
    const listed = await send(`${web.url}api/listNodeTypes`, { method: 'POST', body: '{}' });
    const result = JSON.parse(listed.body);
    expect(result.ok).toBe(true);
    expect(result.value.nodeTypes.length).toBeGreaterThan(20);
    const bad = JSON.parse(
      (await send(`${web.url}api/openFlow`, { method: 'POST', body: '{"path": "../x"}' })).body,
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    const notJson = JSON.parse(
      (await send(`${web.url}api/openFlow`, { method: 'POST', body: '{nope' })).body,
    );
    expect(notJson.error.message).toMatch(/not JSON/);
    expect((await send(`${web.url}api/listNodeTypes`)).status).toBe(405);
  });

  it('refuses other hosts (DNS rebinding) and other origins (cross-site calls)', async () => {
    const port = new URL(web.url).port;
    const rebound = await send(`${web.url}api/listNodeTypes`, {
      method: 'POST',
      headers: { host: `evil.example:${port}` },
      body: '{}',
    });
    expect(rebound.status).toBe(421);
    const crossSite = await send(`${web.url}api/listNodeTypes`, {
      method: 'POST',
      headers: { origin: 'http://localhost.evil.example' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
    const sameSite = await send(`${web.url}api/listNodeTypes`, {
      method: 'POST',
      headers: { origin: web.url.slice(0, -1) },
      body: '{}',
    });
    expect(sameSite.status).toBe(200);
  });
});
