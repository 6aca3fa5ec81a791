import type { CompanyData } from './company-data.ts';
import { type DetailMerge, mergeDetails, settleAll } from './detail-operations.ts';
import type { KeyedTable } from './keyed-table.ts';
import { Sage300Failure } from './sage300-errors.ts';
import { completeRow, defaultsOf, type EntitySchema, readEntity, type Sage300Row } from './sage300-fields.ts';
import {
  checkKeyUnchanged,
  type ResolvedKey,
  type ResourceContext,
  requireRow,
  rowKey,
  type Sage300Resource,
} from './sage300-resource.ts';

// Master data (customers, items, locations, code tables) shares one behaviour: GET POST PUT DELETE
// PATCH over a keyed table (erp-apis.md A4, S-EP), with per-resource rules in `complete`.

export interface MasterDataOptions {
  readonly module: string;
  readonly name: string;
  readonly schema: EntitySchema;
  readonly keyFields: readonly string[];
  table(data: CompanyData): KeyedTable;
  /** GET only (tax groups are GET-only per S-EP). */
  readonly readOnly?: boolean;
  /** Detail lists PATCH merges line by line, keyed by the given property. */
  readonly details?: Readonly<Record<string, DetailMerge>>;
  /** Fills defaults and enforces business rules before a record is stored; throws Sage300Failure. */
  complete?(context: ResourceContext, row: Sage300Row, previous: Sage300Row | undefined): Sage300Row;
  /** Refuses a delete (e.g. a customer with orders). */
  checkDelete?(context: ResourceContext, row: Sage300Row): void;
  /** Keeps side indexes in step after a write; `row` is undefined after a delete. */
  indexed?(context: ResourceContext, row: Sage300Row | undefined, previous: Sage300Row | undefined): void;
  /** Template values beyond the schema defaults. */
  template?(context: ResourceContext): Sage300Row;
}

export function masterDataResource(options: MasterDataOptions): Sage300Resource {
  const resource: Sage300Resource = {
    module: options.module,
    name: options.name,
    schema: options.schema,
    keyFields: options.keyFields,
    table: options.table,
    template: (context) => ({ ...defaultsOf(options.schema), ...options.template?.(context) }),
  };
  if (options.readOnly) return resource;
  return {
    ...resource,
    insert: (context, body) => insert(options, resource, context, body),
    replace: (context, key, body) => replace(options, resource, context, key, body),
    patch: (context, key, body) => patch(options, resource, context, key, body),
    remove: (context, key) => remove(options, resource, context, key),
  };
}

function insert(
  options: MasterDataOptions,
  resource: Sage300Resource,
  context: ResourceContext,
  body: unknown,
) {
  const payload = readEntity(options.schema, body, context.rules);
  for (const field of options.keyFields) {
    if (payload[field] === undefined || payload[field] === '') {
      throw new Sage300Failure('RecordInvalid', `${field} is required.`);
    }
  }
  const table = options.table(context.data);
  const id = rowKey(resource, payload);
  if (table.has(id)) {
    throw new Sage300Failure(
      'RecordDuplicate',
      `${options.name} record ${id.replaceAll('\u0000', ', ')} already exists.`,
    );
  }
  return store(options, context, id, settleDetails(options, completeRow(options.schema, payload)), undefined);
}

function replace(
  options: MasterDataOptions,
  resource: Sage300Resource,
  context: ResourceContext,
  key: ResolvedKey,
  body: unknown,
): void {
  const previous = requireRow(resource, context.data, key);
  const payload = readEntity(options.schema, body, context.rules);
  checkKeyUnchanged(resource, key, payload);
  const row = settleDetails(options, completeRow(options.schema, { ...payload, ...key.values }));
  store(options, context, key.id, row, previous);
}

function patch(
  options: MasterDataOptions,
  resource: Sage300Resource,
  context: ResourceContext,
  key: ResolvedKey,
  body: unknown,
): void {
  const previous = requireRow(resource, context.data, key);
  const payload = readEntity(options.schema, body, context.rules);
  checkKeyUnchanged(resource, key, payload);
  const row: Sage300Row = { ...previous };
  for (const [name, value] of Object.entries(payload)) {
    const merge = options.details?.[name];
    const before = previous[name];
    row[name] =
      merge && Array.isArray(value) && Array.isArray(before) ? mergeDetails(before, value, merge) : value;
  }
  store(options, context, key.id, row, previous);
}

function remove(
  options: MasterDataOptions,
  resource: Sage300Resource,
  context: ResourceContext,
  key: ResolvedKey,
) {
  const previous = requireRow(resource, context.data, key);
  options.checkDelete?.(context, previous);
  options.table(context.data).delete(key.id);
  options.indexed?.(context, undefined, previous);
}

function store(
  options: MasterDataOptions,
  context: ResourceContext,
  id: string,
  row: Sage300Row,
  previous: Sage300Row | undefined,
): Sage300Row {
  const completed = options.complete?.(context, row, previous) ?? row;
  options.table(context.data).set(id, completed);
  options.indexed?.(context, completed, previous);
  return completed;
}

function settleDetails(options: MasterDataOptions, row: Sage300Row): Sage300Row {
  for (const name of Object.keys(options.details ?? {})) {
    const lines = row[name];
    if (Array.isArray(lines)) row[name] = settleAll(lines);
  }
  return row;
}
