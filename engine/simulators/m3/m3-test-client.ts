import { afterEach } from 'vitest';
import { type RunningM3Simulator, type StartM3SimulatorOptions, startM3Simulator } from './m3-simulator.ts';

// A small HTTP client for the simulator's tests (test code only): real requests to 127.0.0.1,
// answers parsed and trusted to have the shapes the tests then assert on.

export type M3TestRecord = Record<string, string>;

export interface V2Json {
  results: {
    transaction: string;
    records: M3TestRecord[];
    errorMessage?: string;
    errorType?: string;
    errorCode?: string;
    errorField?: string;
    parameters?: M3TestRecord;
  }[];
  wasTerminated: boolean;
  terminationReason?: string;
  nrOfSuccessfullTransactions: number;
  nrOfFailedTransactions: number;
}

export interface V1Json {
  Program?: string;
  Transaction?: string;
  Metadata?: { Field: { '@name': string; '@type': string; '@length': number; '@description': string }[] };
  MIRecord?: { RowIndex: number; NameValue: { Name: string; Value: string }[] }[];
  Message?: string;
  '@type'?: string;
  '@code'?: string | null;
  '@cfg'?: string | null;
  '@field'?: string | null;
}

export interface Answer<T> {
  status: number;
  headers: Headers;
  body: T;
}

export class M3TestClient {
  readonly running: RunningM3Simulator;
  readonly authorization: string;

  constructor(running: RunningM3Simulator) {
    this.running = running;
    const { username, password } = running.credentials().basic;
    this.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  }

  static async start(options: StartM3SimulatorOptions = {}): Promise<M3TestClient> {
    return new M3TestClient(await startM3Simulator(options));
  }

  get url(): string {
    return this.running.url;
  }

  /** GET with Basic auth (unless other headers are given); the body parsed as JSON. */
  async get<T>(path: string, headers: Record<string, string> = { authorization: this.authorization }) {
    const response = await fetch(`${this.url}${path}`, { headers });
    const text = await response.text();
    const body = (response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
    return { status: response.status, headers: response.headers, body } satisfies Answer<T>;
  }

  /** A v2 call: input fields and lower-case options both in the query string. */
  v2(program: string, transaction: string, query: Record<string, string> = {}): Promise<Answer<V2Json>> {
    return this.get<V2Json>(`/m3api-rest/v2/execute/${program}/${transaction}?${new URLSearchParams(query)}`);
  }

  /** A v1 call: options as the matrix string (e.g. `;maxrecs=0`), input fields in the query. */
  v1(program: string, transaction: string, input: Record<string, string> = {}, matrix = '') {
    return this.get<V1Json>(
      `/m3api-rest/execute/${program}/${transaction}${matrix}?${new URLSearchParams(input)}`,
    );
  }

  /** The records of a v2 call that must succeed. */
  async records(
    program: string,
    transaction: string,
    query: Record<string, string> = {},
  ): Promise<M3TestRecord[]> {
    const { status, body } = await this.v2(program, transaction, { maxrecs: '0', ...query });
    const result = body.results[0];
    if (status !== 200 || result === undefined || result.errorMessage !== undefined) {
      throw new Error(`${program}/${transaction} failed: ${status} ${JSON.stringify(body)}`);
    }
    return result.records;
  }

  /** The first record of a v2 call that must succeed. */
  async record(
    program: string,
    transaction: string,
    query: Record<string, string> = {},
  ): Promise<M3TestRecord> {
    const [first] = await this.records(program, transaction, query);
    if (first === undefined) throw new Error(`${program}/${transaction} returned no record`);
    return first;
  }

  async state(): Promise<M3TestState> {
    return (await fetch(`${this.url}/_admin/state`)).json() as Promise<M3TestState>;
  }

  close(): Promise<void> {
    return this.running.close();
  }
}

export interface M3TestState {
  customers: M3TestRecord[];
  orders: (M3TestRecord & { lines: M3TestRecord[] })[];
  batchOrders: (M3TestRecord & { lines: M3TestRecord[]; messages: M3TestRecord[] })[];
  balances: (M3TestRecord & { locations: M3TestRecord[] })[];
}

/** Query string from an object, for building paths by hand. */
export function query(values: Record<string, string>): string {
  return new URLSearchParams(values).toString();
}

/** Starts simulators for the tests of a file and closes every one after each test. */
export function simulatorStarter(
  defaults: () => StartM3SimulatorOptions = () => ({}),
): (options?: StartM3SimulatorOptions) => Promise<M3TestClient> {
  const started: M3TestClient[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((client) => client.close()));
  });
  return async (options = {}) => {
    const client = await M3TestClient.start({ ...defaults(), ...options });
    started.push(client);
    return client;
  };
}
