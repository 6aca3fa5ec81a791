import type { JsonValue } from '../contract/flow-document.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import { isTruthy } from '../expressions/condition.ts';
import { compileExpression } from '../expressions/expression.ts';
import { toJsonValue } from '../nodes/json-path.ts';
import { generateMappingFunction } from './mapping-codegen.ts';
import type { LookupResolver, MappingFunction } from './mapping-function.ts';
import type { FieldMapping, Mapping, MappingSource } from './mapping-model.ts';
import { readPath } from './read-path.ts';

type JsonObject = { [key: string]: JsonValue };

/** What the compiler needs from the outside. */
export interface MappingEnvironment {
  /** The function library by name (engine/mapping/functions). */
  functions(name: string): MappingFunction | undefined;
  /** Lookup tables; mappings that use none can leave it out. */
  lookups?: LookupResolver;
  /** Functions bound inside JSONata expressions (the library's `jsonataBindings()`). */
  jsonataBindings?: Record<string, unknown>;
}

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

/** A compiled mapping: plain functions for the declarative parts, JSONata only where written. */
export interface CompiledMapping {
  /** True when no field uses JSONata: `evaluate` then never returns a Promise. */
  readonly synchronous: boolean;
  evaluate(item: JsonValue): MappingOutcome | Promise<MappingOutcome>;
  /** Like `evaluate`, with the lineage of every target value ("why is this value here"). */
  explain(item: JsonValue): Promise<MappingOutcome & { lineage: FieldLineage[] }>;
}

interface Scope {
  current: JsonValue;
  root: JsonValue;
}

interface EvaluationState {
  misses: MappingMiss[];
  /** Target field being evaluated, relative to `prefix` (for misses and lineage). */
  target: string;
  /** The element being filled inside "for each" blocks, built into `OrderDetails[2].` only when needed. */
  prefix: ElementPrefix | undefined;
  lineage?: FieldLineage[];
  steps?: LineageStep[];
}

interface ElementPrefix {
  parent: ElementPrefix | undefined;
  target: string;
  index: number;
}

function prefixText(prefix: ElementPrefix | undefined): string {
  return prefix ? `${prefixText(prefix.parent)}${prefix.target}[${prefix.index}].` : '';
}

type Evaluate = (scope: Scope, state: EvaluationState) => unknown;

interface CompiledSource {
  sync: boolean;
  evaluate: Evaluate;
}

/** Compiles a mapping. Unknown functions and wrong argument counts throw MAPPING_FUNCTION_FAILED now, not per item. */
export function compileMapping(mapping: Mapping, environment: MappingEnvironment): CompiledMapping {
  const fill = compileFields(mapping.fields, environment);
  const run = (item: JsonValue, state: EvaluationState): MappingOutcome | Promise<MappingOutcome> => {
    const record: JsonObject = {};
    const filled = fill.run({ current: item, root: item }, state, record);
    const outcome = { record, misses: state.misses };
    return filled instanceof Promise ? filled.then(() => outcome) : outcome;
  };
  // The declarative subset also compiles to generated code (mapping-codegen.ts), several times
  // faster; the closures stay for JSONata fields and for `explain`, which traces every step.
  const generated = generateMappingFunction(mapping, environment);
  return {
    synchronous: fill.sync,
    evaluate: generated ?? ((item) => run(item, { misses: [], target: '', prefix: undefined })),
    async explain(item) {
      const lineage: FieldLineage[] = [];
      const outcome = await run(item, { misses: [], target: '', prefix: undefined, lineage });
      return { ...outcome, lineage };
    },
  };
}

interface CompiledFields {
  sync: boolean;
  run(scope: Scope, state: EvaluationState, into: JsonObject): void | Promise<void>;
}

function compileFields(fields: readonly FieldMapping[], environment: MappingEnvironment): CompiledFields {
  const compiled = fields.map((field) => compileField(field, environment));
  const sync = compiled.every((field) => field.sync);
  return {
    sync,
    run(scope, state, into) {
      if (sync) {
        for (const field of compiled) field.run(scope, state, into);
        return;
      }
      return compiled.reduce<Promise<void>>(
        (previous, field) => previous.then(() => field.run(scope, state, into)),
        Promise.resolve(),
      );
    },
  };
}

function compileField(field: FieldMapping, environment: MappingEnvironment): CompiledFields {
  const steps = field.target.split('.');
  if ('source' in field) {
    const source = compileSource(field.source, environment);
    return {
      sync: source.sync,
      run(scope, state, into) {
        const entry = beginField(state, field.target);
        const value = source.evaluate(scope, state);
        if (!(value instanceof Promise)) {
          endField(state, entry, value);
          writeValue(into, steps, value);
          return;
        }
        return done(
          settle(value, (resolved) => {
            endField(state, entry, resolved);
            writeValue(into, steps, resolved);
          }),
        );
      },
    };
  }
  const elements = compileSource(field.forEach, environment);
  const children = compileFields(field.fields, environment);
  return {
    sync: elements.sync && children.sync,
    run(scope, state, into) {
      beginField(state, field.target);
      const fillElements = (value: unknown): void | Promise<void> => {
        const list = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
        const results: JsonObject[] = [];
        const parentPrefix = state.prefix;
        const runElement = (element: JsonValue, index: number): void | Promise<void> => {
          const result: JsonObject = {};
          results.push(result);
          state.prefix = { parent: parentPrefix, target: field.target, index };
          return children.run({ current: element, root: scope.root }, state, result);
        };
        const write = (): void => {
          state.prefix = parentPrefix;
          if (list.length > 0) writeValue(into, steps, results);
        };
        if (children.sync) {
          for (let index = 0; index < list.length; index++) runElement(list[index], index);
          return write();
        }
        // One element after the other, so misses and lineage name the right element.
        return list
          .reduce<Promise<void>>(
            (previous, element, index) => previous.then(() => runElement(element, index)),
            Promise.resolve(),
          )
          .then(write);
      };
      const value = elements.evaluate(scope, state);
      return value instanceof Promise ? done(settle(value, fillElements)) : fillElements(value);
    },
  };
}

function compileSource(source: MappingSource, environment: MappingEnvironment): CompiledSource {
  if ('path' in source) return compilePath(source);
  if ('value' in source) return { sync: true, evaluate: () => source.value };
  if ('fn' in source) return compileFunction(source, environment);
  if ('lookup' in source) return compileLookup(source, environment);
  if ('if' in source) return compileCondition(source, environment);
  return compileJsonata(source.expression, jsonataBindingsOf(environment));
}

/** The library functions plus `$lookup(table, key)` (value or null), for JSONata sources. */
function jsonataBindingsOf(environment: MappingEnvironment): Record<string, unknown> {
  return {
    ...environment.jsonataBindings,
    lookup: (table: unknown, key: unknown) => {
      if (typeof table !== 'string' || key === undefined || key === null) return null;
      const result = environment.lookups?.resolve(table, String(key));
      return result?.found ? result.value : null;
    },
  };
}

function compilePath(source: { path: string; from?: 'current' | 'root' }): CompiledSource {
  const steps = source.path.split('.');
  const fromRoot = source.from === 'root';
  const label = fromRoot ? `$root.${source.path}` : source.path;
  return {
    sync: true,
    evaluate(scope, state) {
      const value = readPath(fromRoot ? scope.root : scope.current, steps);
      if (state.steps) state.steps.push({ kind: 'path', path: label, value: toJsonOrUndefined(value) });
      return value;
    },
  };
}

function compileFunction(
  source: { fn: string; args: MappingSource[] },
  environment: MappingEnvironment,
): CompiledSource {
  const definition = environment.functions(source.fn);
  if (!definition) {
    throw new BridgeflowError('MAPPING_FUNCTION_FAILED', `Unknown mapping function "${source.fn}"`);
  }
  const required = definition.parameters.filter((parameter) => !parameter.optional).length;
  if (source.args.length < required || source.args.length > definition.parameters.length) {
    throw new BridgeflowError(
      'MAPPING_FUNCTION_FAILED',
      `Function "${source.fn}" takes ${required}–${definition.parameters.length} arguments (${definition.parameters.map((parameter) => parameter.name).join(', ')}), got ${source.args.length}`,
    );
  }
  const args = source.args.map((argument) => compileSource(argument, environment));
  const apply = (values: readonly unknown[], state: EvaluationState): JsonValue => {
    // Arguments are JSON already (paths, constants, library results, converted JSONata results).
    const inputs = values.map(jsonOrNull);
    const result = definition.implementation(...inputs);
    if (state.steps) state.steps.push({ kind: 'function', name: source.fn, args: inputs, value: result });
    return result;
  };
  const sync = args.every((argument) => argument.sync);
  return {
    sync,
    evaluate: sync
      ? (scope, state) => {
          const values = new Array<unknown>(args.length);
          for (let index = 0; index < args.length; index++)
            values[index] = args[index]?.evaluate(scope, state);
          return apply(values, state);
        }
      : (scope, state) =>
          settleAll(
            args.map((argument) => argument.evaluate(scope, state)),
            (values) => apply(values, state),
          ),
  };
}

function compileLookup(
  source: { lookup: string; key: MappingSource; onMiss?: 'exception' | 'null' },
  environment: MappingEnvironment,
): CompiledSource {
  const key = compileSource(source.key, environment);
  return {
    sync: key.sync,
    evaluate(scope, state) {
      return settle(key.evaluate(scope, state), (value) => {
        const text =
          value === undefined || value === null
            ? ''
            : typeof value === 'string'
              ? value
              : JSON.stringify(value);
        const resolver = environment.lookups;
        const result = resolver
          ? resolver.resolve(source.lookup, text)
          : {
              found: false as const,
              reason: `No lookup tables are available to resolve table '${source.lookup}'`,
            };
        if (result.found) {
          state.steps?.push({
            kind: 'lookup',
            table: source.lookup,
            key: text,
            value: result.value,
            matchedBy: result.matchedBy,
          });
          return result.value;
        }
        state.steps?.push({
          kind: 'lookup',
          table: source.lookup,
          key: text,
          value: undefined,
          miss: result.reason,
        });
        if (source.onMiss !== 'null')
          state.misses.push({ target: `${prefixText(state.prefix)}${state.target}`, reason: result.reason });
        return null;
      });
    },
  };
}

function compileCondition(
  source: { if: MappingSource; ifTrue: MappingSource; ifFalse?: MappingSource },
  environment: MappingEnvironment,
): CompiledSource {
  const condition = compileSource(source.if, environment);
  const whenTrue = compileSource(source.ifTrue, environment);
  const whenFalse = source.ifFalse ? compileSource(source.ifFalse, environment) : undefined;
  return {
    sync: condition.sync && whenTrue.sync && (whenFalse?.sync ?? true),
    evaluate(scope, state) {
      return settle(condition.evaluate(scope, state), (value) =>
        isTruthy(value) ? whenTrue.evaluate(scope, state) : whenFalse?.evaluate(scope, state),
      );
    },
  };
}

function compileJsonata(expression: string, bindings: Record<string, unknown>): CompiledSource {
  const compiled = compileExpression(expression);
  return {
    sync: false,
    evaluate(scope, state) {
      return settle(compiled.evaluate(scope.current, { ...bindings, root: scope.root }), (value) => {
        // JSONata can return undefined, functions and sequence arrays: JSON from here on.
        const json = toJsonOrUndefined(value);
        if (state.steps) state.steps.push({ kind: 'expression', expression, value: json });
        return json;
      });
    },
  };
}

function beginField(state: EvaluationState, target: string): FieldLineage | undefined {
  state.target = target;
  if (!state.lineage) return undefined;
  const entry: FieldLineage = { target: `${prefixText(state.prefix)}${target}`, value: undefined, steps: [] };
  state.lineage.push(entry);
  state.steps = entry.steps;
  return entry;
}

function endField(state: EvaluationState, entry: FieldLineage | undefined, value: unknown): void {
  if (entry) entry.value = toJsonOrUndefined(value);
  state.steps = undefined;
}

/** Writes a value at a dotted path; missing values (undefined, null) are left out of the record. */
function writeValue(into: JsonObject, steps: readonly string[], value: unknown): void {
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
function jsonOrNull(value: unknown): JsonValue {
  return isJsonLike(value) ? value : null;
}

function isJsonLike(value: unknown): value is JsonValue {
  return value === null || ['string', 'number', 'boolean', 'object'].includes(typeof value);
}

function toJsonOrUndefined(value: unknown): JsonValue | undefined {
  return value === undefined ? undefined : toJsonValue(value);
}

/** Applies `then` to a value that may be a Promise, staying synchronous when it is not. */
function settle(value: unknown, then: (resolved: unknown) => unknown): unknown {
  return value instanceof Promise ? Promise.resolve<unknown>(value).then(then) : then(value);
}

function settleAll(values: readonly unknown[], then: (resolved: unknown[]) => unknown): unknown {
  return values.some((value) => value instanceof Promise)
    ? Promise.all<unknown>(values).then((resolved) => then(resolved))
    : then([...values]);
}

/** A field writer's result: done now, or a promise of being done. */
function done(result: unknown): void | Promise<void> {
  return result instanceof Promise ? Promise.resolve<unknown>(result).then(() => undefined) : undefined;
}
