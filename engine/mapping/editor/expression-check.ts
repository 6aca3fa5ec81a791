import jsonata from 'jsonata';
import { functionCompletions } from './editor-completions.ts';

/** One inline problem for the expression editor, by character offsets into the expression. */
export interface ExpressionProblem {
  severity: 'error' | 'warning';
  message: string;
  /** 0-based offset of the first character. */
  start: number;
  /** 0-based offset just after the last character. */
  end: number;
}

const KNOWN = new Set(functionCompletions().map((completion) => completion.name));
// JSONata built-ins not offered in completion but valid all the same.
const MORE_BUILTINS =
  'append sort reverse shuffle distinct zip keys lookup spread merge sift each error assert type each average formatNumber formatBase formatInteger parseInteger millis fromMillis toMillis single reduce match base64encode base64decode encodeUrlComponent encodeUrl decodeUrlComponent decodeUrl eval clone';
for (const name of MORE_BUILTINS.split(' ')) KNOWN.add(name);

/** Shape of jsonata's errors and AST nodes (its README documents them; its types do not). */
interface Failure {
  message: string;
  position?: number;
}

function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && 'message' in value;
}

/**
 * Checks a mapping expression for the editor's inline marks: a syntax error where JSONata stops
 * reading, and a warning on calls to functions that neither the mapping library nor JSONata
 * has (JSONata itself only fails on them when the call runs). Variables bound with `:=` in the
 * expression are not flagged.
 */
export function checkExpression(source: string): ExpressionProblem[] {
  let ast: unknown;
  try {
    ast = jsonata(source).ast();
  } catch (thrown) {
    const failure = isFailure(thrown) ? thrown : { message: String(thrown) };
    const end = Math.min(source.length, Math.max(1, failure.position ?? source.length));
    return [{ severity: 'error', message: failure.message, start: Math.max(0, end - 1), end }];
  }
  const bound = new Set<string>();
  const calls: { name: string; position: number }[] = [];
  collect(ast, bound, calls);
  return calls
    .filter((call) => !KNOWN.has(call.name) && !bound.has(call.name))
    .map((call) => ({
      severity: 'warning' as const,
      message: `Unknown function $${call.name}`,
      start: Math.max(0, call.position - call.name.length - 1),
      end: call.position,
    }));
}

function collect(node: unknown, bound: Set<string>, calls: { name: string; position: number }[]): void {
  if (Array.isArray(node)) {
    for (const child of node) collect(child, bound, calls);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record: Record<string, unknown> = { ...node };
  if (record.type === 'bind' && isNamed(record.lhs)) bound.add(record.lhs.value);
  if (
    record.type === 'function' &&
    isNamed(record.procedure) &&
    typeof record.procedure.position === 'number'
  )
    calls.push({ name: record.procedure.value, position: record.procedure.position });
  for (const value of Object.values(record)) if (typeof value === 'object') collect(value, bound, calls);
}

function isNamed(value: unknown): value is { value: string; position?: number } {
  return typeof value === 'object' && value !== null && 'value' in value && typeof value.value === 'string';
}
