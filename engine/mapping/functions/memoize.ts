import type { JsonValue } from '../../contract/flow-document.ts';

const LIMIT = 10_000;

type Scalar = string | number | boolean | null;

/**
 * Remembers the results of a pure function of scalar arguments. Mappings call the address
 * functions with the same few values again and again ("Texas", "US"), and resolving a name
 * through the country data costs microseconds; a repeat costs a few Map lookups. Maps keyed by
 * the values themselves keep `1` and `"1"` apart without building strings. Calls with object or
 * array arguments are not remembered; the cache empties itself past 10,000 results.
 */
export function memoizeScalars(
  implementation: (...args: JsonValue[]) => JsonValue,
): (...args: JsonValue[]) => JsonValue {
  let root = new Map<number, Map<Scalar, unknown>>();
  let size = 0;
  return (...args) => {
    let level: Map<Scalar, unknown> | undefined = root.get(args.length);
    if (!level) {
      level = new Map();
      root.set(args.length, level);
    }
    for (let index = 0; index < args.length; index++) {
      const argument = args[index] ?? null;
      if (typeof argument === 'object' && argument !== null) return implementation(...args);
      const last = index === args.length - 1;
      const next: unknown = level.get(argument);
      if (last) {
        if (next !== undefined || level.has(argument)) return isJson(next) ? next : null;
        const result = implementation(...args);
        if (++size > LIMIT) {
          root = new Map();
          size = 0;
        } else {
          level.set(argument, result);
        }
        return result;
      }
      if (next instanceof Map) level = next;
      else {
        const created = new Map<Scalar, unknown>();
        level.set(argument, created);
        level = created;
      }
    }
    return implementation(...args);
  };
}

function isJson(value: unknown): value is JsonValue {
  return value === null || typeof value !== 'function';
}
