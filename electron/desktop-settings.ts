import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/** What the desktop app remembers between starts, in `<userData>/settings.json`. */
const DesktopSettingsSchema = z.object({
  /** Absolute path of the workspace opened last. */
  workspaceDir: z.string().min(1).optional(),
});

export type DesktopSettings = z.infer<typeof DesktopSettingsSchema>;

/** Where flows go until the user opens another workspace. */
export function defaultWorkspaceDir(): string {
  return join(homedir(), 'Bridgeflow');
}

export function settingsPath(userDataDir: string): string {
  return join(userDataDir, 'settings.json');
}

/** The saved settings; a missing or damaged file counts as none (the app must still start). */
export async function readDesktopSettings(userDataDir: string): Promise<DesktopSettings> {
  try {
    const parsed = DesktopSettingsSchema.safeParse(
      JSON.parse(await readFile(settingsPath(userDataDir), 'utf8')),
    );
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Writes the settings through a temporary file, so a crash never leaves half a file. */
export async function writeDesktopSettings(userDataDir: string, settings: DesktopSettings): Promise<void> {
  await mkdir(userDataDir, { recursive: true });
  const file = settingsPath(userDataDir);
  await writeFile(`${file}.tmp`, `${JSON.stringify(DesktopSettingsSchema.parse(settings), null, 2)}\n`);
  await rename(`${file}.tmp`, file);
}

/**
 * The workspace to open at start: the last one used, else `~/Bridgeflow`; created when missing.
 * A last workspace that cannot be created (a drive that is gone) falls back to the default.
 */
export async function startupWorkspace(
  userDataDir: string,
  fallbackDir = defaultWorkspaceDir(),
): Promise<string> {
  const { workspaceDir } = await readDesktopSettings(userDataDir);
  if (workspaceDir !== undefined) {
    const created = await mkdir(workspaceDir, { recursive: true }).then(
      () => true,
      () => false,
    );
    if (created) return workspaceDir;
  }
  await mkdir(fallbackDir, { recursive: true });
  return fallbackDir;
}
