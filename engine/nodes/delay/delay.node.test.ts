import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { runFlow } from '../../run/executor.ts';
import type { Clock } from '../../run/services.ts';
import { buildFlow } from '../../run/testing/flow-builder.ts';
import { createFakeClock, createTestServices } from '../../run/testing/test-services.ts';
import { manualTriggerNode } from '../manual-trigger/manual-trigger.node.ts';
import { NodeRegistry } from '../registry.ts';
import { delayNode } from './delay.node.ts';

const registry = new NodeRegistry([manualTriggerNode, delayNode]);

/** trigger ─▶ delay ─▶ (out) */
function delayFlow(parameters: Record<string, JsonValue>) {
  return buildFlow(
    [
      { id: 'trigger', type: 'core.manualTrigger' },
      { id: 'delay', type: 'core.delay', parameters },
    ],
    ['trigger -> delay'],
  );
}

const items: JsonValue[] = [{ OrderID: 1 }, { OrderID: 2 }, { OrderID: 3 }];

describe('core.delay', () => {
  // trigger ─▶ delay ─▶ (out)
  it('waits once for the whole batch, then passes items through 1:1', async () => {
    const clock = createFakeClock();
    const services = createTestServices({ clock });
    const trace = await runFlow({ flow: delayFlow({ ms: 60_000 }), registry, services, input: items });
    expect(trace.status).toBe('succeeded');
    expect(clock.sleeps).toEqual([60_000]);
    expect(trace.nodes.find((node) => node.nodeId === 'delay')?.outputs).toEqual([
      { port: 'main', json: items[0], from: [0] },
      { port: 'main', json: items[1], from: [1] },
      { port: 'main', json: items[2], from: [2] },
    ]);
  });

  // trigger ─▶ delay ─▶ (out)
  it('waits until a given time, and not at all for a time in the past', async () => {
    const clock = createFakeClock();
    const inAnHour = new Date(clock.now() + 3_600_000).toISOString();
    await runFlow({
      flow: delayFlow({ until: inAnHour }),
      registry,
      services: createTestServices({ clock }),
      input: items,
    });
    expect(clock.sleeps).toHaveLength(1);
    // Measured on the run's clock, not the wall clock: exactly one hour.
    expect(clock.sleeps[0]).toBe(3_600_000);

    const past = createFakeClock();
    const flow = delayFlow({ until: '2020-01-01T00:00:00Z' });
    const trace = await runFlow({
      flow,
      registry,
      services: createTestServices({ clock: past }),
      input: items,
    });
    expect(past.sleeps).toEqual([]);
    expect(trace.outputs[0]?.items).toEqual(items);
  });

  // trigger ─▶ delay ─✗
  it('refuses to wait more than 24 hours', async () => {
    const twoDays = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const trace = await runFlow({
      flow: delayFlow({ until: twoDays }),
      registry,
      services: createTestServices(),
      input: items,
    });
    expect(trace.error).toMatchObject({ code: 'INPUT_INVALID', nodeId: 'delay', retryable: false });
    expect(delayNode.parameters.safeParse({ ms: 86_400_001 }).success).toBe(false);
    expect(delayNode.parameters.safeParse({ until: '2026-11-23T06:00:00' }).success).toBe(false);
  });

  // trigger ─▶ delay (cancelled while waiting)
  it('stops waiting when the run is cancelled', async () => {
    const waiting = Promise.withResolvers<void>();
    // A clock that only ever ends a sleep by cancellation, as a real one would for a long wait.
    const clock: Clock = {
      now: () => Date.UTC(2026, 10, 22),
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          waiting.resolve();
          signal?.addEventListener('abort', () =>
            reject(new BridgeflowError('RUN_CANCELLED', 'The run was cancelled')),
          );
        }),
    };
    const controller = new AbortController();
    const running = runFlow({
      flow: delayFlow({ ms: 3_600_000 }),
      registry,
      services: createTestServices({ clock }),
      input: items,
      signal: controller.signal,
    });
    await waiting.promise;
    controller.abort();
    const trace = await running;
    expect(trace.status).toBe('cancelled');
    expect(trace.nodes.find((node) => node.nodeId === 'delay')?.status).toBe('cancelled');
    expect(trace.outputs).toEqual([]);
  });
});
