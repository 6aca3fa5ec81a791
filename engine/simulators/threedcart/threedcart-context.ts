import type { ApiRouteFactory } from './api-route.ts';
import type { ThreeDCartSettings } from './threedcart-settings.ts';
import type { ThreeDCartStore } from './threedcart-store.ts';
import type { WebhookEventName } from './webhook-model.ts';

/** What every resource module of the simulator works with. */
export interface ThreeDCartContext {
  readonly store: ThreeDCartStore;
  readonly settings: ThreeDCartSettings;
  readonly route: ApiRouteFactory;
  /** Store-local time now, `yyyy-MM-ddTHH:mm:ss` (§8). */
  now(): string;
  /** Tells the webhooks subscribed to the event; the record is serialized at once. */
  emit(event: WebhookEventName, record: object): void;
}
