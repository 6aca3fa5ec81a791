import type { FlowDocument, JsonValue } from '../../engine/contract/flow-document.ts';
import type { RunTrace } from '../../engine/contract/run-trace.ts';
import { createCoreRegistry } from '../../engine/nodes/core-node-types.ts';
import { runFlow } from '../../engine/run/executor.ts';
import type { EngineServices } from '../../engine/run/services.ts';
import { silentLogger } from '../../engine/run/system-services.ts';
import { createFakeClock, noNetwork } from '../../engine/run/testing/test-services.ts';

/** A trigger followed by `length` set-fields nodes in a line. */
export function linearSetFieldsFlow(length: number): FlowDocument {
  const nodes: FlowDocument['nodes'] = [
    {
      id: 'start',
      name: 'Start',
      type: 'core.manualTrigger',
      typeVersion: 1,
      position: { x: 0, y: 0 },
      parameters: {},
    },
  ];
  const edges: FlowDocument['edges'] = [];
  for (let index = 1; index <= length; index++) {
    nodes.push({
      id: `set${index}`,
      name: `Set ${index}`,
      type: 'core.setFields',
      typeVersion: 1,
      position: { x: index * 200, y: 0 },
      parameters: {
        fields: [
          { path: `step${index}`, mode: 'value', value: index },
          { path: 'customer.email', mode: 'expression', value: 'billing.email' },
        ],
      },
    });
    edges.push({
      id: `e${index}`,
      source: index === 1 ? 'start' : `set${index - 1}`,
      sourceHandle: 'main',
      target: `set${index}`,
      targetHandle: 'main',
    });
  }
  return {
    schemaVersion: 1,
    id: 'bench',
    name: 'Bench',
    description: '',
    settings: { errorPolicy: 'stopRun', timezone: 'UTC' },
    nodes,
    edges,
  };
}

export function sampleOrders(count: number): JsonValue[] {
  return Array.from({ length: count }, (_, index) => ({
    OrderID: 100_000 + index,
    billing: { email: `customer${index}@example.com`, firstName: 'Ann', lastName: 'Lee' },
    total: 129.95,
  }));
}

const services: EngineServices = {
  clock: createFakeClock(),
  logger: silentLogger,
  http: noNetwork,
  secrets: { get: async () => undefined },
};

export interface ThroughputResult {
  trace: 'full' | 'summary';
  items: number;
  nodeExecutionsPerSecond: number;
  milliseconds: number;
}

/** Runs the flow `rounds` times after a warm-up and keeps the best round (least disturbed by GC). */
export async function measureThroughput(
  trace: 'full' | 'summary',
  items: number,
  nodeCount = 10,
  rounds = 5,
): Promise<ThroughputResult> {
  const flow = linearSetFieldsFlow(nodeCount);
  const registry = createCoreRegistry();
  const input = [sampleOrders(items)];
  await runFlow({ flow, registry, services, input, trace });
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    const result = await runFlow({ flow, registry, services, input, trace });
    const elapsed = performance.now() - started;
    if (result.status !== 'succeeded')
      throw new Error(`Benchmark run ${result.status}: ${result.error?.message}`);
    best = Math.min(best, elapsed);
  }
  return { trace, items, milliseconds: best, nodeExecutionsPerSecond: (nodeCount * items) / (best / 1000) };
}

/** Heap retained by a full trace of `items` items, measured after forced garbage collection. */
export async function traceBytes(items: number, nodeCount = 10): Promise<number> {
  const gc = globalThis.gc;
  if (!gc) throw new Error('Run with node --expose-gc to measure trace memory');
  const flow = linearSetFieldsFlow(nodeCount);
  const registry = createCoreRegistry();
  const input = [sampleOrders(items)];
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: RunTrace = await runFlow({ flow, registry, services, input, trace: 'full' });
  gc();
  const after = process.memoryUsage().heapUsed;
  if (kept.nodes.length !== nodeCount + 1) throw new Error('unexpected trace');
  return after - before;
}
