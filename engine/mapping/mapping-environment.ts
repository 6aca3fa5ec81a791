import { jsonataBindings, mappingFunction } from './functions/index.ts';
import type { MappingEnvironment } from './mapping-compiler.ts';
import type { LookupResolver } from './mapping-function.ts';

const bindings = jsonataBindings();

/** The environment every mapping runs in: the whole function library, and the given lookup tables. */
export function createMappingEnvironment(lookups?: LookupResolver): MappingEnvironment {
  return { functions: mappingFunction, jsonataBindings: bindings, ...(lookups ? { lookups } : {}) };
}
