import type { z } from 'zod';
import { SeededRandom } from '../common/seeded-random.ts';
import { json, type SimulatorRoute } from '../common/simulator-http.ts';
import {
  type RunningSimulator,
  type SimulatorDefinition,
  type StartSimulatorOptions,
  startSimulator,
} from '../common/simulator-server.ts';
import { advancedOptionRoutes } from './advanced-option-routes.ts';
import { createApiRouteFactory } from './api-route.ts';
import type { Customer } from './customer-model.ts';
import { customerRoutes } from './customer-routes.ts';
import { LeakyBucket } from './leaky-bucket.ts';
import { oauthRoutes } from './oauth-routes.ts';
import { orderChildResourceRoutes } from './order-child-routes.ts';
import { draftOrder } from './order-draft.ts';
import { type Order, OrderCreateSchema } from './order-model.ts';
import { orderRoutes } from './order-routes.ts';
import { orderStatusRoutes, setOrderStatus } from './order-status.ts';
import { createOrder } from './order-writes.ts';
import type { Product } from './product-model.ts';
import { productRoutes } from './product-routes.ts';
import { setOptionStock, setProductStock } from './product-stock.ts';
import type { SeedPeople } from './seed-orders.ts';
import { seedStore } from './seed-store.ts';
import type { ThreeDCartContext } from './threedcart-context.ts';
import { storeTimestamp } from './threedcart-dates.ts';
import { errorResponse } from './threedcart-responses.ts';
import {
  resolveSettings,
  type ThreeDCartCredentials,
  type ThreeDCartSettings,
  type ThreeDCartSimulatorOptions,
} from './threedcart-settings.ts';
import { ThreeDCartStore } from './threedcart-store.ts';
import { type WebhookDelivery, WebhookDispatcher } from './webhook-delivery.ts';
import type { Webhook } from './webhook-model.ts';
import { webhookRoutes } from './webhook-routes.ts';

/** A `POST /Orders` body, as the load driver may pass it. */
export type OrderCreateBody = z.input<typeof OrderCreateSchema>;

/** Everything the simulator holds (`GET /_admin/state`); a copy, safe to keep. */
export interface ThreeDCartState {
  orders: Order[];
  customers: Customer[];
  products: Product[];
  /** Stock by SKU: products' SKUInfo.Stock and variants' AdvancedOptionStock. */
  stock: Record<string, number>;
  webhooks: Webhook[];
  webhookDeliveries: WebhookDelivery[];
}

/** The simulator definition plus helpers for tests and the load driver. */
export interface ThreeDCartSimulator extends SimulatorDefinition {
  readonly settings: ThreeDCartSettings;
  state(): ThreeDCartState;
  credentials(): ThreeDCartCredentials;
  /** Creates an order as `POST /Orders` would (stock, webhooks); a random realistic one without a body. */
  createOrder(body?: OrderCreateBody): Order;
  /** Changes an order's status as `PUT /Orders/{id}` would ("Order Status Change" webhooks). */
  setOrderStatus(orderId: number, statusId: number): Order;
  /** Sets the stock of a product SKU or variant SKU ("Product Stock Changed" webhooks). */
  setStock(sku: string, stock: number): void;
  /** The webhook delivery log, oldest first (live view). */
  deliveries(): readonly WebhookDelivery[];
  /** Resolves when no webhook delivery is pending. */
  idle(): Promise<void>;
  /** Stops pending webhook deliveries and retries (the server is closing). */
  cancelDeliveries(): void;
}

/** The 3dcart / Shift4Shop REST API (reference/threedcart-api.md), seeded and in memory. */
export function createThreeDCartSimulator(options: ThreeDCartSimulatorOptions = {}): ThreeDCartSimulator {
  const settings = resolveSettings(options);
  const store = new ThreeDCartStore();
  const now = () => storeTimestamp(settings.clock(), settings.timezone);
  const dispatcher = new WebhookDispatcher(settings, now);
  const bucket = settings.rateLimit
    ? new LeakyBucket(settings.rateLimit.burst, settings.rateLimit.perSecond, settings.clock)
    : undefined;
  const context: ThreeDCartContext = {
    store,
    settings,
    route: createApiRouteFactory(settings, bucket),
    now,
    emit: (event, record) => dispatcher.dispatch(store.webhooks.values(), event, record),
  };
  const seeded = { people: seedStore(store, settings), random: new SeededRandom(settings.seed ^ 0x10ad) };
  return {
    name: 'threedcart',
    settings,
    routes: allRoutes(context),
    // ASP.NET Web API's own answers for unknown paths and verbs.
    notFound: (request) =>
      json(404, { Message: `No HTTP resource was found that matches the request URI '${request.path}'.` }),
    methodNotAllowed: (request) =>
      json(405, { Message: `The requested resource does not support http method '${request.method}'.` }),
    faultBody: (status) => errorResponse(status, 'An error has occurred.').body,
    state: () => snapshot(store, dispatcher),
    reset: () => {
      dispatcher.cancel(true);
      bucket?.reset();
      seeded.people = seedStore(store, settings);
      seeded.random = new SeededRandom(settings.seed ^ 0x10ad);
    },
    ...loadDriverHelpers(context, dispatcher, seeded),
  };
}

function allRoutes(context: ThreeDCartContext): SimulatorRoute[] {
  return [
    ...oauthRoutes(context.settings),
    ...orderRoutes(context),
    ...orderChildResourceRoutes(context),
    ...orderStatusRoutes(context),
    ...productRoutes(context),
    ...advancedOptionRoutes(context),
    ...customerRoutes(context),
    ...webhookRoutes(context),
  ];
}

type LoadDriverHelpers = Pick<
  ThreeDCartSimulator,
  'credentials' | 'createOrder' | 'setOrderStatus' | 'setStock' | 'deliveries' | 'idle' | 'cancelDeliveries'
>;

/** The helpers go through the same code as the API, so stock and webhooks behave alike. */
function loadDriverHelpers(
  context: ThreeDCartContext,
  dispatcher: WebhookDispatcher,
  seeded: { people: SeedPeople; random: SeededRandom },
): LoadDriverHelpers {
  const { settings, store } = context;
  return {
    credentials: () => ({
      secureUrl: settings.storeUrl,
      privateKey: settings.privateKey,
      token: settings.token,
      publicKey: settings.publicKey,
      accessToken: settings.accessToken,
    }),
    createOrder: (body) => {
      const input =
        body === undefined
          ? randomOrder(context, seeded.random, seeded.people)
          : OrderCreateSchema.parse(body);
      return structuredClone(createOrder(context, input, false));
    },
    setOrderStatus: (orderId, statusId) => {
      const order = store.orders.get(orderId);
      if (order === undefined) throw new Error(`No order ${orderId}`);
      setOrderStatus(context, order, statusId);
      return structuredClone(order);
    },
    setStock: (sku, stock) => {
      const target = store.findSku(sku);
      if (target === undefined) throw new Error(`No product or variant with SKU ${sku}`);
      if (target.option) setOptionStock(context, target.product, target.option, stock);
      else setProductStock(context, target.product, stock);
    },
    deliveries: () => dispatcher.deliveries,
    idle: () => dispatcher.idle(),
    cancelDeliveries: () => dispatcher.cancel(false),
  };
}

/** A checkout as a shopper would make it: one in five a guest, one in four with a coupon. */
function randomOrder(context: ThreeDCartContext, random: SeededRandom, people: SeedPeople) {
  const guest = random.chance(0.2) && people.guests.length > 0;
  const buyer = guest ? { customerId: 0, person: random.pick(people.guests) } : random.pick(people.customers);
  return draftOrder(random, context.store, buyer, { coupon: random.chance(0.25), promotion: false });
}

function snapshot(store: ThreeDCartStore, dispatcher: WebhookDispatcher): ThreeDCartState {
  const stock: Record<string, number> = {};
  for (const product of store.products.values()) {
    stock[product.SKUInfo.SKU] = product.SKUInfo.Stock;
    for (const option of product.AdvancedOptionList)
      stock[option.AdvancedOptionSufix] = option.AdvancedOptionStock;
  }
  return structuredClone({
    orders: [...store.orders.values()],
    customers: [...store.customers.values()],
    products: [...store.products.values()],
    stock,
    webhooks: [...store.webhooks.values()],
    webhookDeliveries: [...dispatcher.deliveries],
  });
}

/** A running 3dcart simulator with its definition and the API base URL (v2). */
export interface RunningThreeDCartSimulator extends RunningSimulator {
  readonly simulator: ThreeDCartSimulator;
  /** `{url}/3dCartWebAPI/v2`. */
  readonly apiUrl: string;
}

/** Creates and serves a 3dcart simulator on 127.0.0.1 (port 0 picks a free one). */
export async function startThreeDCartSimulator(
  options: ThreeDCartSimulatorOptions & Omit<StartSimulatorOptions, 'seed'> = {},
): Promise<RunningThreeDCartSimulator> {
  const { port, host, faults, ...simulatorOptions } = options;
  const simulator = createThreeDCartSimulator(simulatorOptions);
  const running = await startSimulator(simulator, {
    seed: simulator.settings.seed,
    ...(port === undefined ? {} : { port }),
    ...(host === undefined ? {} : { host }),
    ...(faults === undefined ? {} : { faults }),
  });
  return {
    name: running.name,
    url: running.url,
    port: running.port,
    faults: running.faults,
    simulator,
    apiUrl: `${running.url}/3dCartWebAPI/v2`,
    close: async () => {
      simulator.cancelDeliveries();
      await running.close();
    },
  };
}
