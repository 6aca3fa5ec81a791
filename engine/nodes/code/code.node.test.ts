import { describe, expect, it } from 'vitest';
import { runFlow } from '../../run/executor.ts';
import { buildFlow } from '../../run/testing/flow-builder.ts';
import { createTestServices } from '../../run/testing/test-services.ts';
import { createCoreRegistry } from '../core-node-types.ts';

const registry = createCoreRegistry();
const trigger = { id: 'start', type: 'core.manualTrigger' };
const codeNode = (parameters: Record<string, string | number>, settings = {}) => ({
  id: 'code',
  name: 'Custom code',
  type: 'core.code',
  parameters,
  settings,
});
const orders = [
  { OrderID: 1, OrderItemList: [{ ItemQuantity: 2 }, { ItemQuantity: 3 }] },
  { OrderID: 2, OrderItemList: [] },
];

describe('core.code', () => {
  // start ─▶ code ─▶ (out)
  it('runs per item, with lineage from each input', async () => {
    const flow = buildFlow(
      [
        trigger,
        codeNode({
          code: 'return { id: item.OrderID, units: item.OrderItemList.reduce((sum, line) => sum + line.ItemQuantity, 0), index };',
        }),
      ],
      ['start -> code'],
    );
    const trace = await runFlow({ flow, registry, services: createTestServices(), input: [orders] });
    expect(trace.outputs[0]?.items).toEqual([
      { id: 1, units: 5, index: 0 },
      { id: 2, units: 0, index: 1 },
    ]);
    expect(trace.nodes[1]?.outputs?.map((output) => output.from)).toEqual([[0], [1]]);
  });

  it('runs once over all items', async () => {
    const flow = buildFlow(
      [trigger, codeNode({ mode: 'allItems', code: 'return [{ count: items.length }];' })],
      ['start -> code'],
    );
    const trace = await runFlow({ flow, registry, services: createTestServices(), input: [orders] });
    expect(trace.outputs[0]?.items).toEqual([{ count: 2 }]);
    expect(trace.nodes[1]?.outputs?.[0]?.from).toEqual([0, 1]);
  });

  // start ─▶ code ─error─▶ (out)
  it('sends an item whose code throws to the error port, and keeps the others', async () => {
    const flow = buildFlow(
      [
        trigger,
        codeNode({ code: "if (item.OrderID === 2) throw new Error('no lines'); return item;" }),
        { id: 'sink', type: 'core.setFields' },
      ],
      ['start -> code', 'code:error -> sink'],
    );
    const trace = await runFlow({ flow, registry, services: createTestServices(), input: [orders] });
    expect(trace.status).toBe('succeeded');
    const main = trace.outputs.find((output) => output.nodeId === 'code');
    expect(main?.items).toEqual([orders[0]]);
    const errors = trace.outputs.find((output) => output.nodeId === 'sink');
    expect(errors?.items[0]).toMatchObject({
      input: orders[1],
      error: { code: 'CODE_FAILED', itemIndex: 1, message: expect.stringContaining('no lines') },
    });
  });

  it('stops a run whose code never ends, naming the limit', async () => {
    const flow = buildFlow(
      [trigger, codeNode({ code: 'while (true) {}', timeoutMs: 200 })],
      ['start -> code'],
    );
    const started = Date.now();
    const trace = await runFlow({ flow, registry, services: createTestServices(), input: [orders] });
    expect(trace.status).toBe('failed');
    expect(trace.error).toMatchObject({ code: 'CODE_TIMEOUT', nodeId: 'code' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops code that allocates without bound', async () => {
    const flow = buildFlow(
      [trigger, codeNode({ code: "const a = []; while (true) a.push('x'.repeat(1e6));", memoryLimitMb: 16 })],
      ['start -> code'],
    );
    const trace = await runFlow({ flow, registry, services: createTestServices(), input: [orders] });
    expect(trace.status).toBe('failed');
    expect(trace.error).toMatchObject({
      code: 'CODE_MEMORY_LIMIT',
      message: expect.stringContaining('16 MB'),
    });
  });

  it('gives the code no way out of the sandbox', async () => {
    const flow = buildFlow(
      [
        trigger,
        codeNode({
          code: "return { require: typeof require, process: typeof process, fetch: typeof fetch, escape: (() => { try { return typeof globalThis.constructor.constructor('return process')(); } catch (e) { return 'blocked'; } })() };",
        }),
      ],
      ['start -> code'],
    );
    const trace = await runFlow({ flow, registry, services: createTestServices(), input: [{}] });
    expect(trace.outputs[0]?.items[0]).toEqual({
      require: 'undefined',
      process: 'undefined',
      fetch: 'undefined',
      // The Function constructor inside QuickJS has no `process` to return: ReferenceError.
      escape: 'blocked',
    });
  });

  it('sends console output to the run log', async () => {
    const flow = buildFlow(
      [trigger, codeNode({ code: "console.log('seen', item.OrderID); return item;" })],
      ['start -> code'],
    );
    const services = createTestServices();
    await runFlow({ flow, registry, services, input: [orders[0] ?? {}] });
    expect(services.logger.entries).toContainEqual(
      expect.objectContaining({ level: 'info', message: 'seen 1' }),
    );
  });
});
