import { z } from 'zod';
import { isRecord } from '../../flow/json-path.ts';
import { FORMAT_RULES, hasValidCalendarDate } from './field-formats.ts';
import { listAlternatives } from './problem-messages.ts';
import {
  type FieldSpec,
  type RecordCheckOptions,
  type RecordSchema,
  SYSTEM_NAMES,
  type UnknownFieldPolicy,
} from './record-schema.ts';
import { isBlank, isRequiredIn } from './validate-record.ts';

/** What every generated field schema needs to know. */
interface Build {
  readonly systemName: string;
  readonly unknownFields: UnknownFieldPolicy;
}

/**
 * The zod schema of a record: text with maximum widths, enums for allowed values, date formats by
 * pattern, required vs optional, unknown keys rejected or allowed per the schema (or `options`).
 * It accepts exactly what `validateRecord` accepts and fails at the same paths; `validateRecord`
 * words the problems for people, this one serves boundaries and JSON Schema export.
 */
export function toZod(schema: RecordSchema, options: RecordCheckOptions = {}): z.ZodType {
  const build: Build = {
    systemName: SYSTEM_NAMES[schema.system],
    unknownFields: options.unknownFields ?? schema.unknownFields,
  };
  return objectSchema(build, schema.fields);
}

function objectSchema(build: Build, fields: readonly FieldSpec[]): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) shape[field.name] = fieldSchema(build, field);
  const object = build.unknownFields === 'reject' ? z.strictObject(shape) : z.looseObject(shape);
  const conditional = fields.filter((field) => field.required !== true && field.requiredWhen !== undefined);
  if (conditional.length === 0) return object;
  // `when` makes the check run even when a sibling field already failed, so every problem shows.
  return object.superRefine(
    (value, context) => {
      if (!isRecord(value)) return;
      for (const field of conditional) {
        if (!isBlank(field, value[field.name]) || !isRequiredIn(field, value)) continue;
        const condition = field.requiredWhen;
        const when =
          condition === undefined ? '' : ` when ${condition.field} is ${listAlternatives(condition.equals)}`;
        const message = `${field.name} is required${when}`;
        context.addIssue({ code: 'custom', path: [field.name], message });
      }
    },
    { when: () => true },
  );
}

function isTextual(field: FieldSpec): boolean {
  return field.type === 'string' || field.type === 'date';
}

function fieldSchema(build: Build, field: FieldSpec): z.ZodType {
  const checked = checkedSchema(build, field);
  if (field.required === true) return checked;
  // Blank text and null on an optional field mean "not given" (see validateRecord).
  const blankable = isTextual(field) ? z.union([z.string().regex(/^\s*$/), checked]) : checked;
  return blankable.nullable().optional();
}

function checkedSchema(build: Build, field: FieldSpec): z.ZodType {
  switch (field.type) {
    case 'string':
    case 'date':
      return textSchema(build, field);
    case 'number':
      return z.number();
    case 'integer':
      return z.number().int();
    case 'boolean':
      return z.boolean();
    case 'object':
      return field.fields === undefined
        ? z.record(z.string(), z.unknown())
        : objectSchema(build, field.fields);
    case 'array': {
      const item = field.fields === undefined ? z.unknown() : objectSchema(build, field.fields);
      const minimum = field.minItems ?? 0;
      return z.array(item).min(minimum, `${field.name} needs at least ${minimum} entries`);
    }
  }
}

function textSchema(build: Build, field: FieldSpec): z.ZodType {
  const { allowed, maxLength, format } = field;
  if (allowed !== undefined && allowed.length > 0) return z.enum(allowed);
  let text = z.string();
  if (field.required === true) text = text.regex(/\S/, `${field.name} is required by ${build.systemName}`);
  if (maxLength !== undefined) {
    text = text.max(maxLength, `${field.name} is longer than ${build.systemName} allows (${maxLength})`);
  }
  if (format === undefined) return text;
  const expectation = `${field.name} should be ${FORMAT_RULES[format].expectation}`;
  return text
    .regex(FORMAT_RULES[format].pattern, expectation)
    .refine((value) => hasValidCalendarDate(format, value), expectation);
}
