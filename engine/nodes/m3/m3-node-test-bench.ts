import { m3CredentialFields } from '../../connectors/m3/m3-credentials.ts';
import { type M3Harness, startM3Harness } from '../../connectors/m3/m3-test-harness.ts';
import type { JsonValue } from '../../contract/flow-document.ts';
import type { RunTrace } from '../../contract/run-trace.ts';
import { runFlow } from '../../run/executor.ts';
import { buildFlow, type TestNode } from '../../run/testing/flow-builder.ts';
import { createTestServices } from '../../run/testing/test-services.ts';
import type { StartM3SimulatorOptions } from '../../simulators/m3/m3-simulator.ts';
import { manualTriggerNode } from '../manual-trigger/manual-trigger.node.ts';
import { NodeRegistry } from '../registry.ts';
import { M3_NODE_TYPES } from './index.ts';

// Test support (test code only): runs M3 nodes through the real executor against the M3 simulator,
// with the credentials in a test vault under the ids `m3-basic` and `m3-ion`.

/** Credential ids the bench's vault holds. */
export type BenchCredential = 'm3-basic' | 'm3-ion';

export interface M3NodeBench {
  readonly m3: M3Harness;
  /**
   * Runs `start ─▶ <nodes…>` (edges as flow-builder writes them) on the items; `trigger` names
   * another trigger node to start from instead of the manual trigger `start`.
   */
  run(
    nodes: readonly TestNode[],
    edges: readonly string[],
    input: readonly JsonValue[],
    options?: { dryRun?: boolean; trigger?: string },
  ): Promise<RunTrace>;
  /** What the simulator holds (GET /_admin/state), untyped. */
  state(): Promise<unknown>;
  close(): Promise<void>;
}

export async function startM3NodeBench(options: StartM3SimulatorOptions = {}): Promise<M3NodeBench> {
  const m3 = await startM3Harness(options);
  const registry = new NodeRegistry([manualTriggerNode, ...M3_NODE_TYPES]);
  const secrets = {
    'm3-basic': m3CredentialFields(m3.basic()),
    'm3-ion': m3CredentialFields(m3.ion()),
  };
  return {
    m3,
    run(nodes, edges, input, runOptions = {}) {
      const flow = buildFlow([{ id: 'start', type: 'core.manualTrigger' }, ...nodes], edges);
      return runFlow({
        flow,
        registry,
        services: createTestServices({ http: m3.transport, clock: m3.clock, secrets }),
        input,
        dryRun: runOptions.dryRun ?? false,
        triggerNodeId: runOptions.trigger ?? 'start',
      });
    },
    async state() {
      const response = await fetch(`${m3.simulator.url}/_admin/state`);
      return response.json();
    },
    close: () => m3.close(),
  };
}

/** An M3 node for a test flow, its `erp` slot wired to a bench credential. */
export function m3Node(
  id: string,
  type: string,
  parameters: Record<string, JsonValue> = {},
  credential: BenchCredential = 'm3-basic',
): TestNode {
  return { id, type, parameters, credentials: { erp: credential } };
}

/** Items a node left on an unconnected output port. */
export function outputOf(trace: RunTrace, nodeId: string, port = 'main'): JsonValue[] {
  return trace.outputs.find((output) => output.nodeId === nodeId && output.port === port)?.items ?? [];
}
