import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { CodeRunError, CodeSandbox, type RunCodeOptions } from './code-sandbox.ts';

// Sandbox escapes, limits and the worker's lifecycle. What the code returns and logs is covered
// in code-sandbox.results.test.ts.

const sandbox = new CodeSandbox();
afterAll(() => sandbox.close());

const MB = 1_048_576;

function run(code: string, options: Partial<RunCodeOptions> = {}) {
  return sandbox.runCode({ code, mode: 'allItems', items: [], ...options });
}

/** The error a run fails with; fails the test when the run succeeds. */
async function failureOf(promise: Promise<unknown>): Promise<BridgeflowError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BridgeflowError) return error;
    throw error;
  }
  throw new Error('expected the run to fail');
}

/** Runs `code` and returns the single value it returned. */
async function returnedValue(code: string, options: Partial<RunCodeOptions> = {}): Promise<JsonValue> {
  const result = await run(code, options);
  expect(result.outputs).toHaveLength(1);
  return result.outputs[0]!.json;
}

describe('sandbox escapes', () => {
  it('has no require, process, fetch, timers or other host globals', async () => {
    const types = await returnedValue(`
      const names = ['require', 'process', 'fetch', 'setTimeout', 'setInterval', 'Buffer', 'module', 'global'];
      const types = {};
      for (const name of names) types[name] = typeof globalThis[name];
      return types;`);
    expect(types).toEqual({
      require: 'undefined',
      process: 'undefined',
      fetch: 'undefined',
      setTimeout: 'undefined',
      setInterval: 'undefined',
      Buffer: 'undefined',
      module: 'undefined',
      global: 'undefined',
    });
  });

  it('fails with a ReferenceError when the code calls require or fetch', async () => {
    const requireError = await failureOf(
      run(`const fs = require('fs');\nreturn fs.readFileSync('/etc/passwd')`),
    );
    expect(requireError.code).toBe('CODE_FAILED');
    expect(requireError.message).toBe("Code failed at line 1: ReferenceError: 'require' is not defined");
    const fetchError = await failureOf(run(`return await fetch('http://127.0.0.1/')`));
    expect(fetchError.message).toContain("'fetch' is not defined");
  });

  it('finds no process through the Function constructor', async () => {
    const error = await failureOf(run(`return globalThis.constructor.constructor('return process')()`));
    expect(error.code).toBe('CODE_FAILED');
    expect(error.message).toContain("ReferenceError: 'process' is not defined");
    expect(await returnedValue(`return typeof Function('return this')().process`)).toBe('undefined');
  });

  it('cannot import modules', async () => {
    const message = await returnedValue(`
      try {
        await import('fs');
        return 'imported';
      } catch (error) {
        return String(error);
      }`);
    expect(message).toBe("ReferenceError: could not load module 'fs'");
  });

  it('cannot change the host items, the host prototypes or the next run', async () => {
    const items: JsonValue[] = [{ customer: { email: 'ann@example.com' }, lines: [1, 2] }];
    const snapshot = structuredClone(items);
    const result = await run(
      `item.customer.email = 'changed'; item.lines.push(3); delete item.customer;
       Object.prototype.polluted = true; Array.prototype.push = null; globalThis.leftOver = 1;
       return item;`,
      { mode: 'perItem', items },
    );
    expect(items).toEqual(snapshot);
    expect(result.outputs[0]!.json).toEqual({ lines: [1, 2, 3] });
    expect(result.outputs[0]!.json).not.toBe(items[0]);
    expect(Reflect.get({}, 'polluted')).toBeUndefined();
    expect(
      await returnedValue('return { leftOver: typeof leftOver, polluted: typeof Object.prototype.polluted }'),
    ).toEqual({
      leftOver: 'undefined',
      polluted: 'undefined',
    });
  });
});

describe('limits', () => {
  it('stops an endless loop after the time limit and keeps working afterwards', async () => {
    const started = Date.now();
    const error = await failureOf(run('while (true) {}', { timeoutMs: 1000 }));
    expect(error.code).toBe('CODE_TIMEOUT');
    expect(error.message).toBe('Code ran longer than 1000 ms');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await returnedValue('return 42')).toBe(42);
  });

  it('names the item it was working on when time ran out', async () => {
    const error = await failureOf(
      run('if (index === 2) { for (;;) {} }\nreturn item', {
        mode: 'perItem',
        items: [1, 2, 3],
        timeoutMs: 300,
      }),
    );
    expect(error.code).toBe('CODE_TIMEOUT');
    expect(error.message).toBe('Code ran longer than 300 ms (stopped on item 2)');
    expect(error.details.itemIndex).toBe(2);
  });

  it('terminates the worker when QuickJS is stuck inside one built-in call, then starts a new one', async () => {
    // 'x'.repeat runs in C without reaching the interrupt handler; 4e8 characters take seconds.
    const started = Date.now();
    const error = await failureOf(
      run(`return 'x'.repeat(4e8).length`, { timeoutMs: 300, memoryLimitBytes: 1024 * MB }),
    );
    expect(error.code).toBe('CODE_TIMEOUT');
    expect(error.message).toBe('Code ran longer than 300 ms');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await returnedValue('return "fresh worker"')).toBe('fresh worker');
  });

  it('fails a memory bomb of large strings with CODE_MEMORY_LIMIT and stays usable', async () => {
    const hostMemoryBefore = process.memoryUsage().rss;
    const error = await failureOf(
      run(`const a = []; while (true) a.push('x'.repeat(1e6))`, {
        memoryLimitBytes: 16 * MB,
        timeoutMs: 5000,
      }),
    );
    expect(error.code).toBe('CODE_MEMORY_LIMIT');
    expect(error.message).toBe('Code used more than 16 MB of memory');
    // Without the wasm memory cap this loop grows to 2 GB before QuickJS notices.
    expect(process.memoryUsage().rss - hostMemoryBefore).toBeLessThan(512 * MB);
    expect(await returnedValue('return "still fine"')).toBe('still fine');
  });

  it('fails a memory bomb of small objects with CODE_MEMORY_LIMIT on the item that ran it', async () => {
    const error = await failureOf(
      run('const all = []; while (true) all.push({ index, lines: [1, 2, 3] })', {
        mode: 'perItem',
        items: [{}],
        memoryLimitBytes: 8 * MB,
      }),
    );
    expect(error.code).toBe('CODE_MEMORY_LIMIT');
    expect(error.message).toBe('Code used more than 8 MB of memory (on item 0)');
  });

  it('says so when the input items alone exceed the memory limit', async () => {
    const error = await failureOf(run('return 1', { items: ['x'.repeat(2 * MB)], memoryLimitBytes: MB }));
    expect(error.code).toBe('CODE_MEMORY_LIMIT');
    expect(error.message).toBe("The input items do not fit in the code's memory limit of 1 MB");
  });

  it('reports runaway recursion as a failure with its line', async () => {
    const error = await failureOf(
      run('const depth = 0;\nfunction dive() { return dive() + 1 }\nreturn dive()'),
    );
    expect(error.code).toBe('CODE_FAILED');
    expect(error.message).toBe('Code failed at line 2: InternalError: stack overflow');
  });

  it('rejects options outside the limits', async () => {
    const error = await failureOf(run('return 1', { memoryLimitBytes: 1024 }));
    expect(error.code).toBe('INPUT_INVALID');
  });
});

describe('worker lifecycle', () => {
  it('cancels a running call with RUN_CANCELLED and runs the next call', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const running = run('while (true) {}', { timeoutMs: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const error = await failureOf(running);
    expect(error.code).toBe('RUN_CANCELLED');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await returnedValue('return "after cancel"')).toBe('after cancel');
  });

  it('rejects a call whose signal is already aborted without running it', async () => {
    const error = await failureOf(run('return 1', { signal: AbortSignal.abort() }));
    expect(error.code).toBe('RUN_CANCELLED');
  });

  it('queues calls made at the same time and answers each', async () => {
    const results = await Promise.all([1, 2, 3, 4].map((number) => returnedValue(`return ${number} * 10`)));
    expect(results).toEqual([10, 20, 30, 40]);
  });

  it('fails waiting calls on close and starts again on the next call', async () => {
    const own = new CodeSandbox();
    const running = failureOf(
      own.runCode({ code: 'while (true) {}', mode: 'allItems', items: [], timeoutMs: 10_000 }),
    );
    const waiting = failureOf(own.runCode({ code: 'return 1', mode: 'allItems', items: [] }));
    await own.close();
    expect((await running).code).toBe('RUN_CANCELLED');
    expect((await waiting).code).toBe('RUN_CANCELLED');
    const again = await own.runCode({ code: 'return 2', mode: 'allItems', items: [] });
    expect(again.outputs).toEqual([{ json: 2 }]);
    await own.close();
  });

  it('does not keep the process alive when nobody closes it', () => {
    const moduleUrl = new URL('./code-sandbox.ts', import.meta.url).href;
    const script = `
      import { CodeSandbox } from ${JSON.stringify(moduleUrl)};
      const result = await new CodeSandbox().runCode({ code: 'return item * 2', mode: 'perItem', items: [21] });
      console.log(JSON.stringify(result.outputs));`;
    const child = spawnSync(process.execPath, ['--input-type=module', '--eval', script], {
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('[{"json":42,"inputIndex":0}]');
    expect(child.status).toBe(0);
  });

  it('fails with CodeRunError carrying the console output written before the failure', async () => {
    const error = await failureOf(run("console.log('about to fail');\nthrow new Error('no email')"));
    expect(error).toBeInstanceOf(CodeRunError);
    expect(error instanceof CodeRunError && error.logs).toEqual(['about to fail']);
  });
});
