import { Agent } from 'node:http';
import { Worker } from 'node:worker_threads';
import { createCoreRegistry } from '../../engine/nodes/core-node-types.ts';
import { createAxiosTransport } from '../../engine/run/http/axios-transport.ts';
import { silentLogger, systemClock } from '../../engine/run/system-services.ts';
import { CASES, type ConnectorCase } from './connector-cases.ts';
import {
  bareCalls,
  type Calls,
  clientCalls,
  medians,
  nodeCalls,
  pairedDifference,
  round,
  type Sample,
} from './connector-layers.ts';

/** The three ways of making a connector's call, cheapest first. */
export const LAYERS = ['bare', 'client', 'node'] as const;
export type Layer = (typeof LAYERS)[number];

export interface ConnectorResult {
  connector: string;
  /** Per sequential call, medians over the rounds. */
  layers: Record<Layer, Sample>;
  /** What our client adds to the bare call: median over the rounds of client − bare. */
  addedByClient: Sample;
  /** What the flow node layer adds to the client: median over the rounds of node − client. */
  addedByNode: Sample;
  /** Through the flow node with 16 calls in flight. */
  callsPerSecond: number;
}

export const ROUNDS = 11;
const IN_FLIGHT = 16;

async function startSimulator(system: ConnectorCase['system']): Promise<{ url: string; worker: Worker }> {
  const worker = new Worker(new URL('./simulator-host.worker.ts', import.meta.url), { workerData: system });
  const url = await new Promise<string>((resolve, reject) => {
    worker.once('message', (message: { url: string }) => resolve(message.url));
    worker.once('error', reject);
  });
  return { url, worker };
}

/**
 * Each connector against its simulator (in its own thread, so the simulator does not take this
 * thread's CPU): the same read made one call at a time as a bare HTTP call, through our typed
 * client, and through a flow node, in `ROUNDS` rounds that interleave the three (in turn first, so
 * none is always measured right after another); then calls/s through the node with 16 in flight.
 */
export async function measureConnectors(
  sequentialCalls = 1_000,
  parallelCalls = 3_000,
): Promise<ConnectorResult[]> {
  const results: ConnectorResult[] = [];
  // Built once, as a runtime does; building it (node descriptions, schemas) is no part of a call.
  const registry = createCoreRegistry();
  for (const testCase of CASES) {
    const { url, worker } = await startSimulator(testCase.system);
    // One transport per layer, built once and kept warm as a runtime keeps its own; the bare
    // call's agent has the transport's settings (keep-alive, 16 sockets per host).
    const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
    const clientTransport = createAxiosTransport({ maxSocketsPerHost: IN_FLIGHT });
    const nodeTransport = createAxiosTransport({ maxSocketsPerHost: IN_FLIGHT });
    const services = { clock: systemClock, logger: silentLogger };
    try {
      const calls: Record<Layer, Calls> = {
        bare: bareCalls(url, testCase, agent),
        client: clientCalls(url, testCase, { ...services, http: clientTransport }),
        node: nodeCalls(url, testCase, { ...services, http: nodeTransport }, registry),
      };
      for (const layer of LAYERS) await calls[layer](300);
      const rounds: Record<Layer, Sample[]> = { bare: [], client: [], node: [] };
      for (let index = 0; index < ROUNDS; index++) {
        for (let step = 0; step < LAYERS.length; step++) {
          const layer = LAYERS[(index + step) % LAYERS.length] ?? 'bare';
          rounds[layer].push(await round(sequentialCalls, calls[layer]));
        }
      }
      const parallel = nodeCalls(url, testCase, { ...services, http: nodeTransport }, registry, IN_FLIGHT);
      const started = performance.now();
      await parallel(parallelCalls);
      const elapsed = performance.now() - started;
      results.push({
        connector: testCase.title,
        layers: { bare: medians(rounds.bare), client: medians(rounds.client), node: medians(rounds.node) },
        addedByClient: pairedDifference(rounds.client, rounds.bare),
        addedByNode: pairedDifference(rounds.node, rounds.client),
        callsPerSecond: parallelCalls / (elapsed / 1000),
      });
    } finally {
      agent.destroy();
      clientTransport.close();
      nodeTransport.close();
      worker.postMessage('close');
      await worker.terminate();
    }
  }
  return results;
}
