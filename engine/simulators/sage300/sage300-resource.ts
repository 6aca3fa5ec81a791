import type { CompanyData } from './company-data.ts';
import { joinKey, type KeyedTable } from './keyed-table.ts';
import { RECORD_NOT_FOUND_MESSAGE, Sage300Failure } from './sage300-errors.ts';
import type { EntitySchema, PayloadRules, Sage300Row } from './sage300-fields.ts';
import type { KeyPart } from './sage300-url.ts';

export type Verb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a resource operation works with. */
export interface ResourceContext {
  readonly data: CompanyData;
  readonly rules: PayloadRules;
  readonly now: () => Date;
}

/** An entry key resolved against a resource: the Map key and the key properties. */
export interface ResolvedKey {
  readonly id: string;
  readonly values: Sage300Row;
}

/**
 * One endpoint, e.g. `AR/ARCustomers`. GET (feed and entry) is served generically from `table`;
 * each write verb exists exactly when its method does, so the 405s follow the verb list (A4, S-EP).
 */
export interface Sage300Resource {
  readonly module: string;
  readonly name: string;
  readonly schema: EntitySchema;
  readonly keyFields: readonly string[];
  table(data: CompanyData): KeyedTable;
  template(context: ResourceContext): Sage300Row;
  /** POST: returns the inserted entry with generated keys and computed values (S-DEV §7). */
  insert?(context: ResourceContext, body: unknown): Sage300Row;
  /** PUT: delete + insert; details absent from the body are purged (S-DEV §8). */
  replace?(context: ResourceContext, key: ResolvedKey, body: unknown): void;
  /** PATCH: partial update; details follow `UpdateOperation` (S-DEV §9). */
  patch?(context: ResourceContext, key: ResolvedKey, body: unknown): void;
  remove?(context: ResourceContext, key: ResolvedKey): void;
}

export function allowedVerbs(resource: Sage300Resource): Verb[] {
  const verbs: Verb[] = ['GET'];
  if (resource.insert) verbs.push('POST');
  if (resource.replace) verbs.push('PUT');
  if (resource.patch) verbs.push('PATCH');
  if (resource.remove) verbs.push('DELETE');
  return verbs;
}

/** The Map key of a stored row. */
export function rowKey(resource: Sage300Resource, row: Sage300Row): string {
  return joinKey(resource.keyFields.map((field) => keyValue(row[field])));
}

function keyValue(value: unknown): string | number {
  return typeof value === 'number' || typeof value === 'string' ? value : '';
}

/** Matches the parts of `({key})` to the resource's key properties; composite keys need every part (A3). */
export function resolveKey(resource: Sage300Resource, parts: readonly KeyPart[]): ResolvedKey {
  const invalid = (why: string) =>
    new Sage300Failure('InvalidEntityKey', `The key is not valid for ${resource.name}: ${why}.`);
  const first = parts[0];
  if (parts.length === 1 && first?.name === undefined && resource.keyFields.length === 1) {
    const field = resource.keyFields[0] ?? '';
    return build(resource, new Map([[field, first ?? { name: field, literal: '', quoted: false }]]), invalid);
  }
  const byName = new Map<string, KeyPart>();
  for (const part of parts) {
    if (part.name === undefined)
      throw invalid(`name every part of the key (${resource.keyFields.join(', ')})`);
    if (!resource.keyFields.includes(part.name)) throw invalid(`'${part.name}' is not a key property`);
    byName.set(part.name, part);
  }
  if (byName.size !== resource.keyFields.length) {
    throw invalid(`the key needs all of ${resource.keyFields.join(', ')}`);
  }
  return build(resource, byName, invalid);
}

function build(
  resource: Sage300Resource,
  parts: ReadonlyMap<string, KeyPart>,
  invalid: (why: string) => Sage300Failure,
): ResolvedKey {
  const values: Sage300Row = {};
  for (const field of resource.keyFields) {
    const part = parts.get(field);
    if (part === undefined) throw invalid(`'${field}' is missing`);
    if (resource.schema.fields[field]?.kind === 'number') {
      // Numeric keys are written bare: OEOrders(10021638), (BatchNumber = 65) (A3).
      if (part.quoted || !/^\d+$/.test(part.literal)) throw invalid(`${field} must be a number`);
      values[field] = Number(part.literal);
    } else {
      values[field] = part.literal;
    }
  }
  return { id: rowKey(resource, values), values };
}

/** The stored row for a key, or the documented 404 (A5). */
export function requireRow(resource: Sage300Resource, data: CompanyData, key: ResolvedKey): Sage300Row {
  const row = resource.table(data).get(key.id);
  if (row === undefined) throw new Sage300Failure('RecordNotFound', RECORD_NOT_FOUND_MESSAGE);
  return row;
}

/** Refuses a payload whose key properties differ from the URL's key [U: undocumented]. */
export function checkKeyUnchanged(resource: Sage300Resource, key: ResolvedKey, payload: Sage300Row): void {
  for (const field of resource.keyFields) {
    if (field in payload && payload[field] !== key.values[field]) {
      throw new Sage300Failure('InvalidPayload', `${field} in the payload differs from the key in the URL.`);
    }
  }
}
