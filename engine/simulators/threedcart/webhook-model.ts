import { z } from 'zod';

// Webhook subscriptions (reference/threedcart-api.md §3 "Webhook", §9). The object has no secret
// field, so deliveries are unsigned.

/** The events a store can send (§9: three at launch, seven in v8). */
export const WEBHOOK_EVENTS = [
  'OrderNew',
  'OrderStatusChange',
  'CustomerNew',
  'ProductNew',
  'ProductChanged',
  'ProductDeleted',
  'ProductStockChanged',
] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

/**
 * UNVERIFIED (§9, §13.4): the numeric EventType of each event was never found. The only hint is a
 * third-party script using 2 for "Product Added"; the rest is a plausible numbering. Change it with
 * the `webhookEventTypes` option.
 */
export const DEFAULT_WEBHOOK_EVENT_TYPES: Readonly<Record<WebhookEventName, number>> = {
  OrderNew: 1,
  ProductNew: 2,
  OrderStatusChange: 3,
  CustomerNew: 4,
  ProductChanged: 5,
  ProductDeleted: 6,
  ProductStockChanged: 7,
};

export interface Webhook {
  Id: number;
  Name: string;
  Url: string;
  EventType: number;
  /** `MM/dd/yyyy HH:mm`, store-local (§8, DOC-HELP samples). */
  DateCreated: string;
  DateUpdated: string;
  Format: string;
  Enabled: boolean;
}

const url = z.url({ protocol: /^https?$/ }).max(1000);
const format = z.enum(['JSON', 'XML']);

export const WebhookCreateSchema = z.object({
  Name: z.string().max(80),
  Url: url,
  EventType: z.int(),
  Format: format.default('JSON'),
  Enabled: z.boolean().default(true),
});

export const WebhookUpdateSchema = z.object({
  Name: z.string().max(80).optional(),
  Url: url.optional(),
  EventType: z.int().optional(),
  Format: format.optional(),
  Enabled: z.boolean().optional(),
});
