import type { HttpExchange } from '../../contract/run-trace.ts';
import type { NodeContext } from '../../nodes/node-type.ts';
import { createAxiosTransport } from '../../run/http/axios-transport.ts';
import { NodeScope } from '../../run/node-scope.ts';
import type { HttpRequest, HttpTransport } from '../../run/services.ts';
import { createFakeClock, createTestServices, type FakeClock } from '../../run/testing/test-services.ts';
import type { FaultSettings } from '../../simulators/common/fault-injection.ts';
import {
  type RunningM3Simulator,
  type StartM3SimulatorOptions,
  startM3Simulator,
} from '../../simulators/m3/m3-simulator.ts';
import { clearIonTokenCache } from './ion-token.ts';
import type { IonApiFile, M3Credentials } from './m3-credentials.ts';

// Test support (test code only): the M3 simulator on 127.0.0.1 with a clock it shares with the
// engine, a real axios transport that counts what reaches the wire, and node contexts built the
// way the executor builds them (recording, masking, dry-run).

export interface M3Harness {
  readonly simulator: RunningM3Simulator;
  readonly clock: FakeClock;
  /** Every request that went on the wire, in order (dry-run intercepted writes never do). */
  readonly sent: HttpRequest[];
  /** Exchanges recorded by the contexts {@link context} made. */
  readonly exchanges: HttpExchange[];
  readonly transport: HttpTransport;
  /** Basic credentials for `/m3api-rest/`, with the simulator's company. */
  basic(overrides?: { password?: string }): M3Credentials;
  /** `.ionapi` credentials for the `/{TENANT}/M3/` gateway. */
  ion(overrides?: Partial<IonApiFile>): M3Credentials;
  /** A node context as the executor makes one; `secrets` are masked in what it records. */
  context(options?: { dryRun?: boolean; secrets?: string[] }): NodeContext<unknown>;
  /** Injects faults until `requests` more requests have been answered, then clears them. */
  faultFor(requests: number, settings: Partial<FaultSettings>): void;
  /** How many token grants reached the simulator. */
  tokenRequests(): number;
  close(): Promise<void>;
}

export async function startM3Harness(options: StartM3SimulatorOptions = {}): Promise<M3Harness> {
  clearIonTokenCache();
  const clock = createFakeClock();
  const simulator = await startM3Simulator({ clock: () => clock.now(), ...options });
  const { transport, sent, faultFor, close } = countingTransport(simulator);
  const exchanges: HttpExchange[] = [];
  const { company } = simulator.credentials();
  return {
    simulator,
    clock,
    sent,
    exchanges,
    transport,
    basic(overrides = {}) {
      const { username, password } = simulator.credentials().basic;
      return {
        mode: 'basic',
        baseUrl: simulator.url,
        username,
        password: overrides.password ?? password,
        company,
      };
    },
    ion(overrides = {}) {
      return { mode: 'ionapi', ionapi: { ...simulator.ionApiFile(), ...overrides }, company };
    },
    context: (contextOptions = {}) => nodeContext(transport, clock, exchanges, contextOptions),
    faultFor,
    tokenRequests: () => sent.filter((request) => request.url.endsWith('/as/token.oauth2')).length,
    async close() {
      close();
      await simulator.close();
      clearIonTokenCache();
    },
  };
}

/** The axios transport, counting what it sends and clearing injected faults when their time is up. */
function countingTransport(simulator: RunningM3Simulator) {
  const axios = createAxiosTransport();
  const sent: HttpRequest[] = [];
  let faultedUntil = -1;
  const transport: HttpTransport = {
    send(request, signal) {
      if (faultedUntil >= 0 && sent.length >= faultedUntil) {
        simulator.faults.configure({});
        faultedUntil = -1;
      }
      sent.push(request);
      return axios.send(request, signal);
    },
  };
  const faultFor = (requests: number, settings: Partial<FaultSettings>): void => {
    simulator.faults.configure(settings);
    faultedUntil = sent.length + requests;
  };
  return { transport, sent, faultFor, close: () => axios.close() };
}

/** A node context built the way the executor builds one, recording into `exchanges`. */
function nodeContext(
  transport: HttpTransport,
  clock: FakeClock,
  exchanges: HttpExchange[],
  options: { dryRun?: boolean; secrets?: string[] },
): NodeContext<unknown> {
  const shared = {
    node: { id: 'm3', name: 'M3', type: 'm3.test', typeVersion: 1, position: { x: 0, y: 0 }, parameters: {} },
    parameters: {},
    flowSettings: { errorPolicy: 'stopRun' as const, timezone: 'UTC' },
    dryRun: options.dryRun ?? false,
    services: createTestServices({ http: transport, clock }),
    trigger: {},
    http: exchanges,
    secrets: options.secrets ?? [],
  };
  return new NodeScope(shared, -1, new AbortController().signal);
}
