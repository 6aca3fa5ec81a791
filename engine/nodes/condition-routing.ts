import type { JsonValue } from '../contract/flow-document.ts';
import { evaluateCondition } from '../expressions/condition.ts';
import { checkExpressionSyntax } from '../expressions/expression.ts';
import { emit, type ItemOutput, type ParameterProblem } from './node-type.ts';

/** The parameters of a node that routes items by one JSONata condition (filter, if). */
export interface ConditionParameters {
  condition: string;
}

/** The `validate` hook of a condition node: the condition must parse. */
export function validateCondition(parameters: ConditionParameters): ParameterProblem[] {
  const syntax = checkExpressionSyntax(parameters.condition);
  return syntax ? [{ parameter: 'condition', message: syntax }] : [];
}

/** Emits the item on `whenTrue` or `whenFalse`; synchronous when the condition is a plain path. */
export function routeByCondition(
  json: JsonValue,
  parameters: ConditionParameters,
  whenTrue: string,
  whenFalse: string,
): ItemOutput | Promise<ItemOutput> {
  const passed = evaluateCondition(parameters.condition, json);
  if (passed instanceof Promise) return passed.then((value) => emit(json, value ? whenTrue : whenFalse));
  return emit(json, passed ? whenTrue : whenFalse);
}
