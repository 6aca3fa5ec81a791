import { type CompiledExpression, compileExpression } from './expression.ts';

/** A string with `{{ expression }}` parts, e.g. `/orders/{{ OrderID }}`. */
export interface CompiledTemplate {
  readonly source: string;
  /** True when there is no `{{ }}` part: the template is its own value. */
  readonly constant: boolean;
  render(input: unknown, bindings?: Record<string, unknown>): string | Promise<string>;
}

const PLACEHOLDER = /\{\{([\s\S]*?)\}\}/g;

/** Compiles a template; EXPRESSION_SYNTAX when a `{{ }}` part does not parse. */
export function compileTemplate(source: string): CompiledTemplate {
  const literals: string[] = [];
  const expressions: CompiledExpression[] = [];
  let last = 0;
  for (const match of source.matchAll(PLACEHOLDER)) {
    literals.push(source.slice(last, match.index));
    expressions.push(compileExpression(match[1] ?? ''));
    last = match.index + match[0].length;
  }
  literals.push(source.slice(last));
  if (expressions.length === 0) return { source, constant: true, render: () => source };
  return {
    source,
    constant: false,
    render(input, bindings) {
      const values = expressions.map((expression) => expression.evaluate(input, bindings));
      if (values.some((value) => value instanceof Promise)) {
        return Promise.all(values).then((resolved) => join(literals, resolved));
      }
      return join(literals, values);
    },
  };
}

function join(literals: readonly string[], values: readonly unknown[]): string {
  let text = literals[0] ?? '';
  for (let index = 0; index < values.length; index++) {
    text += asText(values[index]) + (literals[index + 1] ?? '');
  }
  return text;
}

/** How a value reads inside a string: text as is, nothing for missing, JSON for the rest. */
function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
