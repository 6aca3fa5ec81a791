import { z } from 'zod';
import { routeByCondition, validateCondition } from '../condition-routing.ts';
import { defineNodeType } from '../node-type.ts';

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
  validate: validateCondition,
  executeItem(json, context) {
    return routeByCondition(json, context.parameters, 'true', 'false');
  },
});
