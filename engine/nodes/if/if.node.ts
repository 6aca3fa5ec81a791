import { z } from 'zod';
import { checkExpressionSyntax } from '../../expressions/expression.ts';
import { defineNodeType, emit, type ParameterProblem } from '../node-type.ts';
import { evaluateCondition } from './condition.ts';

const parameters = z.object({
  /** JSONata evaluated on each item; truthy by JSONata's `$boolean` rules. */
  condition: z.string().min(1).default('true'),
});

/** Sends each item to `true` or `false` depending on a condition. */
export const ifNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'core.if',
    version: 1,
    label: 'If',
    category: 'logic',
    icon: 'git-branch',
    summary: 'Route each item to true or false by a condition',
    docs: [
      'Evaluates **Condition** (JSONata) on each item and sends the item, unchanged, to the `true` output when the result is truthy and to `false` otherwise.',
      '',
      'Truthy follows JSONata `$boolean`: empty text, `0`, `null`, missing fields, empty arrays and empty objects are false.',
      '',
      'Example: `OrderStatusID = 1 and $number(OrderAmount) >= 500` sends large new orders to `true` for manual review.',
    ].join('\n'),
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [
      { name: 'true', label: 'True', showLabel: true },
      { name: 'false', label: 'False', showLabel: true },
    ],
    expressionParameters: ['condition'],
    summaryParameters: ['condition'],
  },
  parameters,
  validate(parameters) {
    const problems: ParameterProblem[] = [];
    const syntax = checkExpressionSyntax(parameters.condition);
    if (syntax) problems.push({ parameter: 'condition', message: syntax });
    return problems;
  },
  executeItem(json, context) {
    const passed = evaluateCondition(context.parameters.condition, json);
    if (passed instanceof Promise) return passed.then((value) => emit(json, value ? 'true' : 'false'));
    return emit(json, passed ? 'true' : 'false');
  },
});
