import type { RunningM3Simulator } from './m3/m3-simulator.ts';
import { startM3Simulator } from './m3/m3-simulator.ts';
import { type RunningSage300Simulator, startSage300Simulator } from './sage300/sage300-simulator.ts';
import {
  type RunningThreeDCartSimulator,
  startThreeDCartSimulator,
} from './threedcart/threedcart-simulator.ts';

/** The three simulators, started together: the product's "sandbox" environment. */
export interface Sandbox {
  readonly threedcart: RunningThreeDCartSimulator;
  readonly sage300: RunningSage300Simulator;
  readonly m3: RunningM3Simulator;
  close(): Promise<void>;
}

export interface SandboxOptions {
  seed?: number;
  /** 3dcart listens on portBase, Sage 300 on portBase + 1, M3 on portBase + 2; 0 (default) picks free ports. */
  portBase?: number;
}

/** Starts all three simulators from one seed; if one cannot start, the others are closed again. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? 1;
  const port = (offset: number) => (options.portBase ? options.portBase + offset : 0);
  const started: { close(): Promise<void> }[] = [];
  try {
    const threedcart = await startThreeDCartSimulator({ seed, port: port(0) });
    started.push(threedcart);
    const sage300 = await startSage300Simulator({ seed, port: port(1) });
    started.push(sage300);
    const m3 = await startM3Simulator({ seed, port: port(2) });
    started.push(m3);
    return {
      threedcart,
      sage300,
      m3,
      close: async () => void (await Promise.all(started.map((each) => each.close()))),
    };
  } catch (thrown) {
    await Promise.all(started.map((each) => each.close()));
    throw thrown;
  }
}

/** Credential ids the templates use, and the sandbox environment fills. */
export const SANDBOX_CREDENTIAL_IDS = {
  store: 'threedcart-store',
  sage300: 'sage300-erp',
  m3: 'm3-erp',
} as const;

/**
 * The sandbox's credentials as the credential store holds them (fields per credential type), under
 * the ids the templates use: what the designer's sandbox environment and tests sign in with.
 */
export function sandboxCredentials(sandbox: Sandbox): Record<string, Record<string, string>> {
  const store = sandbox.threedcart.simulator.credentials();
  const sage = sandbox.sage300.credentials().find((credential) => credential.company === 'SAMINC');
  const m3 = sandbox.m3.credentials();
  if (!sage) throw new Error('The Sage 300 simulator has no SAMINC sign-on');
  return {
    [SANDBOX_CREDENTIAL_IDS.store]: {
      apiUrl: sandbox.threedcart.apiUrl,
      secureUrl: store.secureUrl,
      privateKey: store.privateKey,
      token: store.token,
    },
    [SANDBOX_CREDENTIAL_IDS.sage300]: {
      baseUrl: `${sandbox.sage300.url}/Sage300WebApi`,
      company: sage.company,
      username: sage.user,
      password: sage.password,
    },
    [SANDBOX_CREDENTIAL_IDS.m3]: {
      mode: 'basic',
      baseUrl: sandbox.m3.url,
      username: m3.basic.username,
      password: m3.basic.password,
      company: m3.company,
    },
  };
}

/** What `bridgeflow sandbox` prints: base URLs and credentials of each simulator. */
export function describeSandbox(sandbox: Sandbox): string {
  const store = sandbox.threedcart.simulator.credentials();
  const [sage] = sandbox.sage300.credentials();
  const m3 = sandbox.m3.credentials();
  return [
    `3dcart    ${sandbox.threedcart.apiUrl}`,
    `          SecureURL: ${store.secureUrl}  PrivateKey: ${store.privateKey}  Token: ${store.token}`,
    `          OAuth bearer: ${store.accessToken}`,
    `Sage 300  ${sandbox.sage300.url}/Sage300WebApi/v1.0/-/${sage?.company ?? 'SAMINC'}/`,
    `          Basic ${sage?.user ?? ''} / ${sage?.password ?? ''}`,
    `Infor M3  ${sandbox.m3.url}/m3api-rest/v2/execute/  (Basic ${m3.basic.username} / ${m3.basic.password}, CONO ${m3.company})`,
    `          ION: ${sandbox.m3.url}/${m3.ion.tenant}/M3/m3api-rest/ (write the .ionapi file with --ionapi <file>)`,
    `Admin     GET <base>/_admin/state · POST <base>/_admin/reset · GET|PUT <base>/_admin/faults`,
  ].join('\n');
}

/** Options of {@link driveStorefront}. */
export interface StorefrontLoad {
  orders: number;
  /** Orders per second. */
  rate: number;
  signal?: AbortSignal;
  onOrder?(orderId: number, index: number): void;
}

/**
 * Creates `orders` random orders in the 3dcart simulator at `rate` per second, as shoppers would;
 * each fires the "Order New" webhooks registered in the simulator. Resolves with the order ids.
 */
export async function driveStorefront(sandbox: Sandbox, load: StorefrontLoad): Promise<number[]> {
  const ids: number[] = [];
  const started = performance.now();
  for (let index = 0; index < load.orders && !load.signal?.aborted; index++) {
    const due = started + (index * 1000) / load.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const order = sandbox.threedcart.simulator.createOrder();
    ids.push(order.OrderID);
    load.onOrder?.(order.OrderID, index);
  }
  return ids;
}

/** Registers a webhook in the 3dcart simulator through its own API, as a merchant would. */
export async function registerStoreWebhook(
  sandbox: Sandbox,
  event: 'OrderNew' | 'OrderStatusChange',
  url: string,
): Promise<void> {
  const store = sandbox.threedcart.simulator.credentials();
  const eventType = sandbox.threedcart.simulator.settings.webhookEventTypes[event];
  const response = await fetch(`${sandbox.threedcart.apiUrl}/Webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      SecureURL: store.secureUrl,
      PrivateKey: store.privateKey,
      Token: store.token,
    },
    body: JSON.stringify({ Name: `Bridgeflow ${event}`, Url: url, EventType: eventType, Format: 'JSON' }),
  });
  if (!response.ok)
    throw new Error(`Registering the ${event} webhook failed: ${response.status} ${await response.text()}`);
}
