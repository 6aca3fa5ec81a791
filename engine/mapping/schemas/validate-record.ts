import { formatJsonPath, isRecord } from '../../flow/json-path.ts';
import { conformsTo, FORMAT_RULES } from './field-formats.ts';
import {
  kindOf,
  listAlternatives,
  missingMessage,
  quoteValue,
  wrongTypeMessage,
} from './problem-messages.ts';
import {
  type FieldSpec,
  type RecordCheckOptions,
  type RecordProblem,
  type RecordProblemCode,
  type RecordSchema,
  type RequiredWhen,
  SYSTEM_NAMES,
  type UnknownFieldPolicy,
} from './record-schema.ts';

type Segments = readonly (string | number)[];

/** State of one validation run. */
interface Walk {
  readonly schema: RecordSchema;
  readonly systemName: string;
  readonly unknownFields: UnknownFieldPolicy;
  readonly problems: RecordProblem[];
}

/**
 * Checks `value` against `schema` and reports every problem, not just the first, each with its
 * path (`OrderDetails[2].Item`), a code and a message naming the field, the limit and the value.
 *
 * Conventions (the same in `toZod`): `null` and absent are the same; blank text on a text or date
 * field counts as absent, so it is `missing` when required and skips every other check when not;
 * numbers must be finite, integers safe integers. Business rules (a balanced journal entry, a
 * customer that exists) are not schema concerns and are not checked here.
 */
export function validateRecord(
  schema: RecordSchema,
  value: unknown,
  options: RecordCheckOptions = {},
): RecordProblem[] {
  const walk: Walk = {
    schema,
    systemName: SYSTEM_NAMES[schema.system],
    unknownFields: options.unknownFields ?? schema.unknownFields,
    problems: [],
  };
  if (isRecord(value)) checkObject(walk, schema.fields, value, []);
  else report(walk, [], 'wrongType', `${schema.title} should be an object but is ${kindOf(value)}`);
  return walk.problems;
}

function report(walk: Walk, path: Segments, code: RecordProblemCode, message: string): void {
  walk.problems.push({ path: formatJsonPath(path), code, message });
}

/** Whether the value counts as absent (see {@link validateRecord}). */
export function isBlank(field: FieldSpec, value: unknown): boolean {
  if (value === undefined || value === null) return true;
  const textual = field.type === 'string' || field.type === 'date';
  return textual && typeof value === 'string' && value.trim() === '';
}

/** Whether `field` is required inside `parent`, given its siblings. */
export function isRequiredIn(field: FieldSpec, parent: Readonly<Record<string, unknown>>): boolean {
  if (field.required === true) return true;
  const condition = field.requiredWhen;
  if (condition === undefined) return false;
  const sibling = parent[condition.field];
  return typeof sibling === 'string' && condition.equals.includes(sibling);
}

function checkObject(
  walk: Walk,
  fields: readonly FieldSpec[],
  object: Readonly<Record<string, unknown>>,
  path: Segments,
): void {
  for (const field of fields) checkField(walk, field, object, [...path, field.name]);
  if (walk.unknownFields === 'allow') return;
  const known = new Set(fields.map((field) => field.name));
  for (const key of Object.keys(object)) {
    if (known.has(key)) continue;
    const where = formatJsonPath([...path, key]);
    report(walk, [...path, key], 'unknownField', `${where} is not a field of ${walk.schema.title}`);
  }
}

function checkField(
  walk: Walk,
  field: FieldSpec,
  parent: Readonly<Record<string, unknown>>,
  path: Segments,
): void {
  const value = parent[field.name];
  if (isBlank(field, value)) {
    if (!isRequiredIn(field, parent)) return;
    const condition: RequiredWhen | undefined = field.required === true ? undefined : field.requiredWhen;
    report(walk, path, 'missing', missingMessage(formatJsonPath(path), value, walk.systemName, condition));
    return;
  }
  switch (field.type) {
    case 'object':
      checkNested(walk, field, value, path);
      break;
    case 'array':
      checkArray(walk, field, value, path);
      break;
    case 'string':
    case 'date':
      checkText(walk, field, value, path);
      break;
    default:
      checkScalar(walk, field, value, path);
  }
}

function wrongType(walk: Walk, field: FieldSpec, value: unknown, path: Segments): void {
  report(walk, path, 'wrongType', wrongTypeMessage(formatJsonPath(path), field, value, walk.systemName));
}

function checkNested(walk: Walk, field: FieldSpec, value: unknown, path: Segments): void {
  if (!isRecord(value)) {
    wrongType(walk, field, value, path);
    return;
  }
  if (field.fields !== undefined) checkObject(walk, field.fields, value, path);
}

function checkArray(walk: Walk, field: FieldSpec, value: unknown, path: Segments): void {
  if (!Array.isArray(value)) {
    wrongType(walk, field, value, path);
    return;
  }
  const minimum = field.minItems ?? 0;
  if (value.length < minimum) {
    const where = formatJsonPath(path);
    const message = `${where} has ${value.length} entries; ${walk.systemName} needs at least ${minimum}`;
    report(walk, path, 'missing', message);
  }
  const itemFields = field.fields;
  if (itemFields === undefined) return;
  value.forEach((item: unknown, index) => {
    const itemPath = [...path, index];
    if (isRecord(item)) checkObject(walk, itemFields, item, itemPath);
    else {
      const message = `${formatJsonPath(itemPath)} is ${kindOf(item)}; ${walk.systemName} expects an object`;
      report(walk, itemPath, 'wrongType', message);
    }
  });
}

function checkText(walk: Walk, field: FieldSpec, value: unknown, path: Segments): void {
  if (typeof value !== 'string') {
    wrongType(walk, field, value, path);
    return;
  }
  const where = formatJsonPath(path);
  const shown = quoteValue(value);
  if (field.allowed !== undefined && field.allowed.length > 0 && !field.allowed.includes(value)) {
    const allowed = listAlternatives(field.allowed);
    report(walk, path, 'notAllowed', `${where} is ${shown}; ${walk.systemName} allows ${allowed}`);
  }
  if (field.maxLength !== undefined && value.length > field.maxLength) {
    const message = `${where} is ${value.length} characters; ${walk.systemName} allows ${field.maxLength}`;
    report(walk, path, 'tooLong', message);
  }
  if (field.format !== undefined && !conformsTo(field.format, value)) {
    const expectation = FORMAT_RULES[field.format].expectation;
    report(walk, path, 'badFormat', `${where} is ${shown}; ${walk.systemName} expects ${expectation}`);
  }
}

function checkScalar(walk: Walk, field: FieldSpec, value: unknown, path: Segments): void {
  const fits =
    field.type === 'boolean'
      ? typeof value === 'boolean'
      : field.type === 'integer'
        ? Number.isSafeInteger(value)
        : typeof value === 'number' && Number.isFinite(value);
  if (!fits) wrongType(walk, field, value, path);
}
