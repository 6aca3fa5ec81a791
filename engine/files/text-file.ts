import { open } from 'node:fs/promises';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';

const MEBIBYTE = 1024 * 1024;

/** Options of {@link readTextFile}. */
export interface ReadTextFileOptions {
  /** Files larger than this are refused before any byte is read. */
  maxBytes: number;
  /** What the file is, for messages: "Flow file", "Input file". */
  label: string;
}

/**
 * Reads a UTF-8 file whole, refusing it up front when it is larger than `maxBytes` (a 100 MB
 * sample given by mistake must fail at once, not after parsing). Throws FILE_NOT_FOUND,
 * INPUT_TOO_LARGE or FILE_READ_FAILED with the path and the reason.
 */
export async function readTextFile(path: string, options: ReadTextFileOptions): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (thrown) {
    throw readError(path, options.label, thrown);
  }
  try {
    // Size from the open handle, so the file checked is the file read.
    const stats = await handle.stat();
    if (!stats.isFile()) {
      throw new BridgeflowError('FILE_READ_FAILED', `${options.label} "${path}" is not a file`, { path });
    }
    if (stats.size > options.maxBytes) {
      throw new BridgeflowError(
        'INPUT_TOO_LARGE',
        `${options.label} "${path}" is ${megabytes(stats.size)} MB, larger than the ${megabytes(options.maxBytes)} MB limit`,
        { path },
      );
    }
    return await handle.readFile({ encoding: 'utf8' });
  } catch (thrown) {
    throw thrown instanceof BridgeflowError ? thrown : readError(path, options.label, thrown);
  } finally {
    await handle.close();
  }
}

function readError(path: string, label: string, thrown: unknown): BridgeflowError {
  const code = thrown instanceof Error && 'code' in thrown ? thrown.code : undefined;
  if (code === 'ENOENT') {
    return new BridgeflowError('FILE_NOT_FOUND', `${label} "${path}" does not exist`, {
      path,
      cause: thrown,
    });
  }
  const reason = thrown instanceof Error ? thrown.message : String(thrown);
  return new BridgeflowError(
    'FILE_READ_FAILED',
    `Could not read ${label.toLowerCase()} "${path}": ${reason}`,
    {
      path,
      cause: thrown,
    },
  );
}

/** Sizes in MiB, printed as "MB" the way file managers do; one decimal, none when whole. */
export function megabytes(bytes: number): string {
  const value = bytes / MEBIBYTE;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Bytes in `count` MiB. */
export function mebibytes(count: number): number {
  return count * MEBIBYTE;
}
