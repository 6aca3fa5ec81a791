import jsonata from 'jsonata';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import { jsonataBindings } from '../mapping/functions/index.ts';
import { compileFastPath, DEFERRED } from './expression-fast-path.ts';

/** A compiled JSONata expression. `evaluate` is synchronous when the fast path applies. */
export interface CompiledExpression {
  readonly source: string;
  evaluate(input: unknown, bindings?: Record<string, unknown>): unknown;
}

/** Shape of the errors the jsonata package throws (documented in its README, not typed). */
interface JsonataFailure {
  message: string;
  position?: number;
  code?: string;
}

function isJsonataFailure(value: unknown): value is JsonataFailure {
  return typeof value === 'object' && value !== null && 'message' in value;
}

// The mapping function library ($dateToM3, $customerDedupeKey, ...) is bound in every expression,
// not only in mapping nodes: a filter or a transform needs the same functions.
const LIBRARY: Record<string, unknown> = jsonataBindings();
const LIBRARY_NAMES: ReadonlySet<string> = new Set(Object.keys(LIBRARY));

const cache = new Map<string, CompiledExpression>();
const CACHE_LIMIT = 5_000;

/**
 * Compiles a JSONata expression (cached by source). Throws EXPRESSION_SYNTAX with the
 * character position when the expression does not parse.
 *
 * Everyday expressions (paths, literals, `&`, comparisons, arithmetic, `?:`, a few string
 * functions; expression-fast-path.ts) are evaluated directly instead of through JSONata: the same
 * result, tens of times faster, which is what lets set-field and mapping nodes run at hundreds of
 * thousands of items a second. Wherever JSONata's semantics differ (arrays, number formatting,
 * values it refuses), the fast path defers to JSONata.
 */
export function compileExpression(source: string): CompiledExpression {
  const cached = cache.get(source);
  if (cached) return cached;
  const compiled = compileUncached(source);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(source, compiled);
  return compiled;
}

function compileUncached(source: string): CompiledExpression {
  let parsed: jsonata.Expression;
  try {
    parsed = jsonata(source);
  } catch (thrown) {
    throw syntaxError(source, thrown);
  }
  // The library goes into the expression's own environment once: bindings passed to evaluate are
  // bound into a fresh frame on every call, which for the whole library cost more than most
  // expressions take to run. A call's own bindings still shadow library names, as before.
  for (const [name, value] of Object.entries(LIBRARY)) parsed.assign(name, value);
  const slow = (input: unknown, bindings?: Record<string, unknown>): Promise<unknown> =>
    parsed.evaluate(input, bindings).catch((thrown: unknown) => {
      throw evaluationError(source, thrown);
    });
  const fast = compileFastPath(parsed.ast(), LIBRARY_NAMES);
  if (!fast) return { source, evaluate: slow };
  const shadowable = fast.functions;
  return {
    source,
    evaluate(input, bindings) {
      if (bindings && shadowable.some((name) => Object.hasOwn(bindings, name))) return slow(input, bindings);
      const value = fast.evaluate(input);
      return value === DEFERRED ? slow(input, bindings) : value;
    },
  };
}

/** Throws EXPRESSION_SYNTAX if `source` does not parse; returns nothing otherwise. */
export function checkExpressionSyntax(source: string): string | undefined {
  try {
    compileExpression(source);
    return undefined;
  } catch (thrown) {
    return thrown instanceof Error ? thrown.message : String(thrown);
  }
}

function syntaxError(source: string, thrown: unknown): BridgeflowError {
  const failure = isJsonataFailure(thrown) ? thrown : { message: String(thrown) };
  const where = failure.position === undefined ? '' : ` at character ${failure.position}`;
  return new BridgeflowError(
    'EXPRESSION_SYNTAX',
    `Expression ${JSON.stringify(source)} has a syntax error${where}: ${failure.message}`,
  );
}

function evaluationError(source: string, thrown: unknown): BridgeflowError {
  if (thrown instanceof BridgeflowError) return thrown;
  const failure = isJsonataFailure(thrown) ? thrown : { message: String(thrown) };
  return new BridgeflowError(
    'EXPRESSION_FAILED',
    `Expression ${JSON.stringify(source)} failed: ${failure.message}`,
  );
}
