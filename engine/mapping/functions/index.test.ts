import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { jsonataBindings, MAPPING_FUNCTIONS, mappingFunction } from './index.ts';

describe('the mapping-function library', () => {
  it.each(MAPPING_FUNCTIONS.map((definition) => [definition.name, definition] as const))(
    '%s returns the result its example shows',
    (_name, definition) => {
      expect(definition.implementation(...definition.example.args)).toEqual(definition.example.result);
    },
  );

  it.each(MAPPING_FUNCTIONS.map((definition) => [definition.name, definition] as const))(
    '%s is named after its category, with a matching JSONata name',
    (name, definition) => {
      const [category, rest] = name.split('.');
      expect(category).toBe(definition.category);
      expect(definition.jsonataName).toBe(`${category}${rest!.charAt(0).toUpperCase()}${rest!.slice(1)}`);
      const required = definition.parameters.findIndex((parameter) => parameter.optional);
      // Optional parameters come last, so a declarative mapping can leave them out.
      if (required >= 0)
        expect(definition.parameters.slice(required).every((parameter) => parameter.optional)).toBe(true);
    },
  );

  it('has unique names and JSONata names', () => {
    const names = MAPPING_FUNCTIONS.map((definition) => definition.name);
    const jsonataNames = MAPPING_FUNCTIONS.map((definition) => definition.jsonataName);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(jsonataNames).size).toBe(jsonataNames.length);
  });

  it.each([
    ['date.toM3', true],
    ['money.allocate', true],
    ['date.toM4', false],
    ['', false],
  ])('looks up %j by name (found: %s)', (name, found) => {
    expect(mappingFunction(name)?.name).toBe(found ? name : undefined);
  });
});

describe('jsonataBindings', () => {
  const order = {
    d: '2024-05-14T09:30:00',
    country: 'Deutschland',
    discount: 10,
    lines: [{ amount: 19.95 }, { amount: 19.95 }, { amount: 5 }],
    single: [{ amount: 30 }],
    status: '77',
  };

  it.each([
    ['$dateToM3(d)', '20240514'],
    ['$dateToM3(d, "America/New_York")', '20240514'],
    ['$dateStoreLocalToInstant(d, "America/New_York")', '2024-05-14T13:30:00Z'],
    ['$addressCountryAlpha2(country)', 'DE'],
    ['$moneyAllocate(discount, lines.amount)', [4.44, 4.44, 1.12]],
    // A one-element path result reaches the function as the element itself.
    ['$moneyAllocate(discount, single.amount)', [10]],
    ['$statusM3ToThreedcart(status)', 4],
    // A missing field arrives as undefined and is treated like null.
    ['$dateToM3(missing)', null],
    ['$addressSplitLines("12 Main St", 4, 36)[0]', '12 Main St'],
  ])('evaluates %s', async (expression, expected) => {
    expect(await jsonata(expression).evaluate(order, jsonataBindings())).toEqual(expected);
  });

  it('reports a wrong setting as MAPPING_FUNCTION_FAILED', async () => {
    await expect(
      jsonata('$dateToM3(d, "Mars/Base")').evaluate(order, jsonataBindings()),
    ).rejects.toMatchObject({
      code: 'MAPPING_FUNCTION_FAILED',
    });
  });
});
