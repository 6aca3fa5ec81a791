import { z } from 'zod';
import type { JsonValue } from '../../contract/flow-document.ts';
import { checkExpressionSyntax } from '../../expressions/expression.ts';
import { splitPath, toJsonValue, withValueAt } from '../json-path.ts';
import { type BatchOutput, defineNodeType, type ParameterProblem } from '../node-type.ts';
import { evaluateItems } from './evaluate-items.ts';

const parameters = z.object({
  /** `allItems`: collect whole items. `field`: collect the value of `expression` from each item. */
  mode: z.enum(['allItems', 'field']).default('allItems'),
  /** JSONata evaluated on each item in `field` mode; items where it has no result add nothing. */
  expression: z.string().default(''),
  /** Optional JSONata; when set, one output item per distinct value, in order of first appearance. */
  groupBy: z.string().default(''),
  /** Field (dotted path) of the output item that holds the collected list. */
  destination: z.string().trim().min(1).default('items'),
});

type AggregateParameters = z.output<typeof parameters>;

interface Group {
  key: JsonValue;
  values: JsonValue[];
  from: number[];
}

/** Collects all items (or one value from each) into a list, optionally grouped. */
export const aggregateNode = defineNodeType({
  kind: 'batch',
  description: {
    type: 'core.aggregate',
    version: 1,
    label: 'Aggregate',
    category: 'transform',
    icon: 'layers',
    summary: 'Collect items or values into one list, optionally grouped',
    docs: [
      'Waits for all its input and emits a single item holding a list under **Destination**: the whole items (**All items**) or the value of **Expression** from each item (**Field**).',
      '',
      'With **Group by** (JSONata) it emits one item per distinct value instead, `{ key, <destination>: [...] }`, in the order the groups first appear.',
      '',
      'Example: M3 stock rows `{ITNO, WHLO, STQT}` with mode **Field**, expression `STQT` and group by `ITNO` give one item per product: `{ "key": "A100", "items": [12, 30] }`, ready for `$sum(items)`.',
    ].join('\n'),
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [{ name: 'main', label: 'Aggregated' }],
    expressionParameters: ['expression', 'groupBy'],
    summaryParameters: ['mode', 'groupBy'],
  },
  parameters,
  validate(parameters) {
    const problems: ParameterProblem[] = [];
    if (parameters.mode === 'field' && parameters.expression.trim() === '') {
      problems.push({ parameter: 'expression', message: 'Field mode needs an expression to collect' });
    }
    for (const name of ['expression', 'groupBy'] as const) {
      const source = parameters[name];
      if (source.trim() === '') continue;
      const syntax = checkExpressionSyntax(source);
      if (syntax) problems.push({ parameter: name, message: syntax });
    }
    return problems;
  },
  async execute(items, context) {
    const { parameters } = context;
    const values =
      parameters.mode === 'field' ? await evaluateItems(parameters.expression, items) : undefined;
    const keys =
      parameters.groupBy.trim() === '' ? undefined : await evaluateItems(parameters.groupBy, items);
    const groups = new Map<string, Group>();
    items.forEach((item, position) => {
      const key = keys ? toJsonValue(keys[position]) : null;
      const identity = JSON.stringify(key);
      let group = groups.get(identity);
      if (!group) {
        group = { key, values: [], from: [] };
        groups.set(identity, group);
      }
      group.from.push(item.index);
      const value = values ? values[position] : item.json;
      if (value !== undefined) group.values.push(toJsonValue(value));
    });
    return [...groups.values()].map((group) => toOutput(group, parameters, keys !== undefined));
  },
});

function toOutput(group: Group, parameters: AggregateParameters, grouped: boolean): BatchOutput {
  const base: JsonValue = grouped ? { key: group.key } : {};
  return {
    port: 'main',
    json: withValueAt(base, splitPath(parameters.destination), group.values),
    from: group.from,
  };
}
