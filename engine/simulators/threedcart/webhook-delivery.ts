import { setTimeout as sleep } from 'node:timers/promises';
import type { ThreeDCartSettings } from './threedcart-settings.ts';
import type { Webhook, WebhookEventName } from './webhook-model.ts';

/** One POST to a receiver. */
export interface WebhookAttempt {
  /** Store-local time of the attempt. */
  at: string;
  /** The receiver's HTTP status, when it answered. */
  status?: number;
  /** Why there was no answer (refused, timed out…). */
  error?: string;
}

/** One event sent to one webhook, with every attempt made. */
export interface WebhookDelivery {
  id: number;
  webhookId: number;
  event: WebhookEventName;
  eventType: number;
  url: string;
  /** The JSON body, fixed when the event happened. */
  body: string;
  state: 'pending' | 'delivered' | 'failed' | 'cancelled';
  attempts: WebhookAttempt[];
}

/**
 * Sends events to the subscribed webhooks in the background (the API answer never waits for them)
 * and retries a receiver that fails: up to `attempts` POSTs, waiting `backoffMs`, then twice as long
 * each time. UNVERIFIED (§9, §13.4): 3dcart documents neither the payload nor any retry policy; the
 * body is `[record]` or the record (setting `webhookPayload`), always JSON (an XML-format webhook
 * gets JSON too), unsigned since the webhook object has no secret.
 */
export class WebhookDispatcher {
  readonly #settings: ThreeDCartSettings;
  readonly #now: () => string;
  readonly #pending = new Set<Promise<void>>();
  #deliveries: WebhookDelivery[] = [];
  #controller = new AbortController();
  #nextId = 1;

  constructor(settings: ThreeDCartSettings, now: () => string) {
    this.#settings = settings;
    this.#now = now;
  }

  /** The delivery log, oldest first. */
  get deliveries(): readonly WebhookDelivery[] {
    return this.#deliveries;
  }

  /** Queues a delivery to every enabled webhook subscribed to the event. */
  dispatch(webhooks: Iterable<Webhook>, event: WebhookEventName, record: object): void {
    const eventType = this.#settings.webhookEventTypes[event];
    let body: string | undefined;
    for (const webhook of webhooks) {
      if (!webhook.Enabled || webhook.EventType !== eventType) continue;
      body ??= JSON.stringify(this.#settings.webhookPayload === 'array' ? [record] : record);
      const delivery: WebhookDelivery = {
        id: this.#nextId++,
        webhookId: webhook.Id,
        event,
        eventType,
        url: webhook.Url,
        body,
        state: 'pending',
        attempts: [],
      };
      this.#remember(delivery);
      const task: Promise<void> = this.#deliver(delivery, this.#controller.signal).finally(() =>
        this.#pending.delete(task),
      );
      this.#pending.add(task);
    }
  }

  /** Resolves once no delivery is pending (including retries queued meanwhile). */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  /** Cancels pending deliveries and retries; with `clearLog`, forgets the log too. */
  cancel(clearLog: boolean): void {
    this.#controller.abort();
    this.#controller = new AbortController();
    if (clearLog) {
      this.#deliveries = [];
      this.#nextId = 1;
    }
  }

  #remember(delivery: WebhookDelivery): void {
    this.#deliveries.push(delivery);
    if (this.#deliveries.length > this.#settings.deliveryLogLimit) this.#deliveries.shift();
  }

  async #deliver(delivery: WebhookDelivery, signal: AbortSignal): Promise<void> {
    const { attempts, backoffMs } = this.#settings.webhookRetry;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (signal.aborted) break;
      const outcome = await this.#post(delivery, signal);
      delivery.attempts.push(outcome);
      if (outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300) {
        delivery.state = 'delivered';
        return;
      }
      if (attempt < attempts) {
        await sleep(backoffMs * 2 ** (attempt - 1), undefined, { signal }).catch(() => undefined);
      }
    }
    delivery.state = signal.aborted ? 'cancelled' : 'failed';
  }

  async #post(delivery: WebhookDelivery, signal: AbortSignal): Promise<WebhookAttempt> {
    const at = this.#now();
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: delivery.body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.#settings.webhookRetry.timeoutMs)]),
      });
      // The body is not needed; reading it lets the connection be reused.
      await response.arrayBuffer().catch(() => undefined);
      return { at, status: response.status };
    } catch (thrown) {
      return { at, error: describeFailure(thrown) };
    }
  }
}

function describeFailure(thrown: unknown): string {
  if (!(thrown instanceof Error)) return String(thrown);
  const cause = thrown.cause instanceof Error ? `: ${thrown.cause.message}` : '';
  return `${thrown.message}${cause}`;
}
