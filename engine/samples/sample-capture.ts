import { standaloneContext } from '../connectors/common/standalone-context.ts';
import { ThreeDCartClient } from '../connectors/threedcart/threedcart-client.ts';
import { parseThreeDCartCredentials } from '../connectors/threedcart/threedcart-credentials.ts';
import type { JsonValue } from '../contract/flow-document.ts';
import type { HttpExchange } from '../contract/run-trace.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import type { EngineServices } from '../run/services.ts';
import { createAnonymiser } from './sample-anonymiser.ts';
import type { SampleLibrary, SampleRef } from './sample-library.ts';

/** What to capture: orders of one 3dcart store, by id. */
export interface OrderCaptureOptions {
  orderIds: readonly number[];
  /** The store's credential fields (a `threedcart` credential: sandbox or real). */
  credentials: Record<string, string>;
  services: Pick<EngineServices, 'http' | 'clock' | 'logger'>;
  /** Replace names, e-mails, phones and addresses by fakes, consistently across these orders. */
  anonymise?: boolean;
  signal?: AbortSignal;
}

/** The orders read, in the order asked, and the HTTP calls made (secrets masked). */
export interface OrderCapture {
  orders: JsonValue[];
  exchanges: HttpExchange[];
}

/**
 * Reads orders from a 3dcart store through the connector (its rate limiter, retries and error
 * reading), as GET /Orders/{id} returns them (threedcart-api.md §2, §12). CONNECTOR_NOT_FOUND names
 * an order the store does not have; nothing is returned then.
 */
export async function captureOrders(options: OrderCaptureOptions): Promise<OrderCapture> {
  const signal = options.signal ?? new AbortController().signal;
  const { context, exchanges } = standaloneContext(
    'threedcart',
    options.credentials,
    options.services,
    signal,
  );
  const client = new ThreeDCartClient(context, parseThreeDCartCredentials(options.credentials));
  const anonymiser = options.anonymise ? createAnonymiser() : undefined;
  const orders: JsonValue[] = [];
  for (const orderId of options.orderIds) {
    const [order] = await client.read(`Orders/${orderId}`);
    if (order === undefined) {
      throw new BridgeflowError('CONNECTOR_NOT_FOUND', `The store has no order ${orderId} to capture`, {
        retryable: false,
      });
    }
    orders.push(anonymiser ? anonymiser.anonymise(order) : order);
  }
  return { orders, exchanges };
}

/**
 * Captures orders and saves them as one new sample: a list of orders, as 3dcart's order webhook
 * sends it (reference §9), so the order-webhook trigger takes it as it is. Never overwrites a sample.
 */
export async function captureOrderSample(
  library: SampleLibrary,
  ref: SampleRef,
  options: OrderCaptureOptions,
): Promise<OrderCapture> {
  const capture = await captureOrders(options);
  await library.create(ref, capture.orders);
  return capture;
}
