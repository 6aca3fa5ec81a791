import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILT_INDEX = join(ROOT, 'dist/renderer/index.html');
const SOURCES = ['renderer', 'engine/contract'];
const LOCK = join(ROOT, 'node_modules/.cache/renderer-build.lock');

/**
 * Builds the designer (vite) when any renderer or contract source is newer than the last build,
 * so browser tests always test the current code. A lock folder keeps parallel test files (and
 * parallel engineers) from building over each other.
 */
export async function ensureRendererBuilt(): Promise<void> {
  await withLock(() => {
    if (builtAt() >= newestSource()) return;
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'renderer/vite.config.ts'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  });
}

function builtAt(): number {
  try {
    return statSync(BUILT_INDEX).mtimeMs;
  } catch {
    return 0;
  }
}

function newestSource(): number {
  let newest = statSync(join(ROOT, 'package-lock.json')).mtimeMs;
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const source of SOURCES) visit(join(ROOT, source));
  return newest;
}

async function withLock(work: () => void): Promise<void> {
  const deadline = Date.now() + 300_000;
  mkdirSync(join(LOCK, '..'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK, { recursive: false });
      break;
    } catch {
      // A build older than five minutes was abandoned (killed run): take the lock over.
      const lockedAt = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - lockedAt > 300_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('Timed out waiting for another renderer build');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
