import type { JsonValue } from '../../contract/flow-document.ts';
import type { NodeTrace, RunTrace } from '../../contract/run-trace.ts';
import { runFlow } from '../../run/executor.ts';
import { createAxiosTransport } from '../../run/http/axios-transport.ts';
import { startTestServer, type TestHandler, type TestServer } from '../../run/http/test-server.ts';
import { buildFlow, type TestNode } from '../../run/testing/flow-builder.ts';
import { createTestServices } from '../../run/testing/test-services.ts';
import { manualTriggerNode } from '../manual-trigger/manual-trigger.node.ts';
import { NodeRegistry } from '../registry.ts';
import { setFieldsNode } from '../set-fields/set-fields.node.ts';
import { httpRequestNode } from './http-request.node.ts';

/** What a test adds to the flow `start ─▶ http`. */
export interface BenchRunOptions {
  edges?: string[];
  extraNodes?: TestNode[];
  dryRun?: boolean;
  secrets?: Record<string, Record<string, string>>;
}

/** Test support: runs HTTP request nodes through the real executor and axios transport. */
export interface HttpTestBench {
  /** Starts the test's server on 127.0.0.1 (one at a time; `closeServer` closes it). */
  serve(handler: TestHandler): Promise<TestServer>;
  /** Runs `start ─▶ http` (plus what the options add) on one item. */
  run(node: TestNode, item: JsonValue, options?: BenchRunOptions): Promise<RunTrace>;
  closeServer(): Promise<void>;
  /** Releases the transport's keep-alive sockets. */
  close(): void;
}

export function createHttpTestBench(): HttpTestBench {
  const registry = new NodeRegistry([manualTriggerNode, setFieldsNode, httpRequestNode]);
  const transport = createAxiosTransport();
  let server: TestServer | undefined;
  return {
    async serve(handler) {
      server = await startTestServer(handler);
      return server;
    },
    run(node, item, options = {}) {
      const flow = buildFlow(
        [{ id: 'start', type: 'core.manualTrigger' }, node, ...(options.extraNodes ?? [])],
        ['start -> http', ...(options.edges ?? [])],
      );
      return runFlow({
        flow,
        registry,
        services: createTestServices({ http: transport, secrets: options.secrets ?? {} }),
        input: [item],
        dryRun: options.dryRun ?? false,
      });
    },
    async closeServer() {
      await server?.close();
      server = undefined;
    },
    close: () => transport.close(),
  };
}

/** An HTTP request node with id `http`. */
export function httpNode(parameters: Record<string, JsonValue>, extra: Partial<TestNode> = {}): TestNode {
  return { id: 'http', type: 'core.httpRequest', name: 'Call API', parameters, ...extra };
}

/** Items a node left on an unconnected output port. */
export function outputOf(trace: RunTrace, nodeId = 'http', port = 'main'): JsonValue[] {
  return trace.outputs.find((output) => output.nodeId === nodeId && output.port === port)?.items ?? [];
}

/** The trace of the `http` node. */
export function httpTrace(trace: RunTrace): NodeTrace | undefined {
  return trace.nodes.find((node) => node.nodeId === 'http');
}
