import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { ELECTRON_OUT_DIR } from './build-electron.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function loadConfig() {
  return JSON.parse(await readFile(join(ROOT, 'build/electron-builder.json'), 'utf8'));
}

describe('build/electron-builder.json (npm run package)', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(await loadConfig(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is refused by that validation when it has a mistake (the check can fail)', async () => {
    const broken = { ...(await loadConfig()), linux: { target: ['AppImage'], titel: 'typo' } };
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /configuration.linux/,
    );
  });

  it('packs the built app, engine and flows, starting at the main process that build:electron writes', async () => {
    const config = await loadConfig();
    expect(config).toMatchObject({ appId: 'com.bridgeflow.designer', productName: 'Bridgeflow' });
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/**', 'engine/**', 'flows/**', 'package.json']),
    );
    expect(config.extraMetadata.main).toBe(`${relative(ROOT, ELECTRON_OUT_DIR)}/main.js`);
    // better-sqlite3's native addon cannot be loaded from inside app.asar.
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });
});
