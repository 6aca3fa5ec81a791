import { Agent, request } from 'node:http';
import { Worker } from 'node:worker_threads';

/** One benchmarked call: how to build the n-th request. */
interface Call {
  label: string;
  method: 'GET' | 'POST';
  path: (n: number) => string;
  headers: Record<string, string>;
  body?: (n: number) => string;
}

interface SimulatorCase {
  name: 'threedcart' | 'sage300' | 'm3';
  title: string;
  calls: (url: string) => Promise<Call[]>;
}

const STORE_HEADERS = {
  SecureURL: 'https://bridgeflow-sandbox.3dcartstores.com',
  PrivateKey: 'sandbox-private-key-7f3a9c2e5b814d06',
  Token: 'sandbox-token-4e1b8d7c2a9f6035',
  'content-type': 'application/json',
};
const SAGE_HEADERS = {
  authorization: `Basic ${Buffer.from('WEBAPI:WEBAPI').toString('base64')}`,
  'content-type': 'application/json',
};
const M3_HEADERS = { authorization: `Basic ${Buffer.from('M3API:m3api-password').toString('base64')}` };

/** One field of the first record a 3dcart list answers with. */
async function firstField(url: string, pick: (record: Record<string, unknown>) => unknown): Promise<string> {
  const records: unknown = await (await fetch(url, { headers: STORE_HEADERS })).json();
  const first: unknown = Array.isArray(records) ? records[0] : undefined;
  const value =
    typeof first === 'object' && first !== null ? pick(Object.fromEntries(Object.entries(first))) : undefined;
  if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`No usable record from ${url}`);
  return String(value);
}

const CASES: SimulatorCase[] = [
  {
    name: 'threedcart',
    title: '3dcart',
    async calls(url) {
      const api = `${url}/3dCartWebAPI/v2`;
      const orderId = await firstField(`${api}/Orders?limit=1`, (record) => record.OrderID);
      const sku = await firstField(`${api}/Products?limit=1`, (record) =>
        typeof record.SKUInfo === 'object' && record.SKUInfo !== null && 'SKU' in record.SKUInfo
          ? record.SKUInfo.SKU
          : undefined,
      );
      return [
        {
          label: 'GET /Orders/{id}',
          method: 'GET',
          path: () => `/3dCartWebAPI/v2/Orders/${orderId}`,
          headers: STORE_HEADERS,
        },
        {
          label: 'POST /Orders',
          method: 'POST',
          path: () => '/3dCartWebAPI/v2/Orders?bypassorderprocessing=1',
          headers: STORE_HEADERS,
          body: (n) =>
            JSON.stringify({
              BillingFirstName: 'Load',
              BillingLastName: `Tester ${n}`,
              BillingEmail: `load${n}@example.com`,
              OrderItemList: [{ ItemID: sku, ItemQuantity: 1 }],
            }),
        },
      ];
    },
  },
  {
    name: 'sage300',
    title: 'Sage 300',
    async calls() {
      const base = '/Sage300WebApi/v1.0/-/SAMINC/AR/ARCustomers';
      return [
        {
          label: "GET ARCustomers('C000001')",
          method: 'GET',
          path: () => `${base}('C000001')`,
          headers: SAGE_HEADERS,
        },
        {
          label: 'POST ARCustomers',
          method: 'POST',
          path: () => base,
          headers: SAGE_HEADERS,
          body: (n) =>
            JSON.stringify({
              CustomerNumber: `LOAD${n}`,
              CustomerName: `Load ${n}`,
              ShortName: 'LOAD',
              GroupCode: 'RTL',
            }),
        },
      ];
    },
  },
  {
    name: 'm3',
    title: 'Infor M3',
    async calls() {
      const execute = '/m3api-rest/v2/execute/CRS610MI';
      return [
        {
          label: 'CRS610MI/GetBasicData',
          method: 'GET',
          path: () => `${execute}/GetBasicData?CUNO=TMPLWEB`,
          headers: M3_HEADERS,
        },
        {
          label: 'CRS610MI/Add',
          method: 'GET',
          path: (n) =>
            `${execute}/Add?${new URLSearchParams({ CUTM: 'TMPLWEB', CUNO: `L${n}`, CUNM: `Load ${n}`, CUA1: '1 Main St' })}`,
          headers: M3_HEADERS,
        },
      ];
    },
  },
];

// Numbers in created records stay unique across warm-up and measured rounds (no duplicate-key failures).
let sequence = 0;

/** Sends `call` from `concurrency` keep-alive connections for `durationMs`; answers per second. */
async function load(
  url: string,
  call: Call,
  durationMs: number,
  concurrency: number,
): Promise<{ perSecond: number; failed: number }> {
  const { hostname, port } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let ok = 0;
  let failed = 0;
  const until = performance.now() + durationMs;
  const one = (): Promise<void> =>
    new Promise((done) => {
      const n = sequence++;
      const body = call.body?.(n);
      const outgoing = request(
        { agent, hostname, port, method: call.method, path: call.path(n), headers: call.headers },
        (response) => {
          response.resume();
          response.on('end', () => {
            if ((response.statusCode ?? 500) < 300) ok++;
            else failed++;
            done();
          });
        },
      );
      outgoing.on('error', () => {
        failed++;
        done();
      });
      outgoing.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) await one();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { perSecond: ok / seconds, failed };
}

export interface SimulatorThroughput {
  simulator: string;
  call: string;
  /** What the load generator got through (one Node client thread tops out near 5,000/s here). */
  requestsPerSecond: number;
  /** Share of the time the simulator's thread was busy while serving them. */
  busy: number;
  /** Requests per second the simulator serves with its one core fully busy: measured ÷ busy. */
  capacityPerSecond: number;
  failed: number;
}

/** Each simulator in a worker thread, loaded with a simple GET and a create. */
export async function measureSimulators(
  durationMs = 2_000,
  concurrency = 32,
): Promise<SimulatorThroughput[]> {
  const results: SimulatorThroughput[] = [];
  for (const simulator of CASES) {
    const worker = new Worker(new URL('./simulator-host.worker.ts', import.meta.url), {
      workerData: simulator.name,
    });
    const url = await new Promise<string>((resolve, reject) => {
      worker.once('message', (message: { url: string }) => resolve(message.url));
      worker.once('error', reject);
    });
    try {
      for (const call of await simulator.calls(url)) {
        await load(url, call, 300, concurrency); // warm-up
        const before = worker.performance.eventLoopUtilization();
        const measured = await load(url, call, durationMs, concurrency);
        const busy = worker.performance.eventLoopUtilization(before).utilization;
        results.push({
          simulator: simulator.title,
          call: call.label,
          requestsPerSecond: measured.perSecond,
          busy,
          capacityPerSecond: busy > 0 ? measured.perSecond / busy : 0,
          failed: measured.failed,
        });
      }
    } finally {
      worker.postMessage('close');
      await worker.terminate();
    }
  }
  return results;
}
