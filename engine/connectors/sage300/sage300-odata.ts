import { BridgeflowError } from '../../errors/bridgeflow-error.ts';

// OData query text for the Sage 300 Web API (erp-apis.md A3, S-DEV §4.2). Values never reach the
// query as raw text: every literal is typed and quoted here, so a customer e-mail such as
// `o'brien@example.com` or `x' or '1' eq '1` stays one string literal.

/** A date-time literal, written `datetime'2015-12-31T12:00:00'` as S-DEV §4.2 prints it. */
export interface ODataDateTime {
  readonly dateTime: string;
}

/** A value a filter may compare a property with. */
export type ODataValue = string | number | boolean | null | ODataDateTime;

type Comparison = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

/**
 * A `$filter` expression. Only this module can make one (the class is not exported and its text is
 * a private field, so nothing shaped alike passes for it): its text is always well-formed and every
 * value in it quoted.
 */
class Filter {
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  get text(): string {
    return this.#text;
  }
}

/** A `$filter` expression built with {@link odata}. */
export type ODataFilter = Filter;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A property name, checked: names go into the query unquoted, so they must be identifiers. */
export function propertyName(name: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new BridgeflowError('INPUT_INVALID', `"${name}" is not a Sage 300 property name`, {
      retryable: false,
    });
  }
  return name;
}

/** `'text'` with each quote doubled, the OData rule for quotes inside string literals. */
export function quoteString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * A date-time literal from an ISO 8601 string or a Date. Sage stores dates without a zone (A10), so
 * the value is written in UTC without an offset, as S-DEV's `datetime'2015-12-31T12:00'` is [U: how a
 * real server reads the zone has not been verified].
 */
export function dateTime(value: string | Date): ODataDateTime {
  const moment = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(moment.getTime())) {
    throw new BridgeflowError('INPUT_INVALID', `"${String(value)}" is not a date or date-time`, {
      retryable: false,
    });
  }
  return { dateTime: moment.toISOString().slice(0, 19) };
}

/** The literal for a value: strings quoted, integers bare, decimals with S-DEV's `m` suffix. */
export function literal(value: ODataValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quoteString(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new BridgeflowError('INPUT_INVALID', `${value} cannot be compared in a Sage 300 filter`, {
        retryable: false,
      });
    }
    // S-DEV §4.2 writes decimals as `99.99m`.
    return Number.isInteger(value) ? String(value) : `${value}m`;
  }
  return `datetime${quoteString(value.dateTime)}`;
}

function build(text: string): ODataFilter {
  return new Filter(text);
}

function compare(operator: Comparison) {
  return (property: string, value: ODataValue): ODataFilter =>
    build(`${propertyName(property)} ${operator} ${literal(value)}`);
}

function join(operator: 'and' | 'or', filters: readonly ODataFilter[]): ODataFilter {
  const [first, ...rest] = filters;
  if (first === undefined) throw new Error(`odata.${operator} needs at least one filter`);
  if (rest.length === 0) return first;
  return build(filters.map((filter) => `(${filter.text})`).join(` ${operator} `));
}

/** Builders for `$filter` (operators and functions S-DEV §4.2 documents; `ge` from the wild [T]). */
export const odata = {
  eq: compare('eq'),
  ne: compare('ne'),
  gt: compare('gt'),
  ge: compare('ge'),
  lt: compare('lt'),
  le: compare('le'),
  and: (...filters: ODataFilter[]): ODataFilter => join('and', filters),
  or: (...filters: ODataFilter[]): ODataFilter => join('or', filters),
  startsWith: (property: string, text: string): ODataFilter =>
    build(`startswith(${propertyName(property)},${quoteString(text)})`),
  endsWith: (property: string, text: string): ODataFilter =>
    build(`endswith(${propertyName(property)},${quoteString(text)})`),
  /** OData v3 argument order, needle first: `substringof('x',Name)` (S-DEV §4.2). */
  contains: (property: string, text: string): ODataFilter =>
    build(`substringof(${quoteString(text)},${propertyName(property)})`),
  dateTime,
};

/** What one collection GET asks for. */
export interface ODataQuery {
  filter?: ODataFilter;
  select?: readonly string[];
  top?: number;
  skip?: number;
}

/**
 * The query string (`$filter=…&$select=…&$top=…&$skip=…`), each option once (A3). Values are
 * percent-encoded with `%20` for spaces: `+` in a query means a space to ASP.NET but a plus to others.
 */
export function queryString(query: ODataQuery): string {
  const pairs: [string, string][] = [];
  if (query.filter !== undefined) pairs.push(['$filter', query.filter.text]);
  if (query.select !== undefined && query.select.length > 0)
    pairs.push(['$select', query.select.map(propertyName).join(',')]);
  if (query.top !== undefined) pairs.push(['$top', String(count('$top', query.top))]);
  if (query.skip !== undefined && query.skip > 0) pairs.push(['$skip', String(count('$skip', query.skip))]);
  // `$` and `,` are allowed in a query; leaving them readable keeps traces readable.
  const encode = (text: string) => encodeURIComponent(text).replaceAll('%24', '$').replaceAll('%2C', ',');
  return pairs.map(([name, value]) => `${name}=${encode(value)}`).join('&');
}

function count(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
  return value;
}
