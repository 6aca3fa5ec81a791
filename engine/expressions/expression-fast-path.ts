// A direct evaluator for the everyday JSONata expressions of integration flows: field paths,
// literals, `&`, comparisons, `and`/`or`, arithmetic, `?:` and a few string functions, e.g.
// `"3DC-" & OrderID`, `OrderStatusID != 7`, `$lowercase(BillingEmail)`, `$substring(Name, 0, 60)`. The jsonata package
// evaluates every step through promises, which made these cost tens of microseconds each, a
// quarter of the CPU an order takes through the order-to-sage300 template.
//
// The rule that keeps results identical: each operation is done here only for the operand types
// whose JSONata result is plain (strings, safe integers, booleans); for anything else (arrays
// with their sequence semantics, objects, fractions and their number formatting, values JSONata
// refuses with an error) evaluation stops with DEFER and the expression runs through jsonata
// itself, from the start. Evaluation has no side effects, so starting over is always safe.
// expression-fast-path.test.ts checks every supported shape against jsonata on awkward inputs.

/** Thrown inside a fast evaluation that has to hand the expression to jsonata. */
const DEFER = Symbol('defer to jsonata');

type Evaluate = (input: unknown) => unknown;

/** The subset of jsonata's AST this file reads (jsonata does not type its AST). */
interface AstNode {
  type: string;
  name?: unknown;
  value?: unknown;
  steps?: AstNode[];
  lhs?: AstNode;
  rhs?: AstNode;
  condition?: AstNode;
  then?: AstNode;
  else?: AstNode;
  arguments?: AstNode[];
  procedure?: AstNode;
}

/** A compiled fast evaluation: the value, or {@link DEFERRED} when jsonata must evaluate. */
export interface FastExpression {
  evaluate(input: unknown): unknown;
  /** Function names it calls; a caller binding one of these must use jsonata. */
  readonly functions: readonly string[];
}

/** What {@link FastExpression.evaluate} answers when the input needs jsonata's own evaluation. */
export const DEFERRED: unique symbol = Symbol('deferred');

const NODE_KEYS: Readonly<Record<string, readonly string[]>> = {
  string: ['type', 'value', 'position'],
  number: ['type', 'value', 'position'],
  value: ['type', 'value', 'position'],
  variable: ['type', 'value', 'position'],
  name: ['type', 'value', 'position'],
  path: ['type', 'steps', 'position'],
  binary: ['type', 'value', 'position', 'lhs', 'rhs'],
  condition: ['type', 'position', 'condition', 'then', 'else'],
  // `name` is there (undefined) on every call; a named one is a partial application.
  function: ['type', 'name', 'value', 'position', 'arguments', 'procedure'],
};

/**
 * The fast evaluation of `ast` (jsonata's `expression.ast()`), or undefined when the expression
 * uses anything beyond the supported shapes. `taken` are function names bound by the caller's
 * library: a call to one of those is never evaluated here.
 */
export function compileFastPath(ast: unknown, taken: ReadonlySet<string>): FastExpression | undefined {
  const functions: string[] = [];
  const compiled = compileNode(ast, taken, functions);
  if (!compiled) return undefined;
  return {
    functions,
    evaluate(input) {
      try {
        return compiled(input);
      } catch (thrown) {
        if (thrown === DEFER) return DEFERRED;
        throw thrown;
      }
    },
  };
}

function compileNode(ast: unknown, taken: ReadonlySet<string>, functions: string[]): Evaluate | undefined {
  if (!isAstNode(ast)) return undefined;
  switch (ast.type) {
    case 'string':
    case 'number':
    case 'value': {
      const value = ast.value;
      return () => value;
    }
    case 'variable':
      // `$`, the context value; every other variable is bound by someone else.
      return ast.value === '' ? (input) => (Array.isArray(input) ? defer() : input) : undefined;
    case 'path':
      return compilePath(ast);
    case 'binary':
      return compileBinary(ast, taken, functions);
    case 'condition':
      return compileCondition(ast, taken, functions);
    case 'function':
      return compileCall(ast, taken, functions);
    default:
      return undefined;
  }
}

function isAstNode(value: unknown): value is AstNode {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  const allowed = NODE_KEYS[String(value.type)];
  return allowed !== undefined && Object.keys(value).every((key) => allowed.includes(key));
}

function compilePath(ast: AstNode): Evaluate | undefined {
  const names: string[] = [];
  for (const step of ast.steps ?? []) {
    if (!isAstNode(step) || step.type !== 'name' || typeof step.value !== 'string') return undefined;
    names.push(step.value);
  }
  if (names.length === 0) return undefined;
  return (input) => {
    let value: unknown = input;
    for (const name of names) {
      if (value === undefined || value === null) return undefined;
      // Arrays along the way map over their elements in JSONata: its business.
      if (typeof value !== 'object' || Array.isArray(value)) return defer();
      value = Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
    }
    return value;
  };
}

function compileBinary(ast: AstNode, taken: ReadonlySet<string>, functions: string[]): Evaluate | undefined {
  const left = compileNode(ast.lhs, taken, functions);
  const right = compileNode(ast.rhs, taken, functions);
  if (!left || !right) return undefined;
  switch (ast.value) {
    case '&':
      return (input) => concatText(left(input)) + concatText(right(input));
    case '=':
    case '!=': {
      const equal = ast.value === '=';
      return (input) => {
        const a = left(input);
        const b = right(input);
        if (a === undefined || b === undefined) return false;
        if (!isScalar(a) || !isScalar(b)) return defer();
        return (a === b) === equal;
      };
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const operator = ast.value;
      return (input) => {
        const a = left(input);
        const b = right(input);
        // JSONata checks the types of what is there before it answers nothing for what is not.
        if (!isOrderable(a) || !isOrderable(b)) return defer();
        if (a === undefined || b === undefined) return undefined;
        if (typeof a !== typeof b) return defer();
        if (operator === '<') return a < b;
        if (operator === '<=') return a <= b;
        if (operator === '>') return a > b;
        return a >= b;
      };
    }
    case 'and':
      return (input) => truthy(left(input)) && truthy(right(input));
    case 'or':
      return (input) => truthy(left(input)) || truthy(right(input));
    case '+':
    case '-':
    case '*':
    case '/':
    case '%': {
      const operator = ast.value;
      return (input) => {
        const a = left(input);
        const b = right(input);
        // As for comparisons: what is there must be a number, even when the other side is missing.
        if ((a !== undefined && typeof a !== 'number') || (b !== undefined && typeof b !== 'number'))
          return defer();
        if (a === undefined || b === undefined) return undefined;
        const result =
          operator === '+'
            ? a + b
            : operator === '-'
              ? a - b
              : operator === '*'
                ? a * b
                : operator === '/'
                  ? a / b
                  : a % b;
        return Number.isFinite(result) ? result : defer();
      };
    }
    default:
      return undefined;
  }
}

function compileCondition(
  ast: AstNode,
  taken: ReadonlySet<string>,
  functions: string[],
): Evaluate | undefined {
  const condition = compileNode(ast.condition, taken, functions);
  const whenTrue = compileNode(ast.then, taken, functions);
  const whenFalse = ast.else === undefined ? () => undefined : compileNode(ast.else, taken, functions);
  if (!condition || !whenTrue || !whenFalse) return undefined;
  return (input) => (truthy(condition(input)) ? whenTrue(input) : whenFalse(input));
}

/** An argument the functions here take: text, or a whole number (a position or a length). */
type Parameter = 'text' | 'integer';

/**
 * The functions done here: their parameters (the first is the text worked on) and what they do
 * with arguments of those types. `number` also takes a number as it is.
 */
const FUNCTIONS: Readonly<
  Record<string, { parameters: readonly Parameter[]; optional: number; apply: (...args: never[]) => unknown }>
> = {
  lowercase: { parameters: ['text'], optional: 0, apply: (text: string) => text.toLowerCase() },
  uppercase: { parameters: ['text'], optional: 0, apply: (text: string) => text.toUpperCase() },
  trim: { parameters: ['text'], optional: 0, apply: trimText },
  substring: { parameters: ['text', 'integer', 'integer'], optional: 1, apply: substringOf },
  substringBefore: {
    parameters: ['text', 'text'],
    optional: 0,
    apply: (text: string, chars: string) => {
      const at = text.indexOf(chars);
      return at > -1 ? text.slice(0, at) : text;
    },
  },
  substringAfter: {
    parameters: ['text', 'text'],
    optional: 0,
    apply: (text: string, chars: string) => {
      const at = text.indexOf(chars);
      return at > -1 ? text.slice(at + chars.length) : text;
    },
  },
  number: { parameters: ['text'], optional: 0, apply: numberOfText },
};

function compileCall(ast: AstNode, taken: ReadonlySet<string>, functions: string[]): Evaluate | undefined {
  const procedure = ast.procedure;
  if (
    ('name' in ast && ast.name !== undefined) ||
    !isAstNode(procedure) ||
    procedure.type !== 'variable' ||
    typeof procedure.value !== 'string'
  )
    return undefined;
  const name = procedure.value;
  const known = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  const args = (ast.arguments ?? []).map((argument) => compileNode(argument, taken, functions));
  if (!known || taken.has(name) || args.some((arg) => !arg)) return undefined;
  const { parameters, optional } = known;
  if (args.length > parameters.length || args.length < parameters.length - optional) return undefined;
  functions.push(name);
  const compiled = args as Evaluate[];
  const apply = known.apply as (...values: unknown[]) => unknown;
  return (input) => {
    // JSONata checks every argument against the signature before a missing first one answers
    // nothing; the other arguments must be there.
    const values = compiled.map((arg) => arg(input));
    for (let index = 1; index < values.length; index++) {
      if (!fits(values[index], parameters[index])) return defer();
    }
    const text = values[0];
    if (text === undefined) return undefined;
    if (name === 'number' && typeof text === 'number') return text;
    if (typeof text !== 'string') return defer();
    return apply(...values);
  };
}

function fits(value: unknown, parameter: Parameter | undefined): boolean {
  return parameter === 'integer' ? Number.isSafeInteger(value) : typeof value === 'string';
}

/** `$substring`: by characters (code points), a negative start counting from the end, as jsonata. */
function substringOf(text: string, start: number, length?: number): string {
  const characters = Array.from(text);
  const from = characters.length + start < 0 ? 0 : start;
  if (length === undefined) return characters.slice(from).join('');
  if (length <= 0) return '';
  const end = from >= 0 ? from + length : characters.length + from + length;
  return characters.slice(from, end).join('');
}

/** `&` turns each side into text; only text, nothing and whole numbers print the same as JSONata. */
function concatText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return defer();
}

/** JSONata's boolean cast, for the values it is plain for. */
function truthy(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'number') return value !== 0;
  return defer();
}

function isOrderable(value: unknown): value is string | number | undefined {
  return value === undefined || typeof value === 'string' || typeof value === 'number';
}

function isScalar(value: unknown): boolean {
  return (
    value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
  );
}

/** `$trim`: runs of blanks become one space, none at either end (jsonata's own rule). */
function trimText(text: string): string {
  let result = text.replace(/[ \t\n\r]+/gm, ' ');
  if (result.startsWith(' ')) result = result.slice(1);
  if (result.endsWith(' ')) result = result.slice(0, -1);
  return result;
}

/** `$number` of text written as a JSON number; other spellings (hex, blanks) are jsonata's call. */
function numberOfText(text: string): number {
  if (!/^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(text)) return defer();
  const value = Number(text);
  return Number.isFinite(value) ? value : defer();
}

function defer(): never {
  throw DEFER;
}
