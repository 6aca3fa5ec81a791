import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { JsonValue } from '../contract/flow-document.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import { manualTriggerNode } from '../nodes/manual-trigger/manual-trigger.node.ts';
import { defineNodeType, emit } from '../nodes/node-type.ts';
import { NodeRegistry } from '../nodes/registry.ts';
import { setFieldsNode } from '../nodes/set-fields/set-fields.node.ts';
import { runFlow } from './executor.ts';
import { buildFlow } from './testing/flow-builder.ts';
import { createFakeClock, createTestServices } from './testing/test-services.ts';

/** Fails items whose `fail` field is set; `retryable` failures succeed after `failTimes` attempts. */
const attemptsByItem = new Map<string, number>();
const flakyNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'test.flaky',
    version: 1,
    label: 'Flaky',
    category: 'utility',
    icon: 'bug',
    summary: 'Fails on purpose',
    docs: '',
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [{ name: 'main', label: 'Items' }],
  },
  parameters: z.object({
    failTimes: z.number().default(Number.POSITIVE_INFINITY),
    retryable: z.boolean().default(false),
  }),
  executeItem(json, context) {
    if (typeof json !== 'object' || json === null || Array.isArray(json) || !json.fail) return emit(json);
    const key = `${context.node.id}:${String(json.id)}`;
    const attempts = (attemptsByItem.get(key) ?? 0) + 1;
    attemptsByItem.set(key, attempts);
    if (attempts > context.parameters.failTimes) return emit({ ...json, attempts });
    throw new BridgeflowError('CONNECTOR_UNAVAILABLE', `Item ${String(json.id)} failed`, {
      retryable: context.parameters.retryable,
    });
  },
});

/** Waits the item's `waitMs` on the real clock, honouring the signal; reports the dry-run flag. */
const slowNode = defineNodeType({
  kind: 'item',
  description: { ...flakyNode.description, type: 'test.slow', label: 'Slow' },
  parameters: z.object({}),
  executeItem(json, context) {
    const waitMs =
      typeof json === 'object' && json !== null && !Array.isArray(json) ? Number(json.waitMs ?? 0) : 0;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve(emit({ waited: waitMs, dryRun: context.dryRun })), waitMs);
      context.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new BridgeflowError('RUN_CANCELLED', 'aborted'));
      });
    });
  },
});

/** Reads its credential and fails with a message that echoes the password, as remote systems do. */
const leakyNode = defineNodeType({
  kind: 'item',
  description: { ...flakyNode.description, type: 'test.leaky', label: 'Leaky' },
  parameters: z.object({}),
  async executeItem(_json, context) {
    const { password } = await context.credentials('api');
    throw new BridgeflowError('CONNECTOR_AUTH', `Login with password ${password} refused`, {
      remote: { message: `bad password '${password}'` },
    });
  },
});

const registry = new NodeRegistry([manualTriggerNode, setFieldsNode, flakyNode, slowNode, leakyNode]);
const trigger = { id: 'start', type: 'core.manualTrigger' };
const set = (id: string, path: string, value: JsonValue) => ({
  id,
  type: 'core.setFields',
  parameters: { fields: [{ path, mode: 'value', value }] },
});

function outputOf(trace: Awaited<ReturnType<typeof runFlow>>, nodeId: string, port = 'main'): JsonValue[] {
  return trace.outputs.find((output) => output.nodeId === nodeId && output.port === port)?.items ?? [];
}

describe('runFlow', () => {
  // start ─▶ a ─▶ b ─▶ (out)
  it('runs a linear flow item by item and records lineage', async () => {
    const flow = buildFlow([trigger, set('a', 'x', 1), set('b', 'y', 2)], ['start -> a', 'a -> b']);
    const trace = await runFlow({
      flow,
      registry,
      services: createTestServices(),
      input: [[{ id: 1 }, { id: 2 }]],
    });
    expect(trace.status).toBe('succeeded');
    expect(outputOf(trace, 'b')).toEqual([
      { id: 1, x: 1, y: 2 },
      { id: 2, x: 1, y: 2 },
    ]);
    const nodeB = trace.nodes.find((node) => node.nodeId === 'b');
    expect(nodeB?.inputs).toEqual([
      { id: 1, x: 1 },
      { id: 2, x: 1 },
    ]);
    expect(nodeB?.outputs?.map((output) => output.from)).toEqual([[0], [1]]);
    expect(trace.nodes.map((node) => [node.nodeId, node.itemsIn, node.itemsOut])).toEqual([
      ['start', 1, 2],
      ['a', 2, 2],
      ['b', 2, 2],
    ]);
  });

  //        ┌─▶ left ──┐
  // start ─┤          ├─▶ join ─▶ (out)
  //        └─▶ right ─┘
  it('joins two branches in edge order', async () => {
    const flow = buildFlow(
      [trigger, set('left', 'side', 'L'), set('right', 'side', 'R'), set('join', 'joined', true)],
      ['start -> left', 'start -> right', 'left -> join', 'right -> join'],
    );
    const trace = await runFlow({ flow, registry, services: createTestServices(), input: [{ id: 1 }] });
    expect(outputOf(trace, 'join')).toEqual([
      { id: 1, side: 'L', joined: true },
      { id: 1, side: 'R', joined: true },
    ]);
  });

  // start ─▶ flaky ─error─▶ handler ─▶ (out)
  //               └─main─▶ (out)
  it('sends a failed item to the wired error port with the error and the input', async () => {
    const flow = buildFlow(
      [trigger, { id: 'flaky', type: 'test.flaky' }, set('handler', 'handled', true)],
      ['start -> flaky', 'flaky:error -> handler'],
    );
    const input: JsonValue[] = [[{ id: 'ok' }, { id: 'bad', fail: true }]];
    const trace = await runFlow({ flow, registry, services: createTestServices(), input });
    expect(trace.status).toBe('succeeded');
    expect(outputOf(trace, 'flaky')).toEqual([{ id: 'ok' }]);
    const handled = outputOf(trace, 'handler');
    expect(handled).toHaveLength(1);
    expect(handled[0]).toMatchObject({
      handled: true,
      input: { id: 'bad', fail: true },
      error: { code: 'CONNECTOR_UNAVAILABLE', nodeId: 'flaky', itemIndex: 1, message: 'Item bad failed' },
    });
    expect(trace.itemErrorCount).toBe(1);
    expect(trace.nodes.find((node) => node.nodeId === 'flaky')?.errors[0]?.handling).toBe('errorPort');
  });

  // start ─▶ flaky ─▶ after
  it('stops the run at an unhandled failure and names the node and item', async () => {
    const flow = buildFlow(
      [trigger, { id: 'flaky', type: 'test.flaky', name: 'Call ERP' }, set('after', 'x', 1)],
      ['start -> flaky', 'flaky -> after'],
    );
    const trace = await runFlow({
      flow,
      registry,
      services: createTestServices(),
      input: [[{ id: 1 }, { id: 2, fail: true }]],
    });
    expect(trace.status).toBe('failed');
    expect(trace.error).toMatchObject({
      code: 'CONNECTOR_UNAVAILABLE',
      nodeId: 'flaky',
      nodeName: 'Call ERP',
      itemIndex: 1,
    });
    expect(trace.nodes.map((node) => [node.nodeId, node.status])).toEqual([
      ['start', 'ok'],
      ['flaky', 'error'],
      ['after', 'skipped'],
    ]);
  });

  it('drops failed items and goes on when the node continues on error', async () => {
    const flow = buildFlow(
      [
        trigger,
        { id: 'flaky', type: 'test.flaky', settings: { continueOnError: true } },
        set('after', 'x', 1),
      ],
      ['start -> flaky', 'flaky -> after'],
    );
    const trace = await runFlow({
      flow,
      registry,
      services: createTestServices(),
      input: [[{ id: 1, fail: true }, { id: 2 }]],
    });
    expect(trace.status).toBe('succeeded');
    expect(outputOf(trace, 'after')).toEqual([{ id: 2, x: 1 }]);
    expect(trace.nodes[1]?.errors).toMatchObject([{ itemIndex: 0, handling: 'dropped', attempts: 1 }]);
    expect(trace.nodes[1]?.portCounts).toEqual({ main: 1 });
  });

  it('uses the flow error policy when the node sets none', async () => {
    const flow = buildFlow([trigger, { id: 'flaky', type: 'test.flaky' }], ['start -> flaky'], {
      errorPolicy: 'continue',
    });
    const trace = await runFlow({
      flow,
      registry,
      services: createTestServices(),
      input: [{ id: 1, fail: true }],
    });
    expect(trace.status).toBe('succeeded');
    expect(trace.itemErrorCount).toBe(1);
  });

  it('retries retryable failures with growing backoff, then succeeds', async () => {
    attemptsByItem.clear();
    const clock = createFakeClock();
    const flow = buildFlow(
      [
        trigger,
        {
          id: 'flaky',
          type: 'test.flaky',
          parameters: { failTimes: 3, retryable: true },
          settings: { retry: { maxAttempts: 5, backoffMs: 100 } },
        },
      ],
      ['start -> flaky'],
    );
    const trace = await runFlow({
      flow,
      registry,
      services: createTestServices({ clock }),
      input: [{ id: 1, fail: true }],
    });
    expect(trace.status).toBe('succeeded');
    expect(outputOf(trace, 'flaky')).toEqual([{ id: 1, fail: true, attempts: 4 }]);
    expect(clock.sleeps).toHaveLength(3);
    // Equal jitter: each delay lies between half and all of 100, 200, 400 ms.
    clock.sleeps.forEach((delay, retry) => {
      const full = 100 * 2 ** retry;
      expect(delay).toBeGreaterThanOrEqual(full / 2);
      expect(delay).toBeLessThanOrEqual(full);
    });
  });

  it('never retries a failure that is not retryable', async () => {
    attemptsByItem.clear();
    const clock = createFakeClock();
    const flow = buildFlow(
      [trigger, { id: 'flaky', type: 'test.flaky', settings: { retry: { maxAttempts: 5, backoffMs: 100 } } }],
      ['start -> flaky'],
    );
    const trace = await runFlow({
      flow,
      registry,
      services: createTestServices({ clock }),
      input: [{ id: 1, fail: true }],
    });
    expect(trace.status).toBe('failed');
    expect(clock.sleeps).toEqual([]);
    expect(trace.nodes[1]?.errors[0]?.attempts).toBe(1);
  });

  it('gives up after the last attempt and reports how many were made', async () => {
    attemptsByItem.clear();
    const flow = buildFlow(
      [
        trigger,
        {
          id: 'flaky',
          type: 'test.flaky',
          parameters: { retryable: true },
          settings: { retry: { maxAttempts: 3, backoffMs: 10 } },
        },
      ],
      ['start -> flaky'],
    );
    const trace = await runFlow({
      flow,
      registry,
      services: createTestServices(),
      input: [{ id: 1, fail: true }],
    });
    expect(trace.status).toBe('failed');
    expect(trace.nodes[1]?.errors[0]).toMatchObject({ attempts: 3, handling: 'stoppedRun' });
  });

  it('fails an item that exceeds the node time limit', async () => {
    const flow = buildFlow(
      [trigger, { id: 'slow', type: 'test.slow', settings: { timeoutMs: 30 } }],
      ['start -> slow'],
    );
    const trace = await runFlow({
      flow,
      registry,
      services: createTestServices(),
      input: [{ waitMs: 2_000 }],
    });
    expect(trace.status).toBe('failed');
    expect(trace.error).toMatchObject({
      code: 'NODE_TIMEOUT',
      nodeId: 'slow',
      itemIndex: 0,
      retryable: true,
    });
    expect(trace.durationMs).toBeLessThan(1_500);
  });

  it('stops promptly when cancelled and marks the rest cancelled', async () => {
    const flow = buildFlow(
      [trigger, { id: 'slow', type: 'test.slow' }, set('after', 'x', 1)],
      ['start -> slow', 'slow -> after'],
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const trace = await runFlow({
      flow,
      registry,
      services: createTestServices(),
      input: [[{ waitMs: 5_000 }, { waitMs: 5_000 }]],
      signal: controller.signal,
    });
    expect(trace.status).toBe('cancelled');
    expect(trace.error?.code).toBe('RUN_CANCELLED');
    expect(trace.nodes.map((node) => node.status)).toEqual(['ok', 'cancelled', 'cancelled']);
    expect(trace.durationMs).toBeLessThan(2_000);
  });

  it('passes the dry-run flag to nodes', async () => {
    const flow = buildFlow([trigger, { id: 'slow', type: 'test.slow' }], ['start -> slow']);
    const trace = await runFlow({
      flow,
      registry,
      services: createTestServices(),
      input: [{}],
      dryRun: true,
    });
    expect(trace.dryRun).toBe(true);
    expect(outputOf(trace, 'slow')).toEqual([{ waited: 0, dryRun: true }]);
  });

  it('passes items through a disabled node unchanged', async () => {
    const flow = buildFlow(
      [trigger, { ...set('a', 'x', 1), disabled: true }, set('b', 'y', 2)],
      ['start -> a', 'a -> b'],
    );
    const trace = await runFlow({ flow, registry, services: createTestServices(), input: [{ id: 1 }] });
    expect(outputOf(trace, 'b')).toEqual([{ id: 1, y: 2 }]);
    expect(trace.nodes[1]?.status).toBe('disabled');
  });

  it('keeps item order with concurrency above one', async () => {
    const flow = buildFlow(
      [trigger, { id: 'slow', type: 'test.slow', settings: { concurrency: 4 } }],
      ['start -> slow'],
    );
    const waits = [40, 5, 25, 1, 15, 0];
    const trace = await runFlow({
      flow,
      registry,
      services: createTestServices(),
      input: [waits.map((waitMs) => ({ waitMs }))],
    });
    expect(outputOf(trace, 'slow').map((item) => (item as { waited: number }).waited)).toEqual(waits);
  });

  it('keeps only counts and timings in a summary trace', async () => {
    const flow = buildFlow([trigger, set('a', 'x', 1)], ['start -> a']);
    const trace = await runFlow({
      flow,
      registry,
      services: createTestServices(),
      input: [{ id: 1 }],
      trace: 'summary',
    });
    expect(trace.nodes[1]).not.toHaveProperty('inputs');
    expect(trace.nodes[1]).not.toHaveProperty('outputs');
    expect(trace.nodes[1]?.itemsOut).toBe(1);
    expect(outputOf(trace, 'a')).toEqual([{ id: 1, x: 1 }]);
  });

  it('never changes the input items it was given', async () => {
    const flow = buildFlow([trigger, set('a', 'customer.email', 'x@example.com')], ['start -> a']);
    const input = { id: 1, customer: { name: 'Ann' } };
    await runFlow({ flow, registry, services: createTestServices(), input: [input] });
    expect(input).toEqual({ id: 1, customer: { name: 'Ann' } });
  });

  it('refuses a flow it cannot run before running anything', async () => {
    const flow = buildFlow([trigger, { id: 'x', type: 'vendor.unknown' }], ['start -> x']);
    await expect(
      runFlow({ flow, registry, services: createTestServices(), input: [{}] }),
    ).rejects.toMatchObject({
      code: 'FLOW_INVALID',
      message: expect.stringContaining('vendor.unknown'),
    });
  });

  it('asks which trigger to start when there are several', async () => {
    const flow = buildFlow([trigger, { id: 'second', type: 'core.manualTrigger' }], []);
    await expect(
      runFlow({ flow, registry, services: createTestServices(), input: [{}] }),
    ).rejects.toMatchObject({
      code: 'INPUT_INVALID',
    });
    const trace = await runFlow({
      flow,
      registry,
      services: createTestServices(),
      input: [{ a: 1 }],
      triggerNodeId: 'second',
    });
    expect(trace.nodes.map((node) => node.status)).toEqual(['skipped', 'ok']);
  });

  it('masks credential values in the errors it records', async () => {
    const flow = buildFlow(
      [trigger, { id: 'leaky', type: 'test.leaky', credentials: { api: 'erp-login' } }],
      ['start -> leaky'],
    );
    const services = createTestServices({
      secrets: { 'erp-login': { username: 'ann', password: 'hunter2!' } },
    });
    const trace = await runFlow({ flow, registry, services, input: [{}] });
    expect(trace.error?.message).toBe('Login with password *** refused');
    expect(trace.error?.remote?.message).toBe("bad password '***'");
    expect(JSON.stringify(trace)).not.toContain('hunter2!');
  });

  it('says which credential is missing', async () => {
    const flow = buildFlow(
      [trigger, { id: 'leaky', type: 'test.leaky', name: 'ERP', credentials: { api: 'gone' } }],
      ['start -> leaky'],
    );
    const trace = await runFlow({ flow, registry, services: createTestServices(), input: [{}] });
    expect(trace.error).toMatchObject({
      code: 'CONNECTOR_AUTH',
      message: 'Credential "gone" used by node "ERP" was not found in the credential store',
    });
  });
});

describe('secretValuesOf', () => {
  it('masks passwords, keys, tokens, header values and .ionapi secrets, and leaves URLs and names readable', async () => {
    const { secretValuesOf } = await import('./node-scope.ts');
    expect(
      secretValuesOf({
        baseUrl: 'http://sage.example.com/Sage300WebApi',
        company: 'SAMINC',
        username: 'WEBAPI',
        password: 'hunter2!',
        privateKey: 'pk-123456',
        token: 'tok-123456',
        value: 'header-secret',
        ionapi: JSON.stringify({
          ti: 'TENANT',
          ci: 'client',
          cs: 'client-secret',
          saak: 'access-key',
          sask: 'secret-key',
        }),
      }).sort(),
    ).toEqual([
      'access-key',
      'client-secret',
      'header-secret',
      'hunter2!',
      'pk-123456',
      'secret-key',
      'tok-123456',
    ]);
  });
});
