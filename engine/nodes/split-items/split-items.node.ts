import { z } from 'zod';
import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { checkExpressionSyntax, compileExpression } from '../../expressions/expression.ts';
import { splitPath, toJsonValue, valueAt, withValueAt } from '../json-path.ts';
import { defineNodeType, emit, type ItemResult, type ParameterProblem } from '../node-type.ts';

// A dotted path of identifiers is read exactly as written; anything else is JSONata. JSONata
// keywords are left to JSONata so `true` or `null` keep their meaning.
const PLAIN_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const KEYWORDS = new Set(['true', 'false', 'null', 'and', 'or', 'in']);

const parameters = z.object({
  /** Dotted path (`OrderItemList`) or JSONata expression (`OrderItemList[ItemQuantity > 0]`) to the array. */
  path: z.string().trim().min(1).default('items'),
  /** `element`: the element alone. `elementWithParent`: the item's other fields plus the element. */
  include: z.enum(['element', 'elementWithParent']).default('element'),
  /** Field (dotted path) that holds the element when the parent is included. */
  destination: z.string().trim().min(1).default('item'),
});

type SplitParameters = z.output<typeof parameters>;

/** Turns an array inside each item into one item per element (order lines, shipments). */
export const splitItemsNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'core.splitItems',
    version: 1,
    label: 'Split items',
    category: 'transform',
    icon: 'list-tree',
    summary: 'One item per element of an array field',
    docs: [
      'Reads the array at **Path** on each item and emits one item per element; an empty array emits nothing. A path that is missing or holds something other than an array fails the item, naming what it found.',
      '',
      "With **Include: element with parent** each output holds the item's other fields (without the array) plus the element under **Destination**, so an order line keeps its `OrderID`.",
      '',
      'Example: path `OrderItemList` on a 3dcart order with three lines gives three items. **Path** may also be JSONata (`OrderItemList[ItemQuantity > 0]`); such an expression that can match a single element should end in `[]` (`OrderItemList[ItemQuantity > 0][]`) so JSONata keeps the array, and one that matches nothing emits nothing.',
    ].join('\n'),
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [{ name: 'main', label: 'Elements' }],
    expressionParameters: ['path'],
    summaryParameters: ['path', 'include'],
  },
  parameters,
  validate(parameters) {
    const problems: ParameterProblem[] = [];
    if (isPlainPath(parameters.path)) return problems;
    const syntax = checkExpressionSyntax(parameters.path);
    if (syntax) problems.push({ parameter: 'path', message: syntax });
    return problems;
  },
  executeItem(json, context) {
    const { parameters } = context;
    if (isPlainPath(parameters.path)) {
      const value = valueAt(json, splitPath(parameters.path));
      if (!Array.isArray(value)) throw notAnArray(parameters.path, value);
      return split(json, value, parameters);
    }
    const result = compileExpression(parameters.path).evaluate(json);
    if (result instanceof Promise) return result.then((value) => splitResult(json, value, parameters));
    return splitResult(json, result, parameters);
  },
});

function isPlainPath(path: string): boolean {
  return PLAIN_PATH.test(path) && !splitPath(path).some((step) => KEYWORDS.has(step));
}

/** A JSONata result: no match emits nothing, and a single match (JSONata unwraps those) is one element. */
function splitResult(parent: JsonValue, result: unknown, parameters: SplitParameters): ItemResult {
  if (result === undefined) return undefined;
  const value = toJsonValue(result);
  return split(parent, Array.isArray(value) ? value : [value], parameters);
}

function split(parent: JsonValue, elements: readonly JsonValue[], parameters: SplitParameters): ItemResult {
  if (parameters.include === 'element') return elements.map((element) => emit(element));
  const base = isPlainPath(parameters.path) ? withoutValueAt(parent, splitPath(parameters.path)) : parent;
  const destination = splitPath(parameters.destination);
  return elements.map((element) => emit(withValueAt(base, destination, element)));
}

/** A copy of `target` without the field at `path`, copying only the objects along the path. */
function withoutValueAt(target: JsonValue, path: readonly string[]): JsonValue {
  if (typeof target !== 'object' || target === null || Array.isArray(target)) return target;
  const [head, ...rest] = path;
  if (head === undefined || !(head in target)) return target;
  const { [head]: removed, ...others } = target;
  if (rest.length === 0 || removed === undefined) return others;
  return { ...others, [head]: withoutValueAt(removed, rest) };
}

function notAnArray(path: string, value: JsonValue | undefined): BridgeflowError {
  return new BridgeflowError(
    'INPUT_INVALID',
    `Split items expects an array at "${path}" but found ${typeName(value)}`,
    {
      path,
    },
  );
}

function typeName(value: JsonValue | undefined): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value} (${JSON.stringify(value).slice(0, 40)})`;
}
