import type { SimulatorRequest, SimulatorRoute } from '../common/simulator-http.ts';
import {
  type RunningSimulator,
  type SimulatorDefinition,
  type StartSimulatorOptions,
  startSimulator,
} from '../common/simulator-server.ts';
import { customersResource } from './ar-customers.ts';
import { receiptBatchesResource } from './ar-receipt-batches.ts';
import { codeTableResources } from './code-tables.ts';
import type { CompanyData } from './company-data.ts';
import { journalBatchesResource } from './gl-journal-batches.ts';
import { inventoryResources } from './ic-items.ts';
import { ordersResource } from './oe-orders.ts';
import { type Sage300Credential, Sage300SignOn, type Sage300User } from './sage300-auth.ts';
import { handleSage300Request, type Sage300Runtime } from './sage300-dispatch.ts';
import { errorBody, errorResponse, faultCode } from './sage300-errors.ts';
import type { Sage300Resource } from './sage300-resource.ts';
import { seedCompany } from './sage300-seed.ts';
import { DEFAULT_SETTINGS, type Sage300Settings } from './sage300-settings.ts';

/** Sage's sample companies (A1). */
export const DEFAULT_COMPANIES: readonly string[] = ['SAMINC', 'SAMLTD'];

/**
 * `WEBAPI`/`WEBAPI` is E1's user; `LTDAPI` may only use SAMLTD; `OEUSER` has Web API rights for OE and
 * IC only, so AR and GL answer 403.
 */
export const DEFAULT_USERS: readonly Sage300User[] = [
  { user: 'WEBAPI', password: 'WEBAPI', companies: ['SAMINC', 'SAMLTD'] },
  { user: 'LTDAPI', password: 'LTDAPI', companies: ['SAMLTD'] },
  { user: 'OEUSER', password: 'OEUSER', companies: ['SAMINC'], modules: ['OE', 'IC'] },
];

export interface Sage300SimulatorOptions {
  /** Seed of the shared catalog and quantities; the same seed gives the same data. Default 1. */
  seed?: number;
  /** Org IDs served, each with its own copy of the seed data. */
  companies?: readonly string[];
  users?: readonly Sage300User[];
  /** Unverified behaviours (see Sage300Settings). */
  settings?: Partial<Sage300Settings>;
  /** Clock for order dates and maintenance dates. */
  now?: () => Date;
}

export interface Sage300Simulator extends SimulatorDefinition {
  /** Every user/company pair that can sign on; the first is the default (WEBAPI on SAMINC). */
  credentials(): Sage300Credential[];
  readonly settings: Readonly<Sage300Settings>;
}

const VERBS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function resourceIndex(): Map<string, Sage300Resource> {
  const resources = [
    ordersResource(),
    customersResource(),
    receiptBatchesResource(),
    journalBatchesResource(),
    ...inventoryResources(),
    ...codeTableResources(),
  ];
  return new Map(resources.map((resource) => [`${resource.module}/${resource.name}`, resource]));
}

export function createSage300Simulator(options: Sage300SimulatorOptions = {}): Sage300Simulator {
  const seed = options.seed ?? 1;
  const companies = (options.companies ?? DEFAULT_COMPANIES).map((company) => company.toUpperCase());
  const users = options.users ?? DEFAULT_USERS;
  const settings: Sage300Settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const runtime: Sage300Runtime = {
    settings,
    signOn: new Sage300SignOn(users),
    companies: new Map(),
    resources: resourceIndex(),
    now: options.now ?? (() => new Date()),
  };
  const reset = () => {
    for (const company of companies) runtime.companies.set(company, seedCompany(company, seed));
  };
  reset();
  // One catch-all route per verb: the Web API's own dispatcher decides 404/405 in Sage's error shape.
  const handler = (request: SimulatorRequest) => handleSage300Request(runtime, request);
  const routes: SimulatorRoute[] = VERBS.map((method) => ({ method, pattern: /^\//, handler }));
  return {
    name: 'sage300',
    routes,
    methodNotAllowed: (request) =>
      errorResponse(
        'MethodNotAllowed',
        `The requested resource does not support http method '${request.method}'.`,
      ),
    notFound: (request) => errorResponse('ResourceNotFound', `No Web API resource at ${request.path}.`),
    faultBody: (status) => errorBody(faultCode(status), `Injected fault: HTTP ${status}.`),
    state: () => stateOf(runtime.companies),
    reset,
    settings,
    credentials: () =>
      users.flatMap((user) =>
        user.companies.map((company) => ({ company, user: user.user, password: user.password })),
      ),
  };
}

/** Orders, customers, item quantities and batches per company, copied so callers cannot change them. */
function stateOf(companies: ReadonlyMap<string, CompanyData>): unknown {
  const state: Record<string, unknown> = {};
  for (const [company, data] of companies) {
    state[company] = {
      orders: data.orders.rows(),
      customers: data.customers.rows(),
      itemQuantities: data.locationDetails.rows(),
      batches: { glJournal: data.glBatches.rows(), receiptsAndAdjustments: data.receiptBatches.rows() },
    };
  }
  return structuredClone({ companies: state });
}

export interface RunningSage300Simulator extends RunningSimulator {
  readonly simulator: Sage300Simulator;
  credentials(): Sage300Credential[];
}

/** Creates the simulator and serves it on 127.0.0.1 (port 0 picks a free port). */
export async function startSage300Simulator(
  options: Sage300SimulatorOptions & Omit<StartSimulatorOptions, 'seed'> = {},
): Promise<RunningSage300Simulator> {
  const simulator = createSage300Simulator(options);
  const running = await startSimulator(simulator, {
    port: options.port,
    host: options.host,
    seed: options.seed,
    faults: options.faults,
  });
  return { ...running, simulator, credentials: () => simulator.credentials() };
}
