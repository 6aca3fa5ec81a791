import { z } from 'zod';
import type { JsonValue } from '../../contract/flow-document.ts';
import { checkExpressionSyntax } from '../../expressions/expression.ts';
import { evaluateItems } from '../aggregate/evaluate-items.ts';
import { type BatchOutput, defineNodeType, type InputItem, type ParameterProblem } from '../node-type.ts';

const parameters = z.object({
  /** `append`: input 1 then input 2. `combineByKey`: join on a key. `combineByPosition`: pair the n-th items. */
  mode: z.enum(['append', 'combineByKey', 'combineByPosition']).default('append'),
  /** JSONata giving the join key of an input 1 item (combineByKey). */
  input1Key: z.string().default(''),
  /** JSONata giving the join key of an input 2 item (combineByKey). */
  input2Key: z.string().default(''),
  /** `inner`: only matched pairs. `left`: every input 1 item. `outer`: every item of both inputs. */
  join: z.enum(['inner', 'left', 'outer']).default('inner'),
});

type MergeParameters = z.output<typeof parameters>;

/** A pair to emit: the input 1 item, the input 2 item, or both. */
interface Pair {
  left?: InputItem;
  right?: InputItem;
}

/** Combines the items of two inputs: one after the other, joined by key, or by position. */
export const mergeNode = defineNodeType({
  kind: 'batch',
  description: {
    type: 'core.merge',
    version: 1,
    label: 'Merge',
    category: 'logic',
    icon: 'merge',
    summary: 'Combine two inputs: append, join by key or pair by position',
    docs: [
      'Waits for both inputs, then:',
      '',
      '- **Append**: the items of input 1, then those of input 2.',
      '- **Combine by key**: pairs items whose keys are equal and emits `{...input1Item, ...input2Item}` (input 2 wins on shared fields). **Join** `inner` keeps only pairs, `left` also keeps unmatched input 1 items, `outer` keeps unmatched items of both. Keys compare as text, so `1001` matches `"1001"`; items with no key never match.',
      '- **Combine by position**: pairs the first items, the second items and so on; **Join** decides what happens to the extra items of the longer input the same way.',
      '',
      'Example: 3dcart orders on input 1 with key `OrderID`, Sage 300 order headers on input 2 with key `$number(PONumber)`, join `left`: every order, with the ERP fields added where it was found.',
    ].join('\n'),
    trigger: false,
    inputs: [
      { name: 'input1', label: 'Input 1' },
      { name: 'input2', label: 'Input 2' },
    ],
    outputs: [{ name: 'main', label: 'Merged' }],
    expressionParameters: ['input1Key', 'input2Key'],
    summaryParameters: ['mode', 'join'],
  },
  parameters,
  validate(parameters) {
    const problems: ParameterProblem[] = [];
    if (parameters.mode !== 'combineByKey') return problems;
    for (const name of ['input1Key', 'input2Key'] as const) {
      const source = parameters[name];
      const syntax =
        source.trim() === '' ? 'Combine by key needs a key expression' : checkExpressionSyntax(source);
      if (syntax) problems.push({ parameter: name, message: syntax });
    }
    return problems;
  },
  async execute(items, context) {
    const { parameters } = context;
    const input1 = items.filter((item) => item.port === 'input1');
    const input2 = items.filter((item) => item.port === 'input2');
    if (parameters.mode === 'append') {
      return [...input1, ...input2].map((item) => ({ port: 'main', json: item.json, from: [item.index] }));
    }
    const pairs =
      parameters.mode === 'combineByKey'
        ? await pairByKey(input1, input2, parameters)
        : pairByPosition(input1, input2, parameters.join);
    return pairs.map(toOutput);
  },
});

async function pairByKey(
  input1: readonly InputItem[],
  input2: readonly InputItem[],
  parameters: MergeParameters,
): Promise<Pair[]> {
  const leftKeys = await evaluateItems(parameters.input1Key, input1);
  const rightKeys = await evaluateItems(parameters.input2Key, input2);
  const rightByKey = new Map<string, InputItem[]>();
  input2.forEach((item, position) => {
    const key = keyText(rightKeys[position]);
    if (key === undefined) return;
    const list = rightByKey.get(key) ?? [];
    list.push(item);
    rightByKey.set(key, list);
  });
  const pairs: Pair[] = [];
  const matchedRight = new Set<InputItem>();
  input1.forEach((left, position) => {
    const key = keyText(leftKeys[position]);
    const matches = key === undefined ? undefined : rightByKey.get(key);
    if (!matches) {
      if (parameters.join !== 'inner') pairs.push({ left });
      return;
    }
    for (const right of matches) {
      pairs.push({ left, right });
      matchedRight.add(right);
    }
  });
  if (parameters.join === 'outer') {
    for (const right of input2) if (!matchedRight.has(right)) pairs.push({ right });
  }
  return pairs;
}

function pairByPosition(
  input1: readonly InputItem[],
  input2: readonly InputItem[],
  join: MergeParameters['join'],
): Pair[] {
  const length =
    join === 'inner'
      ? Math.min(input1.length, input2.length)
      : join === 'left'
        ? input1.length
        : Math.max(input1.length, input2.length);
  return Array.from({ length }, (_, position) => ({ left: input1[position], right: input2[position] }));
}

/**
 * A key as text, so ids compare equal whether a system sends them as numbers or strings (3dcart
 * returns primary keys as strings in its responses, ERPs differ). Missing and null keys never
 * match, as NULL in SQL.
 */
function keyText(key: unknown): string | undefined {
  if (key === undefined || key === null) return undefined;
  if (typeof key === 'string') return key;
  if (typeof key === 'number' || typeof key === 'boolean') return String(key);
  return JSON.stringify(key);
}

function toOutput(pair: Pair): BatchOutput {
  const from = [pair.left?.index, pair.right?.index].filter((index) => index !== undefined);
  return { port: 'main', json: combine(pair.left?.json, pair.right?.json), from };
}

/** Input 2's fields win over input 1's; when either side is not an object, the input 2 item wins whole. */
function combine(left: JsonValue | undefined, right: JsonValue | undefined): JsonValue {
  if (left === undefined) return right ?? null;
  if (right === undefined) return left;
  if (isObject(left) && isObject(right)) return { ...left, ...right };
  return right;
}

function isObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
