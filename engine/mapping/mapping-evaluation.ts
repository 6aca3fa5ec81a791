import type { JsonObject, JsonValue } from '../contract/flow-document.ts';
import { toJsonValue } from '../nodes/json-path.ts';

// What compiled mapping sources share while they run: the scope they read, the state they
// record misses and lineage in, and the helpers that keep evaluation synchronous until a
// JSONata expression makes it asynchronous.

export type { JsonObject };

/** A lookup that found nothing for an item whose mapping says it must (the exception port's reason). */
export interface MappingMiss {
  /** Target path, with element indices: `OrderDetails[2].Item`. */
  target: string;
  reason: string;
}

/** The mapped record and what went wrong on the way. */
export interface MappingOutcome {
  record: JsonObject;
  misses: MappingMiss[];
}

/** How one target value came about: its source paths, functions and lookups with their values. */
export interface FieldLineage {
  target: string;
  value: JsonValue | undefined;
  steps: LineageStep[];
}

export type LineageStep =
  | { kind: 'path'; path: string; value: JsonValue | undefined }
  | { kind: 'function'; name: string; args: (JsonValue | undefined)[]; value: JsonValue | undefined }
  | {
      kind: 'lookup';
      table: string;
      key: string;
      value: JsonValue | undefined;
      matchedBy?: string;
      miss?: string;
    }
  | { kind: 'expression'; expression: string; value: JsonValue | undefined };

export interface Scope {
  current: JsonValue;
  root: JsonValue;
}

export interface EvaluationState {
  misses: MappingMiss[];
  /** Target field being evaluated, relative to `prefix` (for misses and lineage). */
  target: string;
  /** The element being filled inside "for each" blocks, built into `OrderDetails[2].` only when needed. */
  prefix: ElementPrefix | undefined;
  lineage?: FieldLineage[];
  steps?: LineageStep[];
}

export interface ElementPrefix {
  parent: ElementPrefix | undefined;
  target: string;
  index: number;
}

export function prefixText(prefix: ElementPrefix | undefined): string {
  return prefix ? `${prefixText(prefix.parent)}${prefix.target}[${prefix.index}].` : '';
}

export type Evaluate = (scope: Scope, state: EvaluationState) => unknown;

export interface CompiledSource {
  sync: boolean;
  evaluate: Evaluate;
}

export function beginField(state: EvaluationState, target: string): FieldLineage | undefined {
  state.target = target;
  if (!state.lineage) return undefined;
  const entry: FieldLineage = { target: `${prefixText(state.prefix)}${target}`, value: undefined, steps: [] };
  state.lineage.push(entry);
  state.steps = entry.steps;
  return entry;
}

export function endField(state: EvaluationState, entry: FieldLineage | undefined, value: unknown): void {
  if (entry) entry.value = toJsonOrUndefined(value);
  state.steps = undefined;
}

/** Writes a value at a dotted path; missing values (undefined, null) are left out of the record. */
export function writeValue(into: JsonObject, steps: readonly string[], value: unknown): void {
  // Values are JSON by construction: read from the item, constants, library results, converted JSONata.
  if (value === undefined || value === null) return;
  let node = into;
  for (let index = 0; index < steps.length - 1; index++) {
    const step = steps[index] ?? '';
    const next = node[step];
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) node = next;
    else {
      const created: JsonObject = {};
      node[step] = created;
      node = created;
    }
  }
  node[steps[steps.length - 1] ?? ''] = jsonOrNull(value);
}

/**
 * A value already known to be JSON (read from the item, a constant, a library result or a
 * converted JSONata result), typed as such; a shallow check, not a copy.
 */
export function jsonOrNull(value: unknown): JsonValue {
  return isJsonLike(value) ? value : null;
}

function isJsonLike(value: unknown): value is JsonValue {
  return value === null || ['string', 'number', 'boolean', 'object'].includes(typeof value);
}

export function toJsonOrUndefined(value: unknown): JsonValue | undefined {
  return value === undefined ? undefined : toJsonValue(value);
}

/** Applies `then` to a value that may be a Promise, staying synchronous when it is not. */
export function settle(value: unknown, then: (resolved: unknown) => unknown): unknown {
  return value instanceof Promise ? Promise.resolve<unknown>(value).then(then) : then(value);
}

export function settleAll(values: readonly unknown[], then: (resolved: unknown[]) => unknown): unknown {
  return values.some((value) => value instanceof Promise)
    ? Promise.all<unknown>(values).then((resolved) => then(resolved))
    : then([...values]);
}

/** A field writer's result: done now, or a promise of being done. */
export function done(result: unknown): void | Promise<void> {
  return result instanceof Promise ? Promise.resolve<unknown>(result).then(() => undefined) : undefined;
}
