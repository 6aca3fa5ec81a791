import { afterAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { CodeSandbox, type RunCodeOptions } from './code-sandbox.ts';

// What user code sees, returns and logs, and how its mistakes are reported.

const sandbox = new CodeSandbox();
afterAll(() => sandbox.close());

function perItem(code: string, items: JsonValue[], options: Partial<RunCodeOptions> = {}) {
  return sandbox.runCode({ code, mode: 'perItem', items, ...options });
}

function allItems(code: string, items: JsonValue[], options: Partial<RunCodeOptions> = {}) {
  return sandbox.runCode({ code, mode: 'allItems', items, ...options });
}

async function failureOf(promise: Promise<unknown>): Promise<BridgeflowError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BridgeflowError) return error;
    throw error;
  }
  throw new Error('expected the run to fail');
}

const orders: JsonValue[] = [
  { id: 'A-1', total: 10 },
  { id: 'A-2', total: 25 },
];

describe('perItem mode', () => {
  it('gives the code each item as item and $json with its index, and keeps lineage', async () => {
    const result = await perItem(
      'return { id: item.id, same: item === $json, index, gross: $json.total * 1.2 }',
      orders,
    );
    expect(result.outputs).toEqual([
      { json: { id: 'A-1', same: true, index: 0, gross: 12 }, inputIndex: 0 },
      { json: { id: 'A-2', same: true, index: 1, gross: 30 }, inputIndex: 1 },
    ]);
    expect(result.failures).toEqual([]);
  });

  it('drops an item on undefined, splits an array into items, and keeps a wrapped array whole', async () => {
    const result = await perItem(
      `if (index === 0) return;
       if (index === 1) return [{ part: 1 }, { part: 2 }];
       return [[1, 2]];`,
      [{}, {}, {}],
    );
    expect(result.outputs).toEqual([
      { json: { part: 1 }, inputIndex: 1 },
      { json: { part: 2 }, inputIndex: 1 },
      { json: [1, 2], inputIndex: 2 },
    ]);
  });

  it('passes null, strings and numbers through as items', async () => {
    const result = await perItem('return item', [null, 'text', 3]);
    expect(result.outputs.map((output) => output.json)).toEqual([null, 'text', 3]);
  });

  it('runs 1,000 items in one call quickly', async () => {
    const items = Array.from({ length: 1000 }, (_, index) => ({ sku: `SKU-${index}`, quantity: index }));
    const started = Date.now();
    const result = await perItem('return { sku: item.sku.toLowerCase(), double: item.quantity * 2 }', items);
    expect(result.outputs).toHaveLength(1000);
    expect(result.outputs[999]).toEqual({ json: { sku: 'sku-999', double: 1998 }, inputIndex: 999 });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('supports await', async () => {
    const result = await perItem(
      'const total = await Promise.resolve(item.total);\nreturn { total }',
      orders,
    );
    expect(result.outputs.map((output) => output.json)).toEqual([{ total: 10 }, { total: 25 }]);
  });
});

describe('allItems mode', () => {
  it('gives the code all items and turns the returned array into items', async () => {
    const result = await allItems(
      'const sum = items.reduce((total, order) => total + order.total, 0);\nreturn [{ count: items.length, sum }]',
      orders,
    );
    expect(result.outputs).toEqual([{ json: { count: 2, sum: 35 } }]);
  });

  it('treats a single returned object as one item and undefined as none', async () => {
    expect((await allItems('return { only: true }', orders)).outputs).toEqual([{ json: { only: true } }]);
    expect((await allItems('items.length;', orders)).outputs).toEqual([]);
  });

  it('does not offer item in allItems mode', async () => {
    const error = await failureOf(allItems('return item', orders));
    expect(error.message).toBe("Code failed at line 1: ReferenceError: 'item' is not defined");
  });
});

describe('console', () => {
  it('returns console lines with values printed as JSON', async () => {
    const result = await perItem(
      "console.log('order', item.id, { total: item.total });\nconsole.warn('careful')",
      orders,
    );
    expect(result.logs).toEqual(['order A-1 {"total":10}', 'careful', 'order A-2 {"total":25}', 'careful']);
    expect(result.droppedLogLines).toBe(0);
  });

  it('keeps at most maxLogLines lines and counts the rest', async () => {
    const result = await allItems('for (let line = 0; line < 5000; line++) console.log(line)', [], {
      maxLogLines: 1000,
    });
    expect(result.logs).toHaveLength(1000);
    expect(result.logs[999]).toBe('999');
    expect(result.droppedLogLines).toBe(4000);
  });
});

describe('errors in the code', () => {
  it('reports a syntax error with its line', async () => {
    const error = await failureOf(
      perItem('const total = item.total;\n\nconst tax = total * ;\nreturn { tax }', orders),
    );
    expect(error.code).toBe('CODE_FAILED');
    expect(error.message).toBe("Syntax error in code at line 3: unexpected token in expression: ';'");
  });

  it("reports a thrown error with the user's message, its line and the failing item", async () => {
    const error = await failureOf(
      perItem(
        "if (item.total > 20) {\n  throw new Error('Total too high for ' + item.id)\n}\nreturn item",
        orders,
      ),
    );
    expect(error.code).toBe('CODE_FAILED');
    expect(error.message).toBe('Code failed on item 1 at line 2: Total too high for A-2');
    expect(error.details.itemIndex).toBe(1);
    expect(error.message).not.toMatch(/\.ts|file:|node_modules/);
  });

  it('names the error class for runtime errors and reports thrown non-errors', async () => {
    const typeError = await failureOf(allItems('const order = null;\nreturn order.id', []));
    expect(typeError.message).toBe("Code failed at line 2: TypeError: cannot read property 'id' of null");
    const thrownString = await failureOf(allItems("throw 'no customer'", []));
    expect(thrownString.message).toBe('Code failed: no customer');
    const thrownObject = await failureOf(allItems('throw { reason: 42 }', []));
    expect(thrownObject.message).toBe('Code failed: {"reason":42}');
  });

  it('fails when the code returns a function or a cyclic value', async () => {
    const returnsFunction = await failureOf(perItem('return () => item', orders));
    expect(returnsFunction.code).toBe('CODE_FAILED');
    expect(returnsFunction.message).toContain('Code on item 0 returned a function, which is not JSON');
    const cyclic = await failureOf(allItems('const order = {};\norder.self = order;\nreturn order', []));
    expect(cyclic.message).toBe('Code returned a value that is not JSON: circular reference');
  });

  it('fails when the code awaits a promise that never settles', async () => {
    const error = await failureOf(allItems('await new Promise(() => {});\nreturn 1', []));
    expect(error.message).toBe('Code returned a promise that never settles');
  });

  it('collects failing items and goes on when asked to', async () => {
    const result = await perItem(
      "if (index === 1) throw new Error('bad line')\nreturn { index }",
      [{}, {}, {}],
      {
        itemErrors: 'collect',
      },
    );
    expect(result.outputs.map((output) => output.inputIndex)).toEqual([0, 2]);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]!.itemIndex).toBe(1);
    expect(result.failures[0]!.error.toData()).toEqual({
      code: 'CODE_FAILED',
      message: 'Code failed on item 1 at line 1: bad line',
      retryable: false,
      itemIndex: 1,
    });
  });
});
