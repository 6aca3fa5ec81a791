import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FLOW_API_CHANNEL } from '../engine/contract/flow-api.ts';
import { buildElectron } from './build-electron.ts';

describe('npm run build:electron', () => {
  let outDir: string;
  beforeAll(async () => {
    // Inside the package, so the built files find node_modules as dist/electron/ does.
    const cache = fileURLToPath(new URL('../node_modules/.cache', import.meta.url));
    await mkdir(cache, { recursive: true });
    outDir = await mkdtemp(join(cache, 'electron-build-test-'));
    await buildElectron(outDir);
  }, 120_000);
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it('builds a preload that runs where only `electron` can be required, as in the sandbox', async () => {
    const code = await readFile(join(outDir, 'preload.cjs'), 'utf8');
    const exposed = new Map<string, unknown>();
    const ipcRenderer = { invoke: vi.fn(async () => ({ ok: true, value: { templates: [] } })), on: vi.fn() };
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
      ipcRenderer,
    };
    const module = { exports: {} };
    const sandboxRequire = (id: string) => {
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    };
    runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, console });
    expect([...exposed.keys()]).toEqual(['bridgeflow']);
    const bridge = exposed.get('bridgeflow') as { call(method: string, input: unknown): Promise<unknown> };
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onCommand']);
    await bridge.call('listTemplates', {});
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(FLOW_API_CHANNEL, 'listTemplates', {});
    expect(await bridge.call('notAMethod', {})).toMatchObject({ ok: false });
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
  });

  it('builds an ES module main process that loads no TypeScript and keeps npm packages external', async () => {
    const main = await readFile(join(outDir, 'main.js'), 'utf8');
    const imported = [...main.matchAll(/^import .* from "([^"]+)";?$/gm)].map((match) => match[1]);
    expect(imported).toContain('electron');
    expect(imported).toContain('better-sqlite3');
    expect(imported.filter((id) => id?.endsWith('.ts') || id?.endsWith('.json'))).toEqual([]);
    expect(main).toContain('new URL("./code-sandbox.worker.js", import.meta.url)');
    expect(main).not.toContain('code-sandbox.worker.ts", import.meta.url');
  });

  it('builds the Code node worker beside main.js, and it starts', async () => {
    const file = join(outDir, 'code-sandbox.worker.js');
    expect(existsSync(file)).toBe(true);
    const worker = new Worker(file);
    try {
      const first = await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(first).toEqual({ type: 'ready' });
    } finally {
      await worker.terminate();
    }
  }, 30_000);
});
