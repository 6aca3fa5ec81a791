import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JsonValue } from '../contract/flow-document.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import { mebibytes, readTextFile } from '../files/text-file.ts';
import { parseJson } from '../flow/json-text.ts';
import { toJsonValue } from '../nodes/json-path.ts';
import { stripJson } from './sample-names.ts';

// File operations under a samples folder. Paths reaching here are built from checked names
// (sample-names.ts); these functions add the file-system side: size limits, JSON parsing with line
// and column, no silent overwrite, and errors as BridgeflowError with the path.

/** The largest sample file read (a 60-line order is about 60 KB; a whole export is not a sample). */
export const MAX_SAMPLE_MB = 20;

/** A sample file as listed. */
export interface SampleFileInfo {
  /** File name without `.json`. */
  name: string;
  sizeBytes: number;
  /** ISO time of the last change. */
  modifiedAt: string;
}

/** A sample as read: its name and payload. */
export interface SamplePayload {
  name: string;
  payload: JsonValue;
}

/** The `.json` files of a folder (not its sub-folders), sorted by name; none when it does not exist. */
export async function listSampleFiles(folder: string): Promise<SampleFileInfo[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((thrown: unknown) => {
    if (isMissing(thrown)) return [];
    throw fileError('FILE_READ_FAILED', `list the samples in "${folder}"`, folder, thrown);
  });
  const files = entries.filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.json'));
  const infos = await Promise.all(
    files.map(async (entry) => {
      const info = await stat(join(folder, entry.name));
      return { name: stripJson(entry.name), sizeBytes: info.size, modifiedAt: info.mtime.toISOString() };
    }),
  );
  return infos.sort((left, right) => left.name.localeCompare(right.name, 'en'));
}

/** The sub-folders of a folder, sorted; none when it does not exist. */
export async function listSubfolders(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((thrown: unknown) => {
    if (isMissing(thrown)) return [];
    throw fileError('FILE_READ_FAILED', `list the sample sets in "${folder}"`, folder, thrown);
  });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((left, right) => left.localeCompare(right, 'en'));
}

/** Reads and parses one sample file; INPUT_INVALID with line and column when it is not JSON. */
export async function readSampleFile(path: string): Promise<JsonValue> {
  const text = await readTextFile(path, { maxBytes: mebibytes(MAX_SAMPLE_MB), label: 'Sample' });
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.failure;
    throw new BridgeflowError(
      'INPUT_INVALID',
      `Sample "${path}" is not valid JSON: line ${line}, column ${column}: ${message}`,
      { path },
    );
  }
  return toJsonValue(parsed.value);
}

/** Every sample of a folder (a sample set), in name order: what a set run and the CLI read. */
export async function readSampleFolder(folder: string): Promise<SamplePayload[]> {
  const files = await listSampleFiles(folder);
  if (files.length === 0) {
    const exists = await stat(folder).then(
      (info) => info.isDirectory(),
      () => false,
    );
    throw new BridgeflowError(
      exists ? 'INPUT_INVALID' : 'FILE_NOT_FOUND',
      exists ? `The sample set "${folder}" holds no .json samples` : `There is no sample set "${folder}"`,
      { path: folder },
    );
  }
  return Promise.all(
    files.map(async (file) => ({
      name: file.name,
      payload: await readSampleFile(join(folder, `${file.name}.json`)),
    })),
  );
}

/**
 * Writes a sample pretty-printed (samples are read and diffed by people). `create` refuses to
 * replace an existing file, so a duplicate or a capture never overwrites a sample silently.
 */
export async function writeSampleFile(
  path: string,
  payload: JsonValue,
  mode: 'create' | 'replace',
): Promise<void> {
  try {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, `${JSON.stringify(payload, null, 2)}\n`, { flag: mode === 'create' ? 'wx' : 'w' });
  } catch (thrown) {
    if (isExisting(thrown)) throw alreadyExists(path);
    throw fileError('FILE_WRITE_FAILED', 'write the sample', path, thrown);
  }
}

/** Renames a sample file, refusing to replace another. */
export async function renameSampleFile(from: string, to: string): Promise<void> {
  if (await exists(to)) throw alreadyExists(to);
  try {
    await rename(from, to);
  } catch (thrown) {
    if (isMissing(thrown)) throw notFound(from);
    throw fileError('FILE_WRITE_FAILED', 'rename the sample', from, thrown);
  }
}

/** Deletes a sample file (or, with `folder`, an empty-or-not sample set folder). */
export async function deleteSamplePath(path: string, kind: 'file' | 'folder'): Promise<void> {
  if (!(await exists(path))) throw notFound(path);
  try {
    await rm(path, { recursive: kind === 'folder' });
  } catch (thrown) {
    throw fileError('FILE_WRITE_FAILED', 'delete', path, thrown);
  }
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function notFound(path: string): BridgeflowError {
  return new BridgeflowError('FILE_NOT_FOUND', `There is no sample "${path}"`, { path });
}

function alreadyExists(path: string): BridgeflowError {
  return new BridgeflowError('INPUT_INVALID', `A sample "${path}" already exists; choose another name`, {
    path,
  });
}

function fileError(
  code: 'FILE_READ_FAILED' | 'FILE_WRITE_FAILED',
  what: string,
  path: string,
  thrown: unknown,
): BridgeflowError {
  const reason = thrown instanceof Error ? thrown.message : String(thrown);
  return new BridgeflowError(code, `Could not ${what} "${path}": ${reason}`, { path });
}

function errorCode(thrown: unknown): unknown {
  return typeof thrown === 'object' && thrown !== null && 'code' in thrown ? thrown.code : undefined;
}

function isMissing(thrown: unknown): boolean {
  return errorCode(thrown) === 'ENOENT';
}

function isExisting(thrown: unknown): boolean {
  return errorCode(thrown) === 'EEXIST';
}
