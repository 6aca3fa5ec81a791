import type { FieldFormat, FieldSpec } from './record-schema.ts';

/** Everything a builder call may add beyond name, type and description. */
type Extra = Omit<FieldSpec, 'name' | 'type' | 'description'>;

/** Text, optionally with a maximum width (`undefined` = no width known). */
export function text(
  name: string,
  maxLength: number | undefined,
  description: string,
  extra: Extra = {},
): FieldSpec {
  const width = maxLength === undefined ? {} : { maxLength };
  return { name, type: 'string', description, ...width, ...extra };
}

/** A date or date-time travelling as text in `format`. */
export function date(name: string, format: FieldFormat, description: string, extra: Extra = {}): FieldSpec {
  return { name, type: 'date', format, description, ...extra };
}

/** A JSON number (decimal). */
export function decimal(name: string, description: string, extra: Extra = {}): FieldSpec {
  return { name, type: 'number', description, ...extra };
}

/** A JSON whole number. */
export function integer(name: string, description: string, extra: Extra = {}): FieldSpec {
  return { name, type: 'integer', description, ...extra };
}

/** A JSON boolean. */
export function flag(name: string, description: string, extra: Extra = {}): FieldSpec {
  return { name, type: 'boolean', description, ...extra };
}

/** A nested object with described fields. */
export function object(
  name: string,
  description: string,
  fields: readonly FieldSpec[],
  extra: Extra = {},
): FieldSpec {
  return { name, type: 'object', description, fields, ...extra };
}

/** A list of objects, each with the given fields (`undefined` = items not described). */
export function list(
  name: string,
  description: string,
  fields: readonly FieldSpec[] | undefined,
  extra: Extra = {},
): FieldSpec {
  const items = fields === undefined ? {} : { fields };
  return { name, type: 'array', description, ...items, ...extra };
}

/** Marks a field required. */
export function required(field: FieldSpec): FieldSpec {
  return { ...field, required: true };
}

/** An M3 alphanumeric field (type A): text, at most `width` characters (erp-apis.md B4). */
export function m3Text(
  name: string,
  width: number | undefined,
  description: string,
  extra: Extra = {},
): FieldSpec {
  return text(name, width, description, extra);
}

/** An M3 numeric field (type N): digits travelling as text, e.g. `"2"` (erp-apis.md B4). */
export function m3Number(
  name: string,
  width: number | undefined,
  description: string,
  extra: Extra = {},
): FieldSpec {
  return text(name, width, description, { format: 'decimalString', ...extra });
}

/** An M3 date field (type D): `YYYYMMDD` text (erp-apis.md B4, dateformat=YMD8). */
export function m3Date(name: string, description: string, extra: Extra = {}): FieldSpec {
  return date(name, 'YYYYMMDD', `${description} (YYYYMMDD)`, extra);
}

/** The listed fields of `fields`, none of them required: for update bodies built from a source model. */
export function pickOptional(fields: readonly FieldSpec[], names: readonly string[]): FieldSpec[] {
  return names.map((name) => {
    const field = fields.find((candidate) => candidate.name === name);
    if (field === undefined) throw new Error(`pickOptional: no field ${name}`);
    const { required: _required, requiredWhen: _requiredWhen, ...rest } = field;
    return rest;
  });
}
