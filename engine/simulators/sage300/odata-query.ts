import { compileFilter, type RowPredicate } from './odata-filter-compile.ts';
import { Sage300Failure } from './sage300-errors.ts';
import type { EntitySchema, Sage300Row } from './sage300-fields.ts';
import type { Sage300Settings } from './sage300-settings.ts';

// Query options Sage documents: $skip, $top, $count, $filter, $select, each once per request
// (erp-apis.md A3, S-DEV §4.2, S-PM).

export interface QueryOptions {
  readonly filter?: RowPredicate;
  readonly select?: readonly string[];
  readonly top?: number;
  readonly skip: number;
  readonly count: boolean;
}

const OPTIONS: ReadonlySet<string> = new Set(['$filter', '$select', '$top', '$skip', '$count']);

function invalidParameters(message: string): Sage300Failure {
  return new Sage300Failure('InvalidParameters', message);
}

/** Reads and checks the query options once per request; the filter is compiled here. */
export function readQueryOptions(query: URLSearchParams, schema: EntitySchema): QueryOptions {
  const seen = new Map<string, string>();
  for (const [name, value] of query) {
    if (!name.startsWith('$')) continue;
    if (!OPTIONS.has(name)) {
      throw invalidParameters(
        `The query option '${name}' is not supported; use $filter, $select, $top, $skip, $count.`,
      );
    }
    if (seen.has(name)) throw invalidParameters(`The query option '${name}' was given more than once.`);
    seen.set(name, value);
  }
  const filter = seen.get('$filter');
  const select = seen.get('$select');
  const top = seen.get('$top');
  return {
    filter: filter === undefined ? undefined : compileFilter(filter, schema),
    select: select === undefined ? undefined : readSelect(select, schema),
    top: top === undefined ? undefined : readCount('$top', top),
    skip: readCount('$skip', seen.get('$skip') ?? '0'),
    count: readBoolean('$count', seen.get('$count') ?? 'false'),
  };
}

function readCount(name: string, value: string): number {
  if (!/^\d{1,9}$/.test(value))
    throw invalidParameters(`${name} must be a non-negative integer, not '${value}'.`);
  return Number(value);
}

function readBoolean(name: string, value: string): boolean {
  if (value !== 'true' && value !== 'false')
    throw invalidParameters(`${name} must be true or false, not '${value}'.`);
  return value === 'true';
}

function readSelect(value: string, schema: EntitySchema): readonly string[] | undefined {
  const names = value.split(',').map((name) => name.trim());
  if (names.includes('*')) return undefined;
  for (const name of names) {
    if (schema.fields[name] === undefined) {
      throw invalidParameters(`$select: '${name}' is not a property of ${schema.name}.`);
    }
  }
  return names;
}

/** Keeps only the selected properties. */
export function project(row: Sage300Row, select: readonly string[] | undefined): Sage300Row {
  if (select === undefined) return row;
  const projected: Sage300Row = {};
  for (const name of select) projected[name] = row[name] ?? null;
  return projected;
}

export interface FeedPage {
  readonly rows: Sage300Row[];
  /** Rows matching the filter, when `$count=true`. */
  readonly total: number | undefined;
  /** Whether rows remain after this page within what the client asked for. */
  readonly more: boolean;
}

/** Filters, skips and cuts one page (never more than `pageSize` rows, A3) in a single pass. */
export function readPage(rows: Iterable<Sage300Row>, options: QueryOptions, pageSize: number): FeedPage {
  const limit = Math.min(options.top ?? Number.POSITIVE_INFINITY, pageSize);
  const page: Sage300Row[] = [];
  let matched = 0;
  let more = false;
  for (const row of rows) {
    if (options.filter !== undefined && !options.filter(row)) continue;
    matched++;
    if (matched <= options.skip) continue;
    if (page.length < limit) page.push(project(row, options.select));
    else {
      more = options.top === undefined || options.top > limit;
      if (!options.count) break;
    }
  }
  return { rows: page, total: options.count ? matched : undefined, more };
}

export interface FeedContext {
  /** `{origin}/Sage300WebApi/v1.0/-/{company}/{module}` */
  readonly moduleUrl: string;
  readonly resource: string;
  /** The request's query, to build the next link from. */
  readonly query: URLSearchParams;
}

/** The feed envelope in the configured shape (see Sage300Settings.envelope). */
export function feedBody(
  page: FeedPage,
  options: QueryOptions,
  context: FeedContext,
  settings: Sage300Settings,
): Record<string, unknown> {
  const selected = options.select === undefined ? '' : `(${options.select.join(',')})`;
  const contextUrl = `${context.moduleUrl}/$metadata#${context.resource}${selected}`;
  if (settings.envelope === 'documented') {
    // S-DEV §4.2 prints the count as a string and no `@` prefix.
    return page.total === undefined
      ? { 'odata.context': contextUrl, value: page.rows }
      : { 'odata.context': contextUrl, 'odata.count': String(page.total), value: page.rows };
  }
  const body: Record<string, unknown> = { '@odata.context': contextUrl };
  if (page.total !== undefined) body['@odata.count'] = page.total;
  body.value = page.rows;
  if (page.more) body['@odata.nextLink'] = nextLink(page, options, context);
  return body;
}

function nextLink(page: FeedPage, options: QueryOptions, context: FeedContext): string {
  const query = new URLSearchParams(context.query);
  query.set('$skip', String(options.skip + page.rows.length));
  if (options.top !== undefined) query.set('$top', String(options.top - page.rows.length));
  return `${context.moduleUrl}/${context.resource}?${query.toString()}`;
}
