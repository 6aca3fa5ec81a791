import type { JsonValue } from '../contract/flow-document.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import { isTruthy } from '../expressions/condition.ts';
import { compileExpression } from '../expressions/expression.ts';
import { generateMappingFunction } from './mapping-codegen.ts';
import {
  beginField,
  type CompiledSource,
  done,
  type EvaluationState,
  endField,
  type FieldLineage,
  type JsonObject,
  jsonOrNull,
  type MappingOutcome,
  prefixText,
  type Scope,
  settle,
  settleAll,
  toJsonOrUndefined,
  writeValue,
} from './mapping-evaluation.ts';
import type { LookupResolver, MappingFunction } from './mapping-function.ts';
import type { FieldMapping, Mapping, MappingSource } from './mapping-model.ts';
import { readPath } from './read-path.ts';

/** What the compiler needs from the outside. */
export interface MappingEnvironment {
  /** The function library by name (engine/mapping/functions). */
  functions(name: string): MappingFunction | undefined;
  /** Lookup tables; mappings that use none can leave it out. */
  lookups?: LookupResolver;
  /** Functions bound inside JSONata expressions (the library's `jsonataBindings()`). */
  jsonataBindings?: Record<string, unknown>;
}

/** A compiled mapping: plain functions for the declarative parts, JSONata only where written. */
export interface CompiledMapping {
  /** True when no field uses JSONata: `evaluate` then never returns a Promise. */
  readonly synchronous: boolean;
  evaluate(item: JsonValue): MappingOutcome | Promise<MappingOutcome>;
  /** Like `evaluate`, with the lineage of every target value ("why is this value here"). */
  explain(item: JsonValue): Promise<MappingOutcome & { lineage: FieldLineage[] }>;
}

export type { FieldLineage, LineageStep, MappingMiss, MappingOutcome } from './mapping-evaluation.ts';

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
