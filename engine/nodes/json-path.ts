import { isJsonObject as isObject, type JsonObject, type JsonValue } from '../contract/flow-document.ts';

/**
 * Returns a copy of `target` with `value` at the dotted `path` (`customer.address.city`),
 * copying only the objects along the path; everything else is shared. Missing or non-object
 * steps become new objects. `target` itself is never modified: items are shared between the
 * nodes and the trace.
 */
export function withValueAt(
  target: JsonValue,
  path: readonly string[],
  value: JsonValue,
  from = 0,
): JsonObject {
  const copy: JsonObject = isObject(target) ? { ...target } : {};
  const key = path[from];
  if (key === undefined) return copy;
  copy[key] = from === path.length - 1 ? value : withValueAt(copy[key] ?? null, path, value, from + 1);
  return copy;
}

/** The value at a dotted path, or undefined. */
export function valueAt(source: JsonValue, path: readonly string[]): JsonValue | undefined {
  let current: JsonValue | undefined = source;
  for (const step of path) {
    if (!isObject(current)) return undefined;
    current = current[step];
  }
  return current;
}

const splitCache = new Map<string, readonly string[]>();

/** Splits a dotted path (cached: nodes split the same few paths for every item); empty segments are dropped. */
export function splitPath(path: string): readonly string[] {
  let steps = splitCache.get(path);
  if (!steps) {
    steps = path.split('.').filter((segment) => segment.length > 0);
    if (splitCache.size > 10_000) splitCache.clear();
    splitCache.set(path, steps);
  }
  return steps;
}

/**
 * Makes an expression's result storable in an item: undefined (JSONata's "no match") becomes
 * null, non-finite numbers become null, functions and other non-JSON values are dropped.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === undefined || value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'object': {
      if (Array.isArray(value)) return value.map(toJsonValue);
      const result: JsonObject = {};
      for (const [key, entry] of Object.entries(value)) {
        if (entry !== undefined && typeof entry !== 'function') result[key] = toJsonValue(entry);
      }
      return result;
    }
    default:
      return null;
  }
}
