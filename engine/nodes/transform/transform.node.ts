import { z } from 'zod';
import type { JsonValue } from '../../contract/flow-document.ts';
import { checkExpressionSyntax, compileExpression } from '../../expressions/expression.ts';
import { toJsonValue } from '../json-path.ts';
import { defineNodeType, emit, type ItemResult, type ParameterProblem } from '../node-type.ts';

const parameters = z.object({
  /** JSONata evaluated with the item as input; its result replaces the item. */
  expression: z.string().min(1).default('$'),
  /** An array result becomes one item per element instead of one item holding the array. */
  splitArray: z.boolean().default(false),
  /** Keep an item whose result is empty (no match) as `{}` instead of dropping it. */
  keepEmpty: z.boolean().default(false),
});

type TransformParameters = z.output<typeof parameters>;

/** Replaces each item with the result of a JSONata expression. */
export const transformNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'core.transform',
    version: 1,
    label: 'Transform',
    category: 'transform',
    icon: 'wand',
    summary: 'Reshape each item with a JSONata expression',
    docs: [
      'Evaluates **Expression** (JSONata) with the item as input; the result becomes the new item.',
      '',
      'When the expression has no result (a path that does not exist), the item is dropped, unless **Keep empty** is on (then it becomes `{}`). With **Split array** an array result becomes one item per element.',
      '',
      'Example, a 3dcart order to a compact summary:',
      '',
      '```',
      '{',
      '  "orderId": OrderID,',
      '  "email": BillingEmail,',
      '  "skus": OrderItemList.ItemID',
      '}',
      '```',
    ].join('\n'),
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [{ name: 'main', label: 'Items' }],
    expressionParameters: ['expression'],
    summaryParameters: ['expression'],
  },
  parameters,
  validate(parameters) {
    const problems: ParameterProblem[] = [];
    const syntax = checkExpressionSyntax(parameters.expression);
    if (syntax) problems.push({ parameter: 'expression', message: syntax });
    return problems;
  },
  executeItem(json, context) {
    const { parameters } = context;
    const result = compileExpression(parameters.expression).evaluate(json);
    if (result instanceof Promise) return result.then((value) => toOutputs(value, parameters));
    return toOutputs(result, parameters);
  },
});

function toOutputs(result: unknown, parameters: TransformParameters): ItemResult {
  if (result === undefined) return parameters.keepEmpty ? emit({}) : undefined;
  const json: JsonValue = toJsonValue(result);
  if (parameters.splitArray && Array.isArray(json)) return json.map((element) => emit(element));
  return emit(json);
}
