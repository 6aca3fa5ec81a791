import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  readDesktopSettings,
  settingsPath,
  startupWorkspace,
  writeDesktopSettings,
} from './desktop-settings.ts';

describe('desktop settings', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'bridgeflow-settings-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('opens the default workspace the first time, creating it', async () => {
    const fallback = join(root, 'home', 'Bridgeflow');
    expect(await startupWorkspace(join(root, 'user-data'), fallback)).toBe(fallback);
    expect((await stat(fallback)).isDirectory()).toBe(true);
  });

  it('reopens the workspace used last', async () => {
    const userData = join(root, 'user-data');
    await writeDesktopSettings(userData, { workspaceDir: join(root, 'clients', 'acme') });
    expect(JSON.parse(await readFile(settingsPath(userData), 'utf8'))).toEqual({
      workspaceDir: join(root, 'clients', 'acme'),
    });
    expect(await startupWorkspace(userData, join(root, 'default'))).toBe(join(root, 'clients', 'acme'));
  });

  it('starts with the default when the settings file is damaged or the last workspace cannot be made', async () => {
    const userData = join(root, 'user-data');
    await writeDesktopSettings(userData, {});
    await writeFile(settingsPath(userData), '{"workspaceDir": 4');
    expect(await readDesktopSettings(userData)).toEqual({});
    // A file where the folder should be: mkdir fails as it would for a drive that is gone.
    await writeFile(join(root, 'blocker'), '');
    await writeDesktopSettings(userData, { workspaceDir: join(root, 'blocker', 'workspace') });
    expect(await startupWorkspace(userData, join(root, 'default'))).toBe(join(root, 'default'));
  });
});
