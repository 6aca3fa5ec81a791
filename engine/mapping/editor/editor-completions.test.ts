import { describe, expect, it } from 'vitest';
import { mappingSchema } from '../schemas/mapping-schemas.ts';
import { functionCompletions, pathCompletions } from './editor-completions.ts';
import { orderSamples } from './editor-fixtures.fixture.ts';
import { checkExpression } from './expression-check.ts';
import { buildSourceTree } from './source-tree.ts';

describe('editor completions', () => {
  it('lists library functions with signature, description and a worked example', () => {
    const completions = functionCompletions();
    const toM3 = completions.find((completion) => completion.libraryName === 'date.toM3');
    expect(toM3?.signature).toMatch(/^\$dateToM3\(value/);
    expect(toM3?.description.split('\n').length).toBeGreaterThan(1);
    expect(toM3?.example).toMatch(/→ "\d{8}"$/);
    expect(completions.find((completion) => completion.name === 'lookup')?.signature).toBe(
      '$lookup(table, key)',
    );
    expect(completions.find((completion) => completion.name === 'substring')?.category).toBe('jsonata');
    expect(new Set(completions.map((completion) => completion.name)).size).toBe(completions.length);
  });

  it('offers source paths relative to the line inside a "for each" and from the root elsewhere', () => {
    const tree = buildSourceTree(mappingSchema('threedcart.Order'), orderSamples);
    const top = pathCompletions(tree);
    expect(top).toContainEqual(expect.objectContaining({ path: 'OrderItemList.ItemID', type: 'string' }));
    const inLine = pathCompletions(tree, 'OrderItemList');
    expect(inLine).toContainEqual(
      expect.objectContaining({ path: 'ItemID', detail: '"OF-1003", "OF-1004", "ZZ-9999"' }),
    );
    expect(inLine).toContainEqual(expect.objectContaining({ path: '$root.BillingEmail' }));
  });
});

describe('checkExpression', () => {
  it('accepts valid expressions using library functions and local variables', () => {
    expect(checkExpression('$dateToM3(OrderDate) & $lookup("t", ItemID)')).toEqual([]);
    expect(checkExpression('($f := function($x){ $x }; $f(ItemID))')).toEqual([]);
  });

  it('marks a syntax error where JSONata stops, and unknown functions as warnings', () => {
    const [syntax] = checkExpression('BillingEmail & (');
    expect(syntax).toMatchObject({ severity: 'error', message: expect.stringContaining('Expected ")"') });
    expect(checkExpression('$upper(BillingEmail)')).toEqual([
      { severity: 'warning', message: 'Unknown function $upper', start: 0, end: 6 },
    ]);
  });
});
