import { type Sage300TestBench, startSage300TestBench } from '../../connectors/sage300/sage300-test-bench.ts';
import type { JsonValue } from '../../contract/flow-document.ts';
import type { NodeTrace, RunTrace } from '../../contract/run-trace.ts';
import { runFlow } from '../../run/executor.ts';
import { buildFlow, type TestNode } from '../../run/testing/flow-builder.ts';
import type { Sage300SimulatorOptions } from '../../simulators/sage300/sage300-simulator.ts';
import { manualTriggerNode } from '../manual-trigger/manual-trigger.node.ts';
import { NodeRegistry } from '../registry.ts';
import { setFieldsNode } from '../set-fields/set-fields.node.ts';
import { SAGE300_NODE_TYPES } from './index.ts';
import { SAGE300_CREDENTIAL_SLOT } from './sage300-node-support.ts';

// Test support: runs flows with Sage 300 nodes through the real executor against the simulator.

export interface Sage300NodeBench extends Sage300TestBench {
  /** Runs `start ─▶ …` (a manual trigger with id `start` is added unless `trigger` is false). */
  run(
    nodes: readonly TestNode[],
    edges: readonly string[],
    input: readonly JsonValue[],
    options?: { dryRun?: boolean; trigger?: boolean },
  ): Promise<RunTrace>;
}

const registry = new NodeRegistry([manualTriggerNode, setFieldsNode, ...SAGE300_NODE_TYPES]);

export async function startSage300NodeBench(
  options: Sage300SimulatorOptions = {},
): Promise<Sage300NodeBench> {
  const bench = await startSage300TestBench(options);
  return {
    ...bench,
    run(nodes, edges, input, runOptions = {}) {
      const trigger: TestNode[] =
        runOptions.trigger === false ? [] : [{ id: 'start', type: 'core.manualTrigger' }];
      return runFlow({
        flow: buildFlow([...trigger, ...nodes], edges),
        registry,
        services: bench.services,
        input,
        dryRun: runOptions.dryRun ?? false,
      });
    },
  };
}

/** A Sage 300 node wired to the bench's credential. */
export function sageNode(id: string, type: string, parameters: Record<string, JsonValue> = {}): TestNode {
  return { id, type, parameters, credentials: { [SAGE300_CREDENTIAL_SLOT]: 'sage' } };
}

/** Items a node left on an unconnected output port. */
export function outputOf(trace: RunTrace, nodeId: string, port = 'main'): JsonValue[] {
  return trace.outputs.find((output) => output.nodeId === nodeId && output.port === port)?.items ?? [];
}

/** The trace of one node. */
export function nodeTrace(trace: RunTrace, nodeId: string): NodeTrace | undefined {
  return trace.nodes.find((node) => node.nodeId === nodeId);
}
