import {
  type ComparisonOperator,
  type FilterExpression,
  filterError,
  type LiteralValue,
  parseFilter,
} from './odata-filter-parser.ts';
import { type EntitySchema, normalizeDate, type Sage300Row } from './sage300-fields.ts';

// Turns a parsed `$filter` into one predicate per request, checking property names and types against
// the entity schema first (an OData server refuses `Amount eq 'x'` before reading any row).

export type RowPredicate = (row: Sage300Row) => boolean;

type ValueType = 'string' | 'number' | 'boolean' | 'datetime' | 'null';

interface Operand {
  readonly type: ValueType;
  read(row: Sage300Row): LiteralValue;
  /** A literal's value, for coercing `'2024-01-01'` against a date property. */
  readonly constant?: LiteralValue;
}

/** Parses and compiles `$filter` for an entity; throws InvalidParameters on any problem. */
export function compileFilter(source: string, schema: EntitySchema): RowPredicate {
  const expression = parseFilter(source);
  const condition = compile(expression, schema);
  if (condition.type !== 'boolean') throw filterError('the filter must be a true/false condition', 0);
  return (row) => condition.read(row) === true;
}

function compile(expression: FilterExpression, schema: EntitySchema): Operand {
  switch (expression.kind) {
    case 'literal': {
      const value = expression.value;
      return { type: expression.type, read: () => value, constant: value };
    }
    case 'property':
      return compileProperty(expression.name, expression.at, schema);
    case 'logical':
      return compileLogical(
        expression.operator,
        compile(expression.left, schema),
        compile(expression.right, schema),
      );
    case 'compare':
      return compileComparison(
        expression.operator,
        compile(expression.left, schema),
        compile(expression.right, schema),
        expression.at,
      );
    case 'call':
      return compileCall(expression, schema);
  }
}

function compileProperty(name: string, at: number, schema: EntitySchema): Operand {
  const field = schema.fields[name];
  if (field === undefined) throw filterError(`'${name}' is not a property of ${schema.name}`, at);
  const read = (row: Sage300Row): LiteralValue => {
    const value = row[name];
    return Array.isArray(value) || value === undefined ? null : value;
  };
  switch (field.kind) {
    case 'text':
    case 'choice':
      return { type: 'string', read };
    case 'number':
      return { type: 'number', read };
    case 'flag':
      return { type: 'boolean', read };
    case 'date':
      return { type: 'datetime', read };
    case 'list':
      throw filterError(`'${name}' is a collection and cannot be filtered`, at);
  }
}

function compileLogical(operator: 'and' | 'or', left: Operand, right: Operand): Operand {
  if (left.type !== 'boolean' || right.type !== 'boolean') {
    throw filterError(`both sides of '${operator}' must be true/false conditions`, 0);
  }
  const read =
    operator === 'and'
      ? (row: Sage300Row) => left.read(row) === true && right.read(row) === true
      : (row: Sage300Row) => left.read(row) === true || right.read(row) === true;
  return { type: 'boolean', read };
}

function compileComparison(operator: ComparisonOperator, left: Operand, right: Operand, at: number): Operand {
  const [first, second] = alignDates(left, right, at);
  const ordering = operator !== 'eq' && operator !== 'ne';
  if (first.type === 'null' || second.type === 'null') {
    if (ordering) throw filterError(`'${operator}' cannot compare with null`, at);
  } else if (first.type !== second.type) {
    throw filterError(`cannot compare a ${first.type} with a ${second.type} using '${operator}'`, at);
  } else if (ordering && first.type === 'boolean') {
    throw filterError(`'${operator}' cannot order true/false values`, at);
  }
  const test = COMPARATORS[operator];
  return { type: 'boolean', read: (row) => test(first.read(row), second.read(row)) };
}

/** Lets `OrderDate ge '2024-01-01'` mean a date, as the Postman samples write dates loosely (S-PM). */
function alignDates(left: Operand, right: Operand, at: number): [Operand, Operand] {
  const coerce = (operand: Operand): Operand => {
    if (operand.type !== 'string' || typeof operand.constant !== 'string') return operand;
    const value = normalizeDate(operand.constant);
    if (value === undefined) throw filterError(`'${operand.constant}' is not a date`, at);
    return { type: 'datetime', read: () => value, constant: value };
  };
  if (left.type === 'datetime') return [left, coerce(right)];
  if (right.type === 'datetime') return [coerce(left), right];
  return [left, right];
}

// Dates are stored as `YYYY-MM-DDTHH:mm:ssZ`, so string order is time order. Ordering with a null
// (an empty date) is false, as SQL's is. Text compares case-sensitively by code unit, as on the
// binary collation Sage 300 databases use [U].
const COMPARATORS: Readonly<Record<ComparisonOperator, (a: LiteralValue, b: LiteralValue) => boolean>> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  gt: (a, b) => a !== null && b !== null && a > b,
  ge: (a, b) => a !== null && b !== null && a >= b,
  lt: (a, b) => a !== null && b !== null && a < b,
  le: (a, b) => a !== null && b !== null && a <= b,
};

function compileCall(expression: Extract<FilterExpression, { kind: 'call' }>, schema: EntitySchema): Operand {
  const args = expression.args.map((argument) => compile(argument, schema));
  const expected = expression.name === 'length' ? 1 : 2;
  if (args.length !== expected || args.some((argument) => argument.type !== 'string')) {
    throw filterError(`${expression.name}() takes ${expected} text argument(s)`, expression.at);
  }
  const [first, second] = args;
  if (first === undefined) throw filterError(`${expression.name}() needs an argument`, expression.at);
  const text = (operand: Operand, row: Sage300Row): string => {
    const value = operand.read(row);
    return typeof value === 'string' ? value : '';
  };
  if (expression.name === 'length') return { type: 'number', read: (row) => text(first, row).length };
  if (second === undefined) throw filterError(`${expression.name}() needs two arguments`, expression.at);
  switch (expression.name) {
    // OData v3 argument order: substringof(needle, haystack) (S-DEV §4.2).
    case 'substringof':
      return { type: 'boolean', read: (row) => text(second, row).includes(text(first, row)) };
    case 'startswith':
      return { type: 'boolean', read: (row) => text(first, row).startsWith(text(second, row)) };
    default:
      return { type: 'boolean', read: (row) => text(first, row).endsWith(text(second, row)) };
  }
}
