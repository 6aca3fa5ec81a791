import type { JsonValue } from '../contract/flow-document.ts';
import { compileExpression } from './expression.ts';

/**
 * Whether a JSONata result counts as true, by JSONata's own `$boolean` rules so that a condition
 * means the same in a node as inside an expression: empty strings, 0, null, empty arrays and
 * empty objects are false; an array is true when any member is (a one-member array is its member).
 * Source: https://docs.jsonata.org/boolean-functions#boolean
 */
export function isTruthy(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  switch (typeof value) {
    case 'boolean':
      return value;
    case 'string':
      return value.length > 0;
    case 'number':
      return value !== 0;
    case 'object':
      if (Array.isArray(value)) return value.some(isTruthy);
      return Object.keys(value).length > 0;
    default:
      return false;
  }
}

/**
 * Evaluates a JSONata condition on an item. Synchronous for plain paths (`isPaid`), so filter,
 * if and switch keep the executor's fast path; a Promise otherwise.
 */
export function evaluateCondition(source: string, item: JsonValue): boolean | Promise<boolean> {
  const value = compileExpression(source).evaluate(item);
  return value instanceof Promise ? value.then(isTruthy) : isTruthy(value);
}
