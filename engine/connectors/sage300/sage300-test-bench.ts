import { z } from 'zod';
import { JsonValueSchema } from '../../contract/flow-document.ts';
import type { HttpExchange } from '../../contract/run-trace.ts';
import { createAxiosTransport } from '../../run/http/axios-transport.ts';
import { NodeScope } from '../../run/node-scope.ts';
import type { EngineServices, HttpTransport } from '../../run/services.ts';
import { createTestServices } from '../../run/testing/test-services.ts';
import type { FaultSettings } from '../../simulators/common/fault-injection.ts';
import {
  type RunningSage300Simulator,
  type Sage300SimulatorOptions,
  startSage300Simulator,
} from '../../simulators/sage300/sage300-simulator.ts';
import { Sage300Client, type Sage300ClientOptions, type Sage300Record } from './sage300-client.ts';
import { parseSage300Credentials } from './sage300-credentials.ts';

// Test support: the Sage 300 simulator on 127.0.0.1, the real axios transport, and node contexts
// built the way the executor builds them (so traces, masking and dry-run behave as in a run).

/** A request as it left for the simulator. */
export interface SentRequest {
  method: string;
  url: string;
}

export interface Sage300TestBench {
  readonly simulator: RunningSage300Simulator;
  /** Credential fields as the vault holds them (WEBAPI on SAMINC). */
  readonly fields: Record<string, string>;
  /** Every request the transport sent, in order: what the simulator saw. */
  readonly sent: SentRequest[];
  readonly services: EngineServices;
  /** A client on a fresh node context; `http` collects the context's recorded exchanges. */
  client(
    options?: Sage300ClientOptions & { dryRun?: boolean; fields?: Record<string, string> },
  ): Promise<{ client: Sage300Client; http: HttpExchange[] }>;
  /** Injects `faults` for the next `count` requests, then none. */
  failNext(count: number, faults: Partial<FaultSettings>): void;
  close(): Promise<void>;
}

export async function startSage300TestBench(
  options: Sage300SimulatorOptions = {},
): Promise<Sage300TestBench> {
  const simulator = await startSage300Simulator({ now: () => new Date('2025-06-30T12:00:00Z'), ...options });
  const transport = createAxiosTransport();
  const sent: SentRequest[] = [];
  let faultedLeft = 0;
  const counting: HttpTransport = {
    async send(request, signal) {
      sent.push({ method: request.method, url: request.url });
      try {
        return await transport.send(request, signal);
      } finally {
        if (faultedLeft > 0 && --faultedLeft === 0) simulator.faults.configure({});
      }
    },
  };
  const fields = {
    baseUrl: `${simulator.url}/Sage300WebApi`,
    company: 'SAMINC',
    username: 'WEBAPI',
    password: 'WEBAPI',
  };
  const services = createTestServices({ http: counting, secrets: { sage: fields } });
  return {
    simulator,
    fields,
    sent,
    services,
    async client(clientOptions = {}) {
      const http: HttpExchange[] = [];
      const scope = new NodeScope(
        {
          node: {
            id: 'sage',
            name: 'Sage',
            type: 'test.sage300',
            typeVersion: 1,
            position: { x: 0, y: 0 },
            parameters: {},
            credentials: { erp: 'sage' },
          },
          parameters: {},
          flowSettings: { errorPolicy: 'stopRun', timezone: 'UTC' },
          dryRun: clientOptions.dryRun ?? false,
          services: createTestServices({ http: counting, secrets: { sage: clientOptions.fields ?? fields } }),
          trigger: {},
          http,
          secrets: [],
        },
        -1,
        new AbortController().signal,
      );
      const credentials = parseSage300Credentials(await scope.credentials('erp'));
      return { client: new Sage300Client(scope, credentials, clientOptions), http };
    },
    failNext(count, faults) {
      faultedLeft = count;
      simulator.faults.configure(faults);
    },
    async close() {
      transport.close();
      await simulator.close();
    },
  };
}

/** A fixture object (the simulator's `webOrder()`, say) as a Sage record, checked to be JSON. */
export function jsonRecord(value: unknown): Sage300Record {
  return z.record(z.string(), JsonValueSchema).parse(value);
}

const StateSchema = z.object({
  companies: z.record(
    z.string(),
    z.object({ itemQuantities: z.array(z.object({ ItemNumber: z.string(), Location: z.string() })) }),
  ),
});

/** `item@location` of every ICLocationDetails row the simulator holds for a company. */
export async function seededLocationKeys(bench: Sage300TestBench, company = 'SAMINC'): Promise<string[]> {
  const response = await fetch(`${bench.simulator.url}/_admin/state`);
  const rows = StateSchema.parse(await response.json()).companies[company]?.itemQuantities ?? [];
  return rows.map((row) => `${row.ItemNumber}@${row.Location}`);
}
