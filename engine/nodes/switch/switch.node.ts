import { z } from 'zod';
import type { JsonValue } from '../../contract/flow-document.ts';
import { evaluateCondition } from '../../expressions/condition.ts';
import { checkExpressionSyntax } from '../../expressions/expression.ts';
import {
  defineNodeType,
  emit,
  type ItemOutput,
  type ItemResult,
  type ParameterProblem,
} from '../node-type.ts';

const FALLBACK_PORT = 'fallback';
/** Output names a rule cannot take: the static fallback and the error port every node has. */
const RESERVED_PORTS = new Set([FALLBACK_PORT, 'error']);

const RuleSchema = z.object({
  /** Name of the output port the rule sends matching items to; also its label on the canvas. */
  port: z.string().trim().min(1),
  /** JSONata evaluated on the item; truthy by JSONata's `$boolean` rules. */
  condition: z.string().min(1),
});

const parameters = z.object({
  rules: z.array(RuleSchema).default([]),
  /** `firstMatch`: the first matching rule wins. `allMatches`: the item goes to every matching rule. */
  mode: z.enum(['firstMatch', 'allMatches']).default('firstMatch'),
});

type Rule = z.infer<typeof RuleSchema>;

/** Routes each item to the output of the rule it matches, or to `fallback`. */
export const switchNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'core.switch',
    version: 1,
    label: 'Switch',
    category: 'logic',
    icon: 'split',
    summary: 'Route each item to the output of the rule it matches',
    docs: [
      'Each rule names an output and a JSONata **condition**. The node gets one output per rule, plus `fallback` for items that match no rule.',
      '',
      'In **First match** mode an item goes to the first rule that matches, in order; in **All matches** mode it goes to every rule that matches (the same item on several outputs).',
      '',
      'Example, by 3dcart shipping method:',
      '',
      '| port | condition |',
      '|---|---|',
      '| `express` | `ShipmentList[0].ShipmentMethodName ~> /express/i` |',
      '| `pickup` | `ShipmentList[0].ShipmentMethodName = "Store pickup"` |',
    ].join('\n'),
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [{ name: FALLBACK_PORT, label: 'Fallback', showLabel: true }],
    dynamicOutputs: { parameter: 'rules', nameField: 'port' },
    expressionParameters: ['rules.condition'],
    summaryParameters: ['mode', 'rules'],
  },
  parameters,
  validate(parameters) {
    const problems: ParameterProblem[] = [];
    const seen = new Set<string>();
    parameters.rules.forEach((rule, index) => {
      if (RESERVED_PORTS.has(rule.port)) {
        problems.push({
          parameter: `rules.${index}.port`,
          message: `"${rule.port}" is reserved; choose another name`,
        });
      } else if (seen.has(rule.port)) {
        problems.push({
          parameter: `rules.${index}.port`,
          message: `Another rule already uses the port "${rule.port}"`,
        });
      }
      seen.add(rule.port);
      const syntax = checkExpressionSyntax(rule.condition);
      if (syntax) problems.push({ parameter: `rules.${index}.condition`, message: syntax });
    });
    return problems;
  },
  executeItem(json, context) {
    const { rules, mode } = context.parameters;
    return route(json, rules, mode === 'firstMatch', 0, []);
  },
});

/**
 * Evaluates the rules from `start` in order, staying synchronous until a condition needs
 * JSONata's async evaluation, so plain-path rules cost no promise per item.
 */
function route(
  json: JsonValue,
  rules: readonly Rule[],
  firstOnly: boolean,
  start: number,
  matched: ItemOutput[],
): ItemResult | Promise<ItemResult> {
  for (let index = start; index < rules.length; index++) {
    const rule = rules[index];
    if (!rule) continue;
    const passed = evaluateCondition(rule.condition, json);
    if (passed instanceof Promise) {
      return passed.then((value) => {
        if (value) matched.push(emit(json, rule.port));
        if (value && firstOnly) return matched;
        return route(json, rules, firstOnly, index + 1, matched);
      });
    }
    if (passed) {
      matched.push(emit(json, rule.port));
      if (firstOnly) return matched;
    }
  }
  return matched.length > 0 ? matched : emit(json, FALLBACK_PORT);
}
