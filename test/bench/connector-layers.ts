// The three ways the connectors benchmark makes the same call, and how one round of them is timed.
import { type Agent, request } from 'node:http';
import { standaloneContext } from '../../engine/connectors/common/standalone-context.ts';
import type { FlowDocument } from '../../engine/contract/flow-document.ts';
import type { NodeRegistry } from '../../engine/nodes/registry.ts';
import { runFlow } from '../../engine/run/executor.ts';
import type { EngineServices } from '../../engine/run/services.ts';
import type { ConnectorCase } from './connector-cases.ts';

/** Milliseconds per call: wall, this thread's busy time (event-loop utilisation) and its CPU time. */
export interface Sample {
  wall: number;
  busy: number;
  cpu: number;
}

/** `count` calls, one at a time. */
export type Calls = (count: number) => Promise<void>;

/**
 * The baseline: what any client must do for this call. A node:http GET on a keep-alive agent with
 * the transport's settings (keep-alive, 16 sockets per host), reading the whole body and parsing it.
 */
export function bareCalls(url: string, testCase: ConnectorCase, agent: Agent): Calls {
  const { hostname, port } = new URL(url);
  const options = { agent, hostname, port, path: testCase.bare.path, headers: testCase.bare.headers };
  const call = () =>
    new Promise<void>((done, fail) => {
      const outgoing = request(options, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', fail);
        response.on('end', () => {
          if (response.statusCode !== 200) return fail(new Error(`bare call ${response.statusCode}`));
          const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          if (typeof body !== 'object' || body === null) return fail(new Error('bare call: no JSON body'));
          done();
        });
      });
      outgoing.on('error', fail);
      outgoing.end();
    });
  return async (count) => {
    for (let index = 0; index < count; index++) await call();
  };
}

/**
 * Our typed client called directly, built once as a node builds it, on a context with the engine's
 * services: the HTTP transport with trace recording (secrets masked), the clock and the logger.
 * Each batch of calls starts a fresh trace, as each node run does.
 */
export function clientCalls(
  url: string,
  testCase: ConnectorCase,
  services: Pick<EngineServices, 'http' | 'clock' | 'logger'>,
): Calls {
  const fields = testCase.credentials(url);
  const { context, exchanges } = standaloneContext(
    testCase.system,
    fields,
    services,
    new AbortController().signal,
  );
  const call = testCase.client(context, fields);
  return async (count) => {
    exchanges.length = 0;
    for (let index = 0; index < count; index++) await call();
  };
}

function flowFor(testCase: ConnectorCase, concurrency: number): FlowDocument {
  return {
    schemaVersion: 1,
    id: 'connector-bench',
    name: 'Connector bench',
    description: '',
    settings: { errorPolicy: 'stopRun', timezone: 'UTC' },
    nodes: [
      {
        id: 'start',
        name: 'Start',
        type: 'core.manualTrigger',
        typeVersion: 1,
        position: { x: 0, y: 0 },
        parameters: {},
      },
      {
        id: 'call',
        name: 'Call',
        type: testCase.node.type,
        typeVersion: 1,
        position: { x: 200, y: 0 },
        parameters: testCase.node.parameters,
        credentials: { [testCase.node.slot]: 'bench' },
        settings: { concurrency },
      },
    ],
    edges: [{ id: 'e', source: 'start', sourceHandle: 'main', target: 'call', targetHandle: 'main' }],
  };
}

/**
 * The call as a flow makes it: a run of one connector node over `count` items, `concurrency` at a
 * time (executor, node, parameters, credential read and parse, client, retry and error handling).
 */
export function nodeCalls(
  url: string,
  testCase: ConnectorCase,
  services: Omit<EngineServices, 'secrets'>,
  registry: NodeRegistry,
  concurrency = 1,
): Calls {
  const fields = testCase.credentials(url);
  const withSecrets: EngineServices = { ...services, secrets: { get: async () => fields } };
  return async (count) => {
    const flow = flowFor(testCase, concurrency);
    const input = [Array.from({ length: count }, () => testCase.item)];
    const trace = await runFlow({ flow, registry, services: withSecrets, input, trace: 'summary' });
    if (trace.status !== 'succeeded') throw new Error(`${testCase.title}: ${trace.error?.message}`);
  };
}

/** Times `count` calls after a full collection, so no layer pays for another's garbage. */
export async function round(count: number, calls: Calls): Promise<Sample> {
  globalThis.gc?.();
  const busyBefore = performance.eventLoopUtilization();
  const cpuBefore = process.threadCpuUsage();
  const started = performance.now();
  await calls(count);
  const wall = performance.now() - started;
  const busy = performance.eventLoopUtilization(busyBefore).active;
  const cpu = process.threadCpuUsage(cpuBefore);
  return { wall: wall / count, busy: busy / count, cpu: (cpu.user + cpu.system) / 1000 / count };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Each figure's median over the rounds. */
export function medians(samples: readonly Sample[]): Sample {
  return {
    wall: median(samples.map((sample) => sample.wall)),
    busy: median(samples.map((sample) => sample.busy)),
    cpu: median(samples.map((sample) => sample.cpu)),
  };
}

/** Median over the rounds of `upper − lower` within each round (the layers of a round ran side by side). */
export function pairedDifference(upper: readonly Sample[], lower: readonly Sample[]): Sample {
  const differences = upper.map((sample, index) => {
    const base = lower[index];
    if (!base) throw new Error('rounds do not pair up');
    return { wall: sample.wall - base.wall, busy: sample.busy - base.busy, cpu: sample.cpu - base.cpu };
  });
  return medians(differences);
}
