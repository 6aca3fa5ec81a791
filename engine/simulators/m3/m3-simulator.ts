import {
  type RunningSimulator,
  type SimulatorDefinition,
  type StartSimulatorOptions,
  startSimulator,
} from '../common/simulator-server.ts';
import { crs610mi } from './crs610mi.ts';
import { defaultIonClient, type IonApiFile, type IonClient, ionApiFile, tokenPath } from './ion-api-file.ts';
import { IonTokens } from './ion-token-endpoint.ts';
import type { M3User } from './m3-auth.ts';
import { DEFAULT_BEHAVIOUR, type M3Behaviour } from './m3-behaviour.ts';
import { m3Routes } from './m3-routes.ts';
import { seedM3Store } from './m3-seed.ts';
import { m3State } from './m3-state.ts';
import type { M3Store } from './m3-store.ts';
import { type M3Context, programTable } from './m3-transaction.ts';
import { m3Date } from './m3-values.ts';
import { mms060mi } from './mms060mi.ts';
import { mms200mi } from './mms200mi.ts';
import { ois100mi } from './ois100mi.ts';

export type { IonApiFile } from './ion-api-file.ts';
export type { M3User } from './m3-auth.ts';
export type { M3Behaviour } from './m3-behaviour.ts';

/** Tenant (`ti`) of the simulated ION API. */
export const DEFAULT_M3_TENANT = 'BRIDGEFLOW_TST';
/** The M3 user Basic auth accepts unless `users` says otherwise. */
export const DEFAULT_M3_USERS: readonly M3User[] = [{ username: 'M3API', password: 'm3api-password' }];

export interface M3SimulatorOptions {
  /** Seed for the catalog-based seed data (default 1). */
  seed?: number;
  /** Basic-auth users (default {@link DEFAULT_M3_USERS}). */
  users?: readonly M3User[];
  /** Access-token lifetime; ION's is "currently 2 hours" (reference B2), the default. */
  tokenLifetimeSeconds?: number;
  /** Milliseconds since the epoch; drives token expiry and today's date. Default `Date.now`. */
  clock?: () => number;
  /** ION tenant (default {@link DEFAULT_M3_TENANT}). */
  tenant?: string;
  /** CONO of the simulated company (default `100`, as in the reference's examples). */
  company?: string;
  /** DIVI of the simulated division (default `AAA`). */
  division?: string;
  /** Behaviour the reference leaves unverified. */
  behaviour?: Partial<M3Behaviour>;
}

/** Credentials a connector needs to reach the simulator either way. */
export interface M3Credentials {
  readonly company: string;
  readonly division: string;
  /** For `/m3api-rest/...` with HTTP Basic. */
  readonly basic: M3User;
  /** For `/{tenant}/M3/m3api-rest/...` with a bearer token from `tokenPath`. */
  readonly ion: {
    readonly tenant: string;
    readonly tokenPath: string;
    readonly clientId: string;
    readonly clientSecret: string;
    readonly serviceAccountAccessKey: string;
    readonly serviceAccountSecretKey: string;
  };
}

export interface M3Simulator extends SimulatorDefinition {
  credentials(): M3Credentials;
  /** The `.ionapi` file for the simulator listening at `baseUrl`. */
  ionApiFile(baseUrl: string): IonApiFile;
}

const PROGRAMS = programTable({
  CRS610MI: crs610mi,
  OIS100MI: ois100mi,
  MMS200MI: mms200mi,
  MMS060MI: mms060mi,
});

/** An Infor M3 `m3api-rest` simulator (reference Part B) with ION API OAuth and Basic auth. */
export function createM3Simulator(options: M3SimulatorOptions = {}): M3Simulator {
  const seed = options.seed ?? 1;
  const clock = options.clock ?? Date.now;
  const company = options.company ?? '100';
  const division = options.division ?? 'AAA';
  const behaviour: M3Behaviour = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
  const users = options.users ?? DEFAULT_M3_USERS;
  const client = defaultIonClient(options.tenant ?? DEFAULT_M3_TENANT);
  // Tokens are not seed data: they survive reset() so a test can reset between cases and go on.
  const tokens = new IonTokens(clock, options.tokenLifetimeSeconds ?? 7200);
  let store: M3Store = seedM3Store(seed, company, division);
  const context: M3Context = {
    get store() {
      return store;
    },
    company,
    division,
    behaviour,
    today: () => m3Date(clock()),
  };
  const runtime = {
    programs: PROGRAMS,
    context,
    behaviour,
    users: new Map(users.map((user) => [user.username, user.password])),
    client,
    tokens,
  };
  return {
    name: 'm3',
    routes: m3Routes(runtime),
    state: () => m3State(store, company),
    reset: () => {
      store = seedM3Store(seed, company, division);
    },
    faultBody: (status) => ({ Message: `Injected server error ${status}`, '@type': 'ServerError' }),
    credentials: () => credentialsOf(client, users, company, division),
    ionApiFile: (baseUrl) => ionApiFile(client, baseUrl),
  };
}

function credentialsOf(
  client: IonClient,
  users: readonly M3User[],
  company: string,
  division: string,
): M3Credentials {
  return {
    company,
    division,
    basic: users[0] ?? { username: '', password: '' },
    ion: {
      tenant: client.tenant,
      tokenPath: tokenPath(client.tenant),
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      serviceAccountAccessKey: client.accessKey,
      serviceAccountSecretKey: client.secretKey,
    },
  };
}

export interface RunningM3Simulator extends RunningSimulator {
  readonly simulator: M3Simulator;
  credentials(): M3Credentials;
  /** The `.ionapi` file pointing at this running simulator. */
  ionApiFile(): IonApiFile;
}

/** Simulator options plus where to listen and which faults to inject. */
export type StartM3SimulatorOptions = M3SimulatorOptions & Omit<StartSimulatorOptions, 'seed'>;

/** Starts an M3 simulator on 127.0.0.1 (port 0 = any free port). */
export async function startM3Simulator(options: StartM3SimulatorOptions = {}): Promise<RunningM3Simulator> {
  const simulator = createM3Simulator(options);
  const running = await startSimulator(simulator, { ...options, seed: options.seed ?? 1 });
  return {
    ...running,
    simulator,
    credentials: () => simulator.credentials(),
    ionApiFile: () => simulator.ionApiFile(running.url),
  };
}
