/**
 * Reads a dotted path the way JSONata does, so compiled mappings and JSONata agree: an array met
 * along the path is mapped over and the results flattened; an empty result is undefined and a
 * one-element result is that element. An array that is the value of the last step on a single
 * object is returned as it is (JSONata's `{"a":[1]}.a` is `[1]`).
 */
export function readPath(value: unknown, steps: readonly string[], from = 0): unknown {
  if (value === undefined || value === null) return undefined;
  if (from === steps.length) return value;
  if (Array.isArray(value)) {
    const results: unknown[] = [];
    for (const element of value) {
      const result = readPath(element, steps, from);
      if (result === undefined) continue;
      if (Array.isArray(result)) results.push(...result);
      else results.push(result);
    }
    if (results.length === 0) return undefined;
    return results.length === 1 ? results[0] : results;
  }
  if (!isRecord(value)) return undefined;
  const step = steps[from] ?? '';
  // Own properties only: a path named `constructor` or `__proto__` must not reach the prototype.
  return Object.hasOwn(value, step) ? readPath(value[step], steps, from + 1) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
