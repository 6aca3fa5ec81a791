import { Sage300Failure } from './sage300-errors.ts';
import { normalizeDate } from './sage300-fields.ts';

// A small OData `$filter` parser for the subset Sage documents (erp-apis.md A3, S-DEV §4.2):
// operators eq ne gt ge lt le and or (ge from third-party use [T]); functions substringof, startswith,
// endswith, length; literals 'text' (with '' for a quote), numbers with an optional m/d/f/L suffix
// (99.99m), datetime'2015-12-31T12:00', bare 2016-12-31T12:00:00Z (S-PM), true, false, null.
// Precedence, loosest first: or, and, comparison; parentheses group.

export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type FunctionName = 'substringof' | 'startswith' | 'endswith' | 'length';

export type FilterExpression =
  | { kind: 'logical'; operator: 'and' | 'or'; left: FilterExpression; right: FilterExpression }
  | {
      kind: 'compare';
      operator: ComparisonOperator;
      left: FilterExpression;
      right: FilterExpression;
      at: number;
    }
  | { kind: 'call'; name: FunctionName; args: FilterExpression[]; at: number }
  | { kind: 'property'; name: string; at: number }
  | {
      kind: 'literal';
      type: 'string' | 'number' | 'boolean' | 'datetime' | 'null';
      value: LiteralValue;
      at: number;
    };

export type LiteralValue = string | number | boolean | null;

type Token =
  | { kind: 'open' | 'close' | 'comma' | 'end'; at: number }
  | { kind: 'word'; text: string; at: number }
  | { kind: 'string' | 'datetime'; value: string; at: number }
  | { kind: 'number'; value: number; at: number };

const COMPARISONS: ReadonlySet<string> = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS: ReadonlySet<string> = new Set(['substringof', 'startswith', 'endswith', 'length']);
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const BARE_DATETIME = /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[mMdDfFlL]?/y;

export function filterError(message: string, at: number): Sage300Failure {
  return new Sage300Failure('InvalidParameters', `Invalid $filter at position ${at + 1}: ${message}`);
}

function isFunctionName(name: string): name is FunctionName {
  return FUNCTIONS.has(name);
}

function isComparison(name: string): name is ComparisonOperator {
  return COMPARISONS.has(name);
}

/** Splits a `$filter` value into tokens. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const character = source[at] ?? '';
    if (character === ' ' || character === '\t') at++;
    else if (character === '(' || character === ')' || character === ',') {
      tokens.push({ kind: character === '(' ? 'open' : character === ')' ? 'close' : 'comma', at });
      at++;
    } else if (character === "'") {
      const [value, next] = readQuoted(source, at);
      tokens.push({ kind: 'string', value, at });
      at = next;
    } else {
      at = readAtom(source, at, tokens);
    }
  }
  tokens.push({ kind: 'end', at: source.length });
  return tokens;
}

/** Reads a single-quoted string starting at `at`, where `''` stands for one quote. */
function readQuoted(source: string, at: number): [string, number] {
  let value = '';
  let index = at + 1;
  while (index < source.length) {
    const character = source[index];
    if (character === "'") {
      if (source[index + 1] !== "'") return [value, index + 1];
      index++;
    }
    value += character;
    index++;
  }
  throw filterError('unterminated string literal', at);
}

function readAtom(source: string, at: number, tokens: Token[]): number {
  BARE_DATETIME.lastIndex = at;
  const datetime = BARE_DATETIME.exec(source);
  if (datetime) return pushDatetime(datetime[0], at, tokens);
  NUMBER.lastIndex = at;
  const numeral = NUMBER.exec(source);
  if (numeral) {
    tokens.push({ kind: 'number', value: Number(numeral[0].replace(/[mMdDfFlL]$/, '')), at });
    return at + numeral[0].length;
  }
  WORD.lastIndex = at;
  const word = WORD.exec(source);
  if (!word) throw filterError(`unexpected character '${source[at]}'`, at);
  const end = at + word[0].length;
  if ((word[0] === 'datetime' || word[0] === 'datetimeoffset') && source[end] === "'") {
    const [value, next] = readQuoted(source, end);
    pushDatetime(value, at, tokens);
    return next;
  }
  tokens.push({ kind: 'word', text: word[0], at });
  return end;
}

function pushDatetime(text: string, at: number, tokens: Token[]): number {
  const value = normalizeDate(text);
  if (value === undefined) throw filterError(`invalid datetime literal '${text}'`, at);
  tokens.push({ kind: 'datetime', value, at });
  return at + text.length;
}

/** Parses a `$filter` value into an expression tree; throws InvalidParameters on a syntax error. */
export function parseFilter(source: string): FilterExpression {
  const parser = new FilterParser(tokenize(source));
  const expression = parser.parseOr();
  parser.expectEnd();
  return expression;
}

class FilterParser {
  readonly #tokens: Token[];
  #index = 0;

  constructor(tokens: Token[]) {
    this.#tokens = tokens;
  }

  #peek(): Token {
    return this.#tokens[this.#index] ?? { kind: 'end', at: 0 };
  }

  #next(): Token {
    const token = this.#peek();
    if (token.kind !== 'end') this.#index++;
    return token;
  }

  #peekWord(...words: string[]): string | undefined {
    const token = this.#peek();
    return token.kind === 'word' && words.includes(token.text) ? token.text : undefined;
  }

  expectEnd(): void {
    const token = this.#peek();
    if (token.kind !== 'end') throw filterError(`unexpected ${describe(token)}`, token.at);
  }

  parseOr(): FilterExpression {
    let left = this.#parseAnd();
    while (this.#peekWord('or')) {
      this.#next();
      left = { kind: 'logical', operator: 'or', left, right: this.#parseAnd() };
    }
    return left;
  }

  #parseAnd(): FilterExpression {
    let left = this.#parseComparison();
    while (this.#peekWord('and')) {
      this.#next();
      left = { kind: 'logical', operator: 'and', left, right: this.#parseComparison() };
    }
    return left;
  }

  #parseComparison(): FilterExpression {
    const left = this.#parsePrimary();
    const token = this.#peek();
    if (token.kind !== 'word' || !isComparison(token.text)) return left;
    this.#next();
    return { kind: 'compare', operator: token.text, left, right: this.#parsePrimary(), at: token.at };
  }

  #parsePrimary(): FilterExpression {
    const token = this.#next();
    switch (token.kind) {
      case 'open': {
        const inner = this.parseOr();
        const close = this.#next();
        if (close.kind !== 'close') throw filterError(`expected ')' but found ${describe(close)}`, close.at);
        return inner;
      }
      case 'string':
      case 'datetime':
        return { kind: 'literal', type: token.kind, value: token.value, at: token.at };
      case 'number':
        return { kind: 'literal', type: 'number', value: token.value, at: token.at };
      case 'word':
        return this.#parseWord(token.text, token.at);
      default:
        throw filterError(`expected a value but found ${describe(token)}`, token.at);
    }
  }

  #parseWord(text: string, at: number): FilterExpression {
    if (text === 'true' || text === 'false')
      return { kind: 'literal', type: 'boolean', value: text === 'true', at };
    if (text === 'null') return { kind: 'literal', type: 'null', value: null, at };
    if (this.#peek().kind !== 'open') {
      if (COMPARISONS.has(text) || text === 'and' || text === 'or') {
        throw filterError(`expected a value but found '${text}'`, at);
      }
      return { kind: 'property', name: text, at };
    }
    if (!isFunctionName(text)) throw filterError(`unknown function '${text}'`, at);
    this.#next();
    const args = [this.parseOr()];
    while (this.#peek().kind === 'comma') {
      this.#next();
      args.push(this.parseOr());
    }
    const close = this.#next();
    if (close.kind !== 'close')
      throw filterError(`expected ')' or ',' but found ${describe(close)}`, close.at);
    return { kind: 'call', name: text, args, at };
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the filter';
    case 'word':
      return `'${token.text}'`;
    case 'open':
      return "'('";
    case 'close':
      return "')'";
    case 'comma':
      return "','";
    default:
      return `literal ${JSON.stringify(token.value)}`;
  }
}
