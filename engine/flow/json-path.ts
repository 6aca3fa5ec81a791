/** A plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Keys that read well after a dot; anything else (spaces, dashes, leading digits) is quoted.
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats path segments the way users read them: `nodes[2].parameters.url`, `headers["x-id"]`. */
export function formatJsonPath(segments: readonly PropertyKey[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else {
      const key = String(segment);
      if (IDENTIFIER.test(key)) path += path === '' ? key : `.${key}`;
      else path += `[${JSON.stringify(key)}]`;
    }
  }
  return path;
}

/** Joins two formatted paths (`nodes[0].parameters` + `url`). */
export function joinJsonPath(base: string, rest: string): string {
  if (base === '') return rest;
  if (rest === '' || rest.startsWith('[')) return base + rest;
  return `${base}.${rest}`;
}

/** The value at `segments` inside `root`, or undefined when any step is missing. */
export function valueAt(root: unknown, segments: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of segments) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isRecord(value) && typeof segment !== 'symbol') value = value[String(segment)];
    else return undefined;
  }
  return value;
}
