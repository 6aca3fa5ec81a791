import { basename } from 'node:path';
import { type FlowDocument, FlowDocumentSchema } from '../contract/flow-document.ts';
import { FLOW_PROBLEM_CODES, type FlowProblem, type FlowProblemCode } from '../contract/problems.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import { mebibytes, readTextFile } from '../files/text-file.ts';
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
    const code = FLOW_PROBLEM_CODES.find((known) => known === thrown.code) ?? 'FLOW_INVALID';
    return { problems: [problem(code, thrown.details.path ?? '', thrown.message)] };
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

function problem(code: FlowProblemCode, path: string, message: string): FlowProblem {
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

/**
 * Reads and parses a flow file. Problems with the flow's content are returned as problems; not
 * being able to read the file at all throws FILE_NOT_FOUND, INPUT_TOO_LARGE or FILE_READ_FAILED.
 */
export async function loadFlowFile(path: string, options: LoadFlowOptions = {}): Promise<ParsedFlow> {
  const text = await readTextFile(path, { maxBytes: options.maxBytes ?? mebibytes(10), label: 'Flow file' });
  return parseFlowText(text, { fileName: basename(path) });
}
