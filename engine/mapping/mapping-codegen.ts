import type { JsonValue } from '../contract/flow-document.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import { isTruthy } from '../expressions/condition.ts';
import type { MappingEnvironment, MappingMiss, MappingOutcome } from './mapping-compiler.ts';
import type { FieldMapping, Mapping, MappingSource } from './mapping-model.ts';
import { readPath } from './read-path.ts';

/**
 * Compiles the declarative subset of a mapping (no JSONata) to one JavaScript function, the way
 * ajv compiles JSON Schemas: property reads and writes inline, library functions and lookups
 * called through tables. That is what takes a 5-line order mapping from tens of thousands to
 * hundreds of thousands of orders a second.
 *
 * Safety: nothing from the mapping is pasted into the code as code. Property names go in as
 * JSON string literals, everything else (constants, functions, lookup tables, paths) through
 * arrays indexed by integers the generator chose. Returns undefined when the mapping uses
 * JSONata; the closure compiler handles those.
 */
export function generateMappingFunction(
  mapping: Mapping,
  environment: MappingEnvironment,
): ((item: JsonValue) => MappingOutcome) | undefined {
  if (!isDeclarative(mapping.fields)) return undefined;
  const generator = new Generator(environment);
  const body = generator.fields(mapping.fields, 'record', 'item', { template: '', indices: [] });
  const source = `"use strict";
const nn = (value) => (value === undefined ? null : value);
return function mapped(item) {
  const misses = [];
  const record = {};
  let value;
  let step;
${body}
  return { record, misses };
};`;
  const factory = new Function('readPath', 'isTruthy', 'constants', 'functions', 'lookups', 'paths', source);
  const mapped: unknown = factory(
    readPath,
    isTruthy,
    generator.constants,
    generator.functions,
    generator.lookups,
    generator.paths,
  );
  if (!isGeneratedMapping(mapped)) throw new Error('mapping code generation failed');
  return mapped;
}

/** The generated code is ours: a function of one item returning `{ record, misses }`. */
function isGeneratedMapping(value: unknown): value is (item: JsonValue) => MappingOutcome {
  return typeof value === 'function' && value.length === 1;
}

function isDeclarative(fields: readonly FieldMapping[]): boolean {
  return fields.every((field) =>
    'source' in field
      ? sourceIsDeclarative(field.source)
      : sourceIsDeclarative(field.forEach) && isDeclarative(field.fields),
  );
}

function sourceIsDeclarative(source: MappingSource): boolean {
  if ('expression' in source) return false;
  if ('fn' in source) return source.args.every(sourceIsDeclarative);
  if ('lookup' in source) return sourceIsDeclarative(source.key);
  if ('if' in source) {
    return (
      sourceIsDeclarative(source.if) &&
      sourceIsDeclarative(source.ifTrue) &&
      (!source.ifFalse || sourceIsDeclarative(source.ifFalse))
    );
  }
  return true;
}

/** Where a miss is reported: a path template with `\u0000` for element indices, and the index variables. */
interface MissTarget {
  template: string;
  indices: readonly string[];
}

const INDEX_MARK = '\u0000';

// Names that exist on Object.prototype must be read as own properties only.
const INHERITED = new Set(Object.getOwnPropertyNames(Object.prototype));

class Generator {
  readonly constants: JsonValue[] = [];
  readonly functions: ((...args: JsonValue[]) => JsonValue)[] = [];
  readonly lookups: ((
    key: unknown,
    misses: MappingMiss[],
    template: string,
    first?: number,
    second?: number,
  ) => JsonValue)[] = [];
  readonly paths: string[][] = [];
  readonly #environment: MappingEnvironment;
  #depth = 0;

  constructor(environment: MappingEnvironment) {
    this.#environment = environment;
  }

  /** Statements that fill `into` from `scope`; `target` says how misses name the field. */
  fields(fields: readonly FieldMapping[], into: string, scope: string, target: MissTarget): string {
    return fields.map((field) => this.#field(field, into, scope, target)).join('\n');
  }

  #field(field: FieldMapping, into: string, scope: string, target: MissTarget): string {
    const steps = field.target.split('.');
    const where: MissTarget = { template: `${target.template}${field.target}`, indices: target.indices };
    if ('source' in field) {
      return `  value = ${this.#source(field.source, scope, where)};\n  if (value !== undefined && value !== null) ${this.#write(into, steps, 'value')}`;
    }
    const depth = ++this.#depth;
    const list = `list${depth}`;
    const index = `index${depth}`;
    const out = `out${depth}`;
    const element = `element${depth}`;
    // Misses inside the block name the element: `OrderDetails[2].Item`.
    const elementTarget: MissTarget = {
      template: `${where.template}[${INDEX_MARK}].`,
      indices: [...where.indices, index],
    };
    const inner = this.fields(field.fields, element, `${list}[${index}]`, elementTarget);
    return `  {
    const found${depth} = ${this.#source(field.forEach, scope, where)};
    const ${list} = found${depth} === undefined || found${depth} === null ? [] : Array.isArray(found${depth}) ? found${depth} : [found${depth}];
    if (${list}.length > 0) {
      const ${out} = new Array(${list}.length);
      for (let ${index} = 0; ${index} < ${list}.length; ${index}++) {
        const ${element} = {};
${inner}
        ${out}[${index}] = ${element};
      }
      ${this.#write(into, steps, out)}
    }
  }`;
  }

  #write(into: string, steps: readonly string[], value: string): string {
    if (steps.length === 1) return `${into}[${JSON.stringify(steps[0])}] = ${value};`;
    const parents = steps.slice(0, -1);
    let code = `{ let node = ${into};`;
    for (const step of parents) {
      const key = JSON.stringify(step);
      code += ` if (typeof node[${key}] !== 'object' || node[${key}] === null || Array.isArray(node[${key}])) node[${key}] = {}; node = node[${key}];`;
    }
    return `${code} node[${JSON.stringify(steps[steps.length - 1])}] = ${value}; }`;
  }

  /** An expression for a source. */
  #source(source: MappingSource, scope: string, target: MissTarget): string {
    if ('path' in source) return this.#path(source.path, source.from === 'root' ? 'item' : scope);
    if ('value' in source) return `constants[${this.constants.push(source.value) - 1}]`;
    if ('fn' in source) return this.#function(source, scope, target);
    if ('lookup' in source) return this.#lookup(source, scope, target);
    if ('if' in source) {
      const otherwise = source.ifFalse ? this.#source(source.ifFalse, scope, target) : 'undefined';
      return `(isTruthy(${this.#source(source.if, scope, target)}) ? ${this.#source(source.ifTrue, scope, target)} : ${otherwise})`;
    }
    throw new Error('JSONata sources are not generated');
  }

  #path(path: string, scope: string): string {
    const steps = path.split('.');
    const fallback = `readPath(${scope}, paths[${this.paths.push(steps) - 1}])`;
    if (steps.some((step) => INHERITED.has(step))) return fallback;
    // Plain objects all the way (a one-element array of an object counts, as 3dcart's
    // ShipmentList usually is): property reads. Anything else, and any array at the end, goes
    // through readPath, which keeps JSONata's rules (map over arrays, flatten, unwrap singletons).
    const object = `step !== null && typeof step === 'object' && (!Array.isArray(step) || (step.length === 1 && (step = step[0]) !== null && typeof step === 'object' && !Array.isArray(step)))`;
    let code = `(step = ${scope}, ${object}`;
    for (const [index, step] of steps.entries()) {
      const key = JSON.stringify(step);
      code +=
        index === steps.length - 1
          ? ` && !Array.isArray(step = step[${key}]) ? step`
          : ` && (step = step[${key}], ${object})`;
    }
    return `${code} : ${fallback})`;
  }

  #function(source: { fn: string; args: MappingSource[] }, scope: string, target: MissTarget): string {
    const definition = this.#environment.functions(source.fn);
    if (!definition)
      throw new BridgeflowError('MAPPING_FUNCTION_FAILED', `Unknown mapping function "${source.fn}"`);
    const index = this.functions.push(definition.implementation) - 1;
    const args = source.args.map((argument) => `nn(${this.#source(argument, scope, target)})`);
    return `functions[${index}](${args.join(', ')})`;
  }

  #lookup(
    source: { lookup: string; key: MappingSource; onMiss?: 'exception' | 'null' },
    scope: string,
    target: MissTarget,
  ): string {
    const resolver = this.#environment.lookups;
    const table = source.lookup;
    const recordMiss = source.onMiss !== 'null';
    // Two nesting levels of "for each" is as deep as order documents go; deeper ones still map,
    // and their misses name the outer indices only.
    const index =
      this.lookups.push((key, misses, template, first, second) => {
        const text =
          key === undefined || key === null ? '' : typeof key === 'string' ? key : JSON.stringify(key);
        const result = resolver
          ? resolver.resolve(table, text)
          : { found: false as const, reason: `No lookup tables are available to resolve table '${table}'` };
        if (result.found) return result.value;
        if (recordMiss) {
          const indices = [first, second];
          let position = 0;
          const where = template.replaceAll(INDEX_MARK, () => String(indices[position++] ?? ''));
          misses.push({ target: where, reason: result.reason });
        }
        return null;
      }) - 1;
    const args = [
      this.#source(source.key, scope, target),
      'misses',
      JSON.stringify(target.template),
      ...target.indices.slice(0, 2),
    ];
    return `lookups[${index}](${args.join(', ')})`;
  }
}
