import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../engine/cli/cli-io.ts';
import { designerCommand } from '../../engine/cli/designer-command.ts';

describe('bridgeflow designer', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'bridgeflow-designer-cli-'));
    await mkdir(join(root, 'static'));
    await writeFile(join(root, 'static', 'index.html'), '<!doctype html><title>Bridgeflow</title>');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('prints the URL, serves the designer and the FlowApi, and stops on the signal', async () => {
    const out: string[] = [];
    const io = { out: (text: string) => out.push(text), err: (text: string) => out.push(text) };
    const controller = new AbortController();
    const running = designerCommand(
      { workspace: join(root, 'workspace'), port: 0, staticDir: join(root, 'static') },
      io,
      controller.signal,
    );
    await expect.poll(() => out.join('')).toMatch(/Bridgeflow designer: http:\/\/127\.0\.0\.1:\d+\//);
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(out.join(''))?.[0] ?? '';
    // Where credentials go, or why they cannot be saved (the key comes from the environment).
    expect(out.join('')).toMatch(
      process.env.BRIDGEFLOW_CREDENTIALS_KEY
        ? /Credentials: .*credentials\.enc\.json/
        : /Credentials: not saved \(BRIDGEFLOW_CREDENTIALS_KEY is not set/,
    );
    expect(await (await fetch(url)).text()).toContain('<title>Bridgeflow</title>');
    const saved = await fetch(`${url}api/listWorkspaceFiles`, { method: 'POST', body: '{}' });
    expect(await saved.json()).toMatchObject({ ok: true, value: { files: [] } });
    controller.abort();
    expect(await running).toBe(EXIT.ok);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('says how to build the designer when it is not built', async () => {
    const errors: string[] = [];
    const io = { out: () => undefined, err: (text: string) => errors.push(text) };
    const code = await designerCommand(
      { workspace: root, port: 0, staticDir: join(root, 'nothing-here') },
      io,
      new AbortController().signal,
    );
    expect(code).toBe(EXIT.invalid);
    expect(errors.join('')).toMatch(/npm run build:renderer/);
  });
});
