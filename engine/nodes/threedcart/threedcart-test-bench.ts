import type { JsonValue } from '../../contract/flow-document.ts';
import type { HttpExchange, NodeTrace, RunTrace } from '../../contract/run-trace.ts';
import { runFlow } from '../../run/executor.ts';
import { createAxiosTransport } from '../../run/http/axios-transport.ts';
import type { HttpRequest, HttpTransport } from '../../run/services.ts';
import { buildFlow, type TestNode } from '../../run/testing/flow-builder.ts';
import { createFakeClock, createTestServices, type FakeClock } from '../../run/testing/test-services.ts';
import type { FaultSettings } from '../../simulators/common/fault-injection.ts';
import type { ThreeDCartSimulatorOptions } from '../../simulators/threedcart/threedcart-settings.ts';
import {
  type RunningThreeDCartSimulator,
  startThreeDCartSimulator,
} from '../../simulators/threedcart/threedcart-simulator.ts';
import { manualTriggerNode } from '../manual-trigger/manual-trigger.node.ts';
import { NodeRegistry } from '../registry.ts';
import { THREEDCART_NODE_TYPES } from './index.ts';

// Test support for the 3dcart nodes: the simulator over real HTTP on 127.0.0.1, the production
// axios transport, and one fake clock shared by the engine and the simulator's leaky bucket, so
// rate-limit waits and retry backoffs take no real time while both sides see the same time.

const registry = new NodeRegistry([manualTriggerNode, ...THREEDCART_NODE_TYPES]);
let benchCount = 0;

/** How a test starts its bench. */
export interface BenchOptions {
  simulator?: Omit<ThreeDCartSimulatorOptions, 'clock' | 'storeUrl'>;
  /** Changes to the credential fields the nodes use (a wrong token, an OAuth token…). */
  credentials?: Record<string, string>;
}

/** What a test adds to a run. */
export interface BenchRunOptions {
  dryRun?: boolean;
  settings?: TestNode['settings'];
  /** Extra nodes and edges after `node`. */
  extraNodes?: TestNode[];
  edges?: string[];
  triggerMeta?: Parameters<typeof runFlow>[0]['triggerMeta'];
}

export interface ThreeDCartBench {
  readonly running: RunningThreeDCartSimulator;
  readonly clock: FakeClock;
  /** Every request the transport sent (dry-run writes never get here). */
  readonly sent: HttpRequest[];
  readonly credentials: Record<string, string>;
  /** Sets the simulator's faults before each next request: `script[0]` for the next, `{}` once it runs out. */
  scriptFaults(script: Partial<FaultSettings>[]): void;
  /** Runs a flow of these nodes (3dcart nodes get the store credential) on the trigger's input. */
  runFlow(
    nodes: TestNode[],
    edges: string[],
    input: JsonValue[],
    options?: BenchRunOptions,
  ): Promise<RunTrace>;
  /** Runs `start ─▶ node` on the items (the manual trigger emits each one). */
  runNode(
    type: string,
    parameters: Record<string, JsonValue>,
    items: JsonValue[],
    options?: BenchRunOptions,
  ): Promise<RunTrace>;
  close(): Promise<void>;
}

/** A simulator with its own store URL, so each bench has its own shared rate limiter. */
export async function startBench(options: BenchOptions = {}): Promise<ThreeDCartBench> {
  const clock = createFakeClock();
  benchCount += 1;
  const storeUrl = `https://bench-${process.pid}-${benchCount}.3dcartstores.com`;
  const running = await startThreeDCartSimulator({
    ...options.simulator,
    storeUrl,
    clock: () => clock.now(),
  });
  const fixed = running.simulator.credentials();
  const credentials: Record<string, string> = {
    apiUrl: running.apiUrl,
    secureUrl: fixed.secureUrl,
    privateKey: fixed.privateKey,
    token: fixed.token,
    ...options.credentials,
  };
  const transport = scriptedTransport(running);
  const runBenchFlow: ThreeDCartBench['runFlow'] = (nodes, edges, input, runOptions = {}) => {
    const withStore = nodes.map((node) =>
      node.type.startsWith('threedcart.') ? { credentials: { store: 'shop' }, ...node } : node,
    );
    return runFlow({
      flow: buildFlow(withStore, edges),
      registry,
      services: createTestServices({ http: transport, clock, secrets: { shop: credentials } }),
      input,
      dryRun: runOptions.dryRun ?? false,
      ...(runOptions.triggerMeta ? { triggerMeta: runOptions.triggerMeta } : {}),
    });
  };
  return {
    running,
    clock,
    sent: transport.sent,
    credentials,
    scriptFaults: transport.scriptFaults,
    runFlow: runBenchFlow,
    runNode(type, parameters, items, runOptions = {}) {
      const node: TestNode = { id: 'node', type, parameters };
      if (runOptions.settings) node.settings = runOptions.settings;
      const nodes = [{ id: 'start', type: 'core.manualTrigger' }, node, ...(runOptions.extraNodes ?? [])];
      return runBenchFlow(nodes, ['start -> node', ...(runOptions.edges ?? [])], items, runOptions);
    },
    async close() {
      transport.close();
      await running.close();
    },
  };
}

/** The production transport, counting requests and setting the simulator's faults before each. */
function scriptedTransport(running: RunningThreeDCartSimulator) {
  const axiosTransport = createAxiosTransport();
  const sent: HttpRequest[] = [];
  let script: Partial<FaultSettings>[] | undefined;
  const transport: HttpTransport = {
    send(request, signal) {
      if (script) running.faults.configure(script.shift() ?? {});
      sent.push(request);
      return axiosTransport.send(request, signal);
    },
  };
  return {
    ...transport,
    sent,
    scriptFaults(steps: Partial<FaultSettings>[]) {
      script = [...steps];
    },
    close: () => axiosTransport.close(),
  };
}

/** Items a node left on an unconnected output port. */
export function outputOf(trace: RunTrace, port = 'main', nodeId = 'node'): JsonValue[] {
  return trace.outputs.find((output) => output.nodeId === nodeId && output.port === port)?.items ?? [];
}

/** The trace of the node under test. */
export function nodeTrace(trace: RunTrace, nodeId = 'node'): NodeTrace {
  const found = trace.nodes.find((node) => node.nodeId === nodeId);
  if (!found) throw new Error(`No trace for node ${nodeId}`);
  return found;
}

/** The HTTP exchanges the node under test made. */
export function exchangesOf(trace: RunTrace, nodeId = 'node'): HttpExchange[] {
  return nodeTrace(trace, nodeId).http;
}

/**
 * The URL of an exchange after the API root, e.g. `Orders/20001`. The trace shows the root as `***`:
 * it is a field of the credential, and every credential value is masked.
 */
export function apiPath(exchange: HttpExchange): string {
  return exchange.url.replace(/^(\*\*\*|.*\/3dCartWebAPI\/v2)\//, '');
}

/** A field of an item, for tests reading outputs (throws when the item is not an object). */
export function field(item: JsonValue | undefined, name: string): JsonValue | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new Error('Not an object');
  return item[name];
}
