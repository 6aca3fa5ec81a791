import { z } from 'zod';
import { type JsonValue, JsonValueSchema } from '../../contract/flow-document.ts';
import { checkExpressionSyntax, compileExpression } from '../../expressions/expression.ts';
import { splitPath, toJsonValue, withValueAt } from '../json-path.ts';
import { defineNodeType, emit, type ParameterProblem } from '../node-type.ts';

const FieldSchema = z.object({
  /** Dotted path of the field to set, e.g. `customer.email`. */
  path: z.string().min(1),
  /** `value` sets the value as written; `expression` evaluates it as JSONata on the item. */
  mode: z.enum(['value', 'expression']).default('value'),
  value: JsonValueSchema,
});

const parameters = z.object({
  fields: z.array(FieldSchema).default([]),
  /** Output only the fields set here instead of the whole item with them changed. */
  keepOnlySet: z.boolean().default(false),
});

type Field = z.infer<typeof FieldSchema>;

/** Sets, adds or overwrites fields on every item. */
export const setFieldsNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'core.setFields',
    version: 1,
    label: 'Set fields',
    category: 'transform',
    icon: 'pencil',
    summary: 'Add or change fields on each item',
    docs: 'Sets each listed field on every item, by dotted path (`customer.email`). A field in **value** mode takes the value as written; in **expression** mode the value is a JSONata expression evaluated on the item (`billing.firstName & " " & billing.lastName`). With **Keep only set fields** the output holds just these fields.',
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [{ name: 'main', label: 'Items' }],
    expressionParameters: ['fields.value'],
    summaryParameters: ['fields'],
  },
  parameters,
  validate(parameters) {
    const problems: ParameterProblem[] = [];
    parameters.fields.forEach((field, index) => {
      if (field.mode !== 'expression') return;
      const parameter = `fields.${index}.value`;
      if (typeof field.value !== 'string') {
        problems.push({ parameter, message: 'An expression must be text' });
        return;
      }
      const syntax = checkExpressionSyntax(field.value);
      if (syntax) problems.push({ parameter, message: syntax });
    });
    return problems;
  },
  executeItem(json, context) {
    const { fields, keepOnlySet } = context.parameters;
    const values: JsonValue[] = [];
    const pending: Promise<void>[] = [];
    fields.forEach((field, index) => {
      const value = fieldValue(field, json);
      if (value instanceof Promise) {
        pending.push(
          value.then((resolved) => {
            values[index] = resolved;
          }),
        );
      } else {
        values[index] = value;
      }
    });
    const base: JsonValue = keepOnlySet ? {} : json;
    if (pending.length > 0) return Promise.all(pending).then(() => emit(applyFields(base, fields, values)));
    return emit(applyFields(base, fields, values));
  },
});

function fieldValue(field: Field, item: JsonValue): JsonValue | Promise<JsonValue> {
  if (field.mode === 'value' || typeof field.value !== 'string') return field.value;
  const value = compileExpression(field.value).evaluate(item);
  return value instanceof Promise ? value.then(toJsonValue) : toJsonValue(value);
}

function applyFields(base: JsonValue, fields: readonly Field[], values: readonly JsonValue[]): JsonValue {
  let result = base;
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index];
    if (field) result = withValueAt(result, splitPath(field.path), values[index] ?? null);
  }
  return result;
}
