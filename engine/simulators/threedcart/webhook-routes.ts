import type { SimulatorRoute } from '../common/simulator-http.ts';
import { type ApiRequest, bodyItems, idParam } from './api-route.ts';
import { FilterBuilder } from './query-filters.ts';
import type { ThreeDCartContext } from './threedcart-context.ts';
import { webhookTimestamp, webhookTimestampToStore } from './threedcart-dates.ts';
import { isTrue, listResponse, MAXIMUM_LIMIT } from './threedcart-paging.ts';
import {
  ApiError,
  CREATED_MESSAGE,
  DELETED_MESSAGE,
  errorResponse,
  resultRow,
  UPDATED_MESSAGE,
  writeResults,
} from './threedcart-responses.ts';
import { type Webhook, WebhookCreateSchema, WebhookUpdateSchema } from './webhook-model.ts';
import { writeRow } from './write-rows.ts';

// `/Webhooks` CRUD (reference/threedcart-api.md §2 "Other", §9; DOC-HELP).

export function webhookRoutes(context: ThreeDCartContext): SimulatorRoute[] {
  const { route, store, settings } = context;
  const spec = {
    maximum: MAXIMUM_LIMIT.other,
    noun: 'webhooks',
    limitAboveMaximum: settings.limitAboveMaximum,
  };
  return [
    route('GET', 'Webhooks', (request) =>
      listResponse(store.webhooks.values(), webhookFilter(request.query), request.query, spec),
    ),
    route('GET', 'Webhooks/(?<webhookId>\\d+)', (request) => {
      const webhook = store.webhooks.get(idParam(request, 'webhookId'));
      return webhook ? { status: 200, body: [webhook] } : errorResponse(404, 'No webhooks found');
    }),
    route('POST', 'Webhooks', (request) => {
      const rows = bodyItems(request.body).map((item) =>
        writeRow(() => {
          const webhook = createWebhook(context, item);
          return resultRow('Id', webhook.Id, 201, CREATED_MESSAGE);
        }),
      );
      return writeResults(rows, 201);
    }),
    route('PUT', 'Webhooks/(?<webhookId>\\d+)', (request) => {
      const webhook = findWebhook(context, request);
      Object.assign(webhook, WebhookUpdateSchema.parse(request.body));
      webhook.DateUpdated = webhookTimestamp(context.now());
      return writeResults([resultRow('Id', webhook.Id, 200, UPDATED_MESSAGE)], 200);
    }),
    route('DELETE', 'Webhooks/(?<webhookId>\\d+)', (request) => {
      const webhook = findWebhook(context, request);
      store.webhooks.delete(webhook.Id);
      return writeResults([resultRow('Id', webhook.Id, 200, DELETED_MESSAGE)], 200);
    }),
  ];
}

function createWebhook(context: ThreeDCartContext, body: unknown): Webhook {
  const input = WebhookCreateSchema.parse(body);
  const stamp = webhookTimestamp(context.now());
  const webhook: Webhook = {
    Id: context.store.allocate('webhook'),
    Name: input.Name,
    Url: input.Url,
    EventType: input.EventType,
    DateCreated: stamp,
    DateUpdated: stamp,
    Format: input.Format,
    Enabled: input.Enabled,
  };
  context.store.webhooks.set(webhook.Id, webhook);
  return webhook;
}

function findWebhook(context: ThreeDCartContext, request: ApiRequest): Webhook {
  const webhook = context.store.webhooks.get(idParam(request, 'webhookId'));
  if (webhook === undefined) throw new ApiError(404, 'Not found', false);
  return webhook;
}

/** DOC-HELP filters; `enabled` is -1 (all, the default), 0 or 1. */
function webhookFilter(query: ReadonlyMap<string, string>) {
  return new FilterBuilder<Webhook>(query)
    .contains('name', (webhook) => webhook.Name)
    .contains('url', (webhook) => webhook.Url)
    .custom('enabled', (value) => {
      if (value === '-1') return () => true;
      const wanted = isTrue(value);
      return (webhook) => webhook.Enabled === wanted;
    })
    .equals('format', (webhook) => webhook.Format)
    .dateRange('datecreatedstart', 'datecreatedend', (webhook) =>
      webhookTimestampToStore(webhook.DateCreated),
    )
    .dateRange('dateupdatedstart', 'dateupdatedend', (webhook) =>
      webhookTimestampToStore(webhook.DateUpdated),
    )
    .build();
}
