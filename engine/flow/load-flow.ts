import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { type FlowDocument, FlowDocumentSchema } from '../contract/flow-document.ts';
import type { FlowProblem } from '../contract/problems.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import { migrateFlow } from './flow-migrations.ts';
import { formatJsonPath, isRecord, valueAt } from './json-path.ts';
import { parseJson } from './json-text.ts';
import { describeZodIssues } from './zod-issues.ts';

/** Options of {@link parseFlowText}. */
export interface ParseFlowOptions {
  /** Shown in syntax error messages (`flow.json line 12, column 5: ...`). */
  fileName?: string;
}

/** A flow file read as far as it could be: a document when its shape is right, and every problem found. */
export interface ParsedFlow {
  document?: FlowDocument;
  problems: FlowProblem[];
  /** The schemaVersion the file was written with, when it was older and got upgraded on load. */
  migratedFrom?: number;
}

/**
 * Parses a flow file's text: JSON syntax, then migrations to the current schema version, then the
 * document schema. Every schema issue is reported, not just the first. Semantic checks (node types,
 * edges, cycles) are {@link validateFlow}'s job.
 */
export function parseFlowText(text: string, options: ParseFlowOptions = {}): ParsedFlow {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.failure;
    const where = `${options.fileName === undefined ? '' : `${options.fileName} `}line ${line}, column ${column}`;
    return { problems: [problem('FLOW_PARSE_FAILED', '', `${where}: ${message}`)] };
  }
  let migrated: ReturnType<typeof migrateFlow>;
  try {
    migrated = migrateFlow(parsed.value);
  } catch (thrown) {
    if (!(thrown instanceof BridgeflowError)) throw thrown;
    return { problems: [problem(thrown.code, thrown.details.path ?? '', thrown.message)] };
  }
  const migratedFrom = migrated.applied.length > 0 ? { migratedFrom: migrated.fromVersion } : {};
  const checked = FlowDocumentSchema.safeParse(migrated.raw);
  if (checked.success) return { document: checked.data, problems: [], ...migratedFrom };
  const problems = describeZodIssues(checked.error.issues, migrated.raw, 'property').map((finding) => ({
    ...problem('FLOW_INVALID', formatJsonPath(finding.path), finding.message),
    ...nodeOf(migrated.raw, finding.path),
  }));
  return { problems, ...migratedFrom };
}

function problem(code: string, path: string, message: string): FlowProblem {
  return { severity: 'error', code, path, message };
}

/** The node a problem under `nodes[i]` is about, as far as the raw data names it. */
function nodeOf(raw: unknown, path: readonly PropertyKey[]): Pick<FlowProblem, 'nodeId' | 'nodeName'> {
  const [first, index] = path;
  if (first !== 'nodes' || typeof index !== 'number') return {};
  const node = valueAt(raw, ['nodes', index]);
  if (!isRecord(node)) return {};
  const named: Pick<FlowProblem, 'nodeId' | 'nodeName'> = {};
  if (typeof node.id === 'string' && node.id !== '') named.nodeId = node.id;
  if (typeof node.name === 'string' && node.name !== '') named.nodeName = node.name;
  return named;
}

/** Options of {@link loadFlowFile}. */
export interface LoadFlowOptions {
  /** Files larger than this are refused before reading (default 10 MiB). */
  maxBytes?: number;
}

const MEBIBYTE = 1024 * 1024;

/**
 * Reads and parses a flow file. Problems with the flow's content are returned as problems; not
 * being able to read the file at all throws FILE_NOT_FOUND, INPUT_TOO_LARGE or FILE_READ_FAILED.
 */
export async function loadFlowFile(path: string, options: LoadFlowOptions = {}): Promise<ParsedFlow> {
  const text = await readFlowText(path, options.maxBytes ?? 10 * MEBIBYTE);
  return parseFlowText(text, { fileName: basename(path) });
}

async function readFlowText(path: string, maxBytes: number): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (thrown) {
    throw readError(path, thrown);
  }
  try {
    // Size from the open handle, so the file checked is the file read.
    const stats = await handle.stat();
    if (!stats.isFile()) throw new BridgeflowError('FILE_READ_FAILED', `"${path}" is not a file`, { path });
    if (stats.size > maxBytes) {
      throw new BridgeflowError(
        'INPUT_TOO_LARGE',
        `Flow file "${path}" is ${(stats.size / MEBIBYTE).toFixed(1)} MB, larger than the ${megabytes(maxBytes)} MB limit`,
        { path },
      );
    }
    return await handle.readFile({ encoding: 'utf8' });
  } catch (thrown) {
    throw thrown instanceof BridgeflowError ? thrown : readError(path, thrown);
  } finally {
    await handle.close();
  }
}

function readError(path: string, thrown: unknown): BridgeflowError {
  const code = isRecord(thrown) ? thrown.code : undefined;
  if (code === 'ENOENT') {
    return new BridgeflowError('FILE_NOT_FOUND', `Flow file "${path}" does not exist`, {
      path,
      cause: thrown,
    });
  }
  const reason = thrown instanceof Error ? thrown.message : String(thrown);
  return new BridgeflowError('FILE_READ_FAILED', `Could not read flow file "${path}": ${reason}`, {
    path,
    cause: thrown,
  });
}

/** A limit in MiB, printed as "MB" the way file managers do; one decimal, none when whole. */
function megabytes(bytes: number): string {
  const value = bytes / MEBIBYTE;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
