import { z } from 'zod';
import { routeByCondition, validateCondition } from '../condition-routing.ts';
import { defineNodeType } from '../node-type.ts';

const parameters = z.object({
  /** JSONata evaluated on each item; truthy by JSONata's `$boolean` rules keeps the item. */
  condition: z.string().min(1).default('true'),
});

/** Keeps the items that match a condition; the rest leave on `discarded`. */
export const filterNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'core.filter',
    version: 1,
    label: 'Filter',
    category: 'logic',
    icon: 'filter',
    summary: 'Keep only the items that match a condition',
    docs: [
      'Evaluates **Condition** (JSONata) on each item. Items where it is truthy continue on the main output; the others leave on `discarded`, which you can wire to log or count them, or leave unconnected.',
      '',
      'Truthy follows JSONata `$boolean`: empty text, `0`, `null`, missing fields, empty arrays and empty objects are false.',
      '',
      'Example: `PaymentMethod != "Purchase Order" and $count(OrderItemList) > 0` passes paid orders that have lines.',
    ].join('\n'),
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [
      { name: 'main', label: 'Kept' },
      { name: 'discarded', label: 'Discarded', showLabel: true },
    ],
    expressionParameters: ['condition'],
    summaryParameters: ['condition'],
  },
  parameters,
  validate: validateCondition,
  executeItem(json, context) {
    return routeByCondition(json, context.parameters, 'main', 'discarded');
  },
});
