// Serves the 3dcart and Sage 300 simulators in their own thread, so the runtime under test (and
// the webhook sender) keep their core: the load suites and the runtime benchmark measure the
// runtime, not the simulators. 3dcart runs without its leaky bucket (a store with a larger API
// allowance; the runtime's credential says so), or 1,000 orders would take 17 minutes at 2/s.
import { parentPort } from 'node:worker_threads';
import { startSage300Simulator } from '../../engine/simulators/sage300/sage300-simulator.ts';
import { startThreeDCartSimulator } from '../../engine/simulators/threedcart/threedcart-simulator.ts';

const threedcart = await startThreeDCartSimulator({ rateLimit: false });
const sage300 = await startSage300Simulator({});
const store = threedcart.simulator.credentials();
const sage = sage300.credentials().find((credential) => credential.company === 'SAMINC');
if (!sage) throw new Error('The Sage 300 simulator has no SAMINC sign-on');

/** What the main thread gets: URLs and sign-ons, as plain data. */
export interface OrderSandboxAddress {
  threedcartUrl: string;
  threedcartApiUrl: string;
  store: { secureUrl: string; privateKey: string; token: string };
  sageUrl: string;
  sage: { company: string; user: string; password: string };
}

const address: OrderSandboxAddress = {
  threedcartUrl: threedcart.url,
  threedcartApiUrl: threedcart.apiUrl,
  store: { secureUrl: store.secureUrl, privateKey: store.privateKey, token: store.token },
  sageUrl: sage300.url,
  sage: { company: sage.company, user: sage.user, password: sage.password },
};
parentPort?.postMessage(address);
parentPort?.on('message', async (message: unknown) => {
  if (message === 'close') {
    await Promise.all([threedcart.close(), sage300.close()]);
    parentPort?.close();
  }
});
