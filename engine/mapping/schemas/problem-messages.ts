import type { FieldSpec, RequiredWhen } from './record-schema.ts';

// Long values are cut in messages; the length is reported separately where it matters.
const MAX_QUOTED = 40;

/** A value as a message shows it: `"3DC-100245"`, `2`, `true`, `a list`. */
export function quoteValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return kindOf(value);
}

/** What kind of JSON value this is, for "is a number (2)". */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true/false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** What a field of this type expects, for "Infor M3 expects text". */
export function expectedKind(field: FieldSpec): string {
  switch (field.type) {
    case 'string':
      return 'text';
    case 'date':
      return 'a date written as text';
    case 'number':
      return 'a number';
    case 'integer':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
  }
}

/** "Item" or "Miscellaneous"; "A", "B" or "C". */
export function listAlternatives(values: readonly string[]): string {
  const quoted = values.map((value) => JSON.stringify(value));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

/** Message for a wrong JSON type; for M3 numbers it says what to send instead. */
export function wrongTypeMessage(path: string, field: FieldSpec, value: unknown, systemName: string): string {
  const primitive = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  const shown = primitive ? ` (${quoteValue(value)})` : '';
  const expected = `${systemName} expects ${expectedKind(field)}`;
  if (typeof value === 'number' && field.type === 'integer') return `${path} is ${value}; ${expected}`;
  // erp-apis.md B4: M3 values, numbers included, travel as strings.
  const hint = field.type === 'string' && typeof value === 'number' ? `, so send "${value}"` : '';
  return `${path} is ${kindOf(value)}${shown}; ${expected}${hint}`;
}

/** Message for a required field that is absent, null or blank. */
export function missingMessage(
  path: string,
  value: unknown,
  systemName: string,
  condition: RequiredWhen | undefined,
): string {
  const state = typeof value === 'string' ? 'is blank' : 'is missing';
  if (condition === undefined) return `${path} is required by ${systemName} but ${state}`;
  const values = listAlternatives(condition.equals);
  return `${path} is required when ${condition.field} is ${values} but ${state}`;
}
