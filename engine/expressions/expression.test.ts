import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { compileExpression } from './expression.ts';
import { compileTemplate } from './template.ts';

const order = {
  OrderID: 20931,
  billing: { email: 'ann@example.com', address: { city: 'Austin' } },
  lines: [
    { sku: 'A', qty: 2 },
    { sku: 'B', qty: 1 },
  ],
  tags: ['vip'],
  empty: null,
  true: 'a field named true',
};

describe('compileExpression', () => {
  // The fast path must agree with JSONata itself on every plain path.
  it.each([
    'OrderID',
    'billing.email',
    'billing.address.city',
    'billing.missing.city',
    'missing',
    'empty',
    'empty.x',
    'tags',
    'lines.sku',
    'lines.qty',
    'true',
  ])('evaluates %s exactly as JSONata does', async (source) => {
    const expected = await jsonata(source).evaluate(order);
    const actual = await compileExpression(source).evaluate(order);
    expect(JSON.stringify(actual)).toEqual(JSON.stringify(expected));
  });

  it('answers plain paths on objects synchronously', () => {
    expect(compileExpression('billing.email').evaluate(order)).toBe('ann@example.com');
  });

  it('evaluates full JSONata', async () => {
    expect(await compileExpression('$sum(lines.qty)').evaluate(order)).toBe(3);
    expect(await compileExpression('$uppercase(billing.address.city)').evaluate(order)).toBe('AUSTIN');
  });

  it('binds the mapping function library in every expression', async () => {
    expect(await compileExpression('$dateToM3(date)').evaluate({ date: '2026-11-20T14:05:11' })).toBe(
      '20261120',
    );
    expect(
      await compileExpression('$customerDedupeKey(email)').evaluate({ email: ' Ann@Example.com ' }),
    ).toBe('email:ann@example.com');
  });

  it('reports a syntax error with its position', () => {
    expect(() => compileExpression('billing.email &')).toThrow(
      expect.objectContaining({
        code: 'EXPRESSION_SYNTAX',
        message: expect.stringMatching(/at character \d+/),
      }),
    );
  });

  it('reports a runtime failure as EXPRESSION_FAILED', async () => {
    await expect(compileExpression('$nope()').evaluate(order)).rejects.toMatchObject({
      code: 'EXPRESSION_FAILED',
      message: expect.stringContaining('$nope()'),
    });
  });
});

describe('compileTemplate', () => {
  it('keeps text without placeholders as it is', () => {
    const template = compileTemplate('https://store.example.com/orders');
    expect(template.constant).toBe(true);
    expect(template.render(order)).toBe('https://store.example.com/orders');
  });

  it('fills placeholders, synchronously for plain paths', () => {
    expect(compileTemplate('/orders/{{ OrderID }}?email={{billing.email}}').render(order)).toBe(
      '/orders/20931?email=ann@example.com',
    );
  });

  it('fills placeholders that need JSONata, and prints missing values as nothing', async () => {
    expect(await compileTemplate('{{ $count(lines) }} lines{{ missing }}').render(order)).toBe('2 lines');
    expect(compileTemplate('{{ billing.address }}').render(order)).toBe('{"city":"Austin"}');
  });

  it('rejects a placeholder that does not parse', () => {
    expect(() => compileTemplate('/orders/{{ OrderID + }}')).toThrow(
      expect.objectContaining({ code: 'EXPRESSION_SYNTAX' }),
    );
  });
});
