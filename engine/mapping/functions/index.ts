import { toJsonValue } from '../../nodes/json-path.ts';
import type { MappingFunction } from '../mapping-function.ts';
import { ADDRESS_FUNCTIONS } from './address-functions.ts';
import { CUSTOMER_FUNCTIONS } from './customer-functions.ts';
import { DATE_FUNCTIONS } from './date-functions.ts';
import { MONEY_FUNCTIONS } from './money-functions.ts';
import { STATUS_FUNCTIONS } from './status-functions.ts';
import { TEXT_FUNCTIONS } from './text-functions.ts';

/** The whole mapping-function library, in picker order. */
export const MAPPING_FUNCTIONS: readonly MappingFunction[] = [
  ...DATE_FUNCTIONS,
  ...ADDRESS_FUNCTIONS,
  ...MONEY_FUNCTIONS,
  ...CUSTOMER_FUNCTIONS,
  ...STATUS_FUNCTIONS,
  ...TEXT_FUNCTIONS,
];

const BY_NAME = new Map(MAPPING_FUNCTIONS.map((definition) => [definition.name, definition]));

/** The library function with this dotted name (`date.toM3`), or undefined. */
export function mappingFunction(name: string): MappingFunction | undefined {
  return BY_NAME.get(name);
}

/**
 * The library as JSONata bindings, each function under its `jsonataName`, for
 * `expression.evaluate(input, jsonataBindings())` (jsonata README: "bindings" may hold functions).
 * JSONata passes `undefined` for a missing value and arrays with extra properties; arguments are
 * turned into plain JSON first, so a function sees exactly what a declarative mapping would give it.
 */
export function jsonataBindings(): Record<string, (...args: unknown[]) => unknown> {
  const bindings: Record<string, (...args: unknown[]) => unknown> = {};
  for (const definition of MAPPING_FUNCTIONS) {
    bindings[definition.jsonataName] = (...args: unknown[]) =>
      definition.implementation(...args.map(toJsonValue));
  }
  return bindings;
}
