import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { compileExpression } from './expression.ts';
import { compileFastPath, DEFERRED } from './expression-fast-path.ts';

// Every shape the fast path takes, against jsonata itself on inputs chosen to hit the corners:
// missing fields, null, booleans, fractions, big numbers, arrays, objects, blank-laden text.
const EXPRESSIONS = [
  'a',
  'a.b',
  'a.b.c',
  '$',
  '"3DC-" & a',
  'a & b',
  'a & "-" & a.b',
  'a = b',
  'a != b',
  'a = "x"',
  'a != 7',
  'a < b',
  'a <= b',
  'a > 1',
  'a >= "m"',
  'a and b',
  'a or b',
  'a + b',
  'a - 1',
  'a * b',
  'a / b',
  'a % b',
  'a ? "yes" : "no"',
  'a ? b',
  'a = "CA" ? "CANADA" : a != "US" ? "INTL" : "USA"',
  '$lowercase(a)',
  '$uppercase(a)',
  '$trim(a)',
  '$substringAfter(a, "3DC-")',
  '$substringBefore(a, b)',
  '$number(a)',
  '$number($substringAfter(a, "3DC-"))',
  '$substring(a, 0, 3)',
  '$substring(a, 2)',
  '$substring(a, -3, 2)',
  '$substring(a, -40)',
  '$substring(a, 1, b)',
  '$substring("3dcart " & a, 0, 8)',
  '$lowercase(a.b) = $lowercase(b)',
  'true',
  'null',
  '-3.5',
];

const VALUES: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  7,
  -12,
  1.5,
  0.1 + 0.2,
  1e21,
  2 ** 60, // a whole number too big to print as JSONata does
  '',
  'x',
  'm',
  'CA',
  'US',
  '3DC-1042',
  '  Mixed \t Case\n ',
  'a😀b😀c', // characters beyond the BMP: $substring counts them as one
  '0x10',
  ' 12 ',
  '1e3',
  [],
  [1, 2],
  ['a'],
  { b: 'Inner' },
  { b: { c: 5 } },
  { b: [1, 2] },
];

function inputsFor(): unknown[] {
  const inputs: unknown[] = [undefined, null, 'text', [1, 2], [{ a: 1 }]];
  for (const a of VALUES) {
    inputs.push({ a });
    for (const b of [undefined, null, 'x', 2, 0, 'M', true, { c: 1 }]) inputs.push({ a, b });
  }
  return inputs;
}

async function jsonataResult(source: string, input: unknown): Promise<{ value?: unknown; error?: string }> {
  try {
    return { value: await jsonata(source).evaluate(input) };
  } catch (thrown) {
    return { error: String((thrown as { code?: string }).code ?? thrown) };
  }
}

describe('compileFastPath', () => {
  it('takes every expression of the list', () => {
    const untaken = EXPRESSIONS.filter((source) => !compileFastPath(jsonata(source).ast(), new Set()));
    expect(untaken).toEqual([]);
  });

  it('answers what jsonata answers, or defers to it (also where jsonata refuses the input)', async () => {
    const inputs = inputsFor();
    let compared = 0;
    let deferred = 0;
    for (const source of EXPRESSIONS) {
      const fast = compileFastPath(jsonata(source).ast(), new Set());
      for (const input of inputs) {
        const value = fast?.evaluate(input);
        if (value === DEFERRED) {
          deferred += 1;
          continue;
        }
        const expected = await jsonataResult(source, input);
        expect({ source, input, ...expected }).toEqual({ source, input, value });
        compared += 1;
      }
    }
    // The inputs are mostly awkward on purpose, so about half defer; both sides are well exercised.
    expect(compared).toBeGreaterThan(3_000);
    expect(deferred).toBeGreaterThan(1_000);
  });

  it('leaves to jsonata what it does not know: predicates, other functions, variables, library names', () => {
    for (const source of [
      'a[0]',
      'a.b[c > 1]',
      '$string(a)',
      '$substring(a, 0, 2, 3)',
      '$x',
      '$$.a',
      'a.$lowercase($)',
      '-a',
      '{"k": a}',
      '[a]',
      'a in [1]',
      '**.a',
    ])
      expect(compileFastPath(jsonata(source).ast(), new Set()), source).toBeUndefined();
    expect(compileFastPath(jsonata('$trim(a)').ast(), new Set(['trim']))).toBeUndefined();
  });
});

describe('compileExpression with the fast path', () => {
  it('answers synchronously, defers per input, and lets a caller binding shadow a function', async () => {
    const expression = compileExpression('$lowercase(a) & "!"');
    expect(expression.evaluate({ a: 'HI' })).toBe('hi!');
    // An array input maps in JSONata: the answer comes from jsonata (a promise).
    await expect(expression.evaluate({ a: ['X', 'Y'] })).rejects.toThrow(/Expression .* failed/);
    const shadowed = expression.evaluate({ a: 'HI' }, { lowercase: (text: string) => `<${text}>` });
    await expect(shadowed).resolves.toBe('<HI>!');
  });
});
