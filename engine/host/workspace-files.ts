import { lstat, mkdir, readdir, realpath, rename, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { WorkspaceFile } from '../contract/flow-api-designer.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';

/** Folders never listed: dependencies, VCS data and Bridgeflow's own state. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.bridgeflow', 'dist']);
const MAX_DEPTH = 6;

/**
 * The absolute path of a workspace-relative path, refusing anything that would land outside
 * the workspace — also through a symbolic link, which `..` checks alone would miss.
 */
export async function resolveInWorkspace(workspaceDir: string, path: string): Promise<string> {
  const root = await realpath(workspaceDir);
  const target = resolve(root, path);
  if (isAbsolute(path) || !isInside(root, target)) throw outside(path);
  const existing = await nearestExisting(target);
  if (!isInside(root, await realpath(existing))) throw outside(path);
  return target;
}

/** Every `*.flow.json` in the workspace, sorted by path. */
export async function listFlowFiles(workspaceDir: string): Promise<WorkspaceFile[]> {
  const root = await realpath(workspaceDir);
  const files: WorkspaceFile[] = [];
  await collect(root, root, 0, files);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** Writes through a temporary file and a rename, so a crash never leaves half a flow on disk. */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text, 'utf8');
  await rename(temporary, path);
}

async function collect(root: string, folder: string, depth: number, files: WorkspaceFile[]): Promise<void> {
  if (depth > MAX_DEPTH) return;
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) await collect(root, path, depth + 1, files);
    if (!entry.isFile() || !entry.name.endsWith('.flow.json')) continue;
    const stats = await lstat(path);
    files.push({
      path: relative(root, path).split(sep).join('/'),
      name: entry.name,
      modified: stats.mtime.toISOString(),
      size: stats.size,
    });
  }
}

function isInside(root: string, target: string): boolean {
  const fromRoot = relative(root, target);
  return fromRoot === '' || (!fromRoot.startsWith('..') && !isAbsolute(fromRoot));
}

async function nearestExisting(path: string): Promise<string> {
  let current = path;
  for (;;) {
    try {
      await lstat(current);
      return current;
    } catch {
      const parent = dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
}

function outside(path: string): BridgeflowError {
  return new BridgeflowError('INPUT_INVALID', `The path "${path}" is outside the workspace`, {
    path: 'path',
  });
}
