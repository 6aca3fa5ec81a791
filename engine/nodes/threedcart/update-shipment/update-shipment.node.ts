import { z } from 'zod';
import { SHIPPED_STATUS_ID } from '../../../connectors/threedcart/order-statuses.ts';
import type { ThreeDCartClient } from '../../../connectors/threedcart/threedcart-client.ts';
import { shippedDateToday } from '../../../connectors/threedcart/threedcart-dates.ts';
import {
  checkRecord,
  type JsonObject,
  OrderKeysSchema,
} from '../../../connectors/threedcart/threedcart-records.ts';
import type { JsonValue } from '../../../contract/flow-document.ts';
import { BridgeflowError } from '../../../errors/bridgeflow-error.ts';
import { defineNodeType, emit, type ItemContext } from '../../node-type.ts';
import {
  evaluate,
  expressionParameter,
  expressionProblems,
  openStore,
  requireId,
  requireText,
  STORE_CREDENTIALS,
  timeoutParameter,
  writeReport,
} from '../threedcart-node-support.ts';

const parameters = z.object({
  /** `update` writes to an existing shipment; `add` creates a new one (a split shipment). */
  mode: z.enum(['update', 'add']).default('update'),
  orderId: expressionParameter('OrderID'),
  /** The shipment to update; null means the order's first shipment (often ShipmentID 0, §3). */
  shipmentId: expressionParameter('ShipmentID'),
  trackingNumber: expressionParameter('trackingNumber'),
  /** Free text in 3dcart (§8); null writes today's date as M/d/yyyy in the flow's time zone. */
  shippedDate: expressionParameter('shippedDate'),
  /** Carrier/method name; null leaves it as it is. */
  shippingMethod: expressionParameter('shippingMethod'),
  /** Set the shipment's status to Shipped (4); 3dcart then moves the order to Shipped or Partial. */
  markShipped: z.boolean().default(true),
  timeoutMs: timeoutParameter,
});

type UpdateShipmentParameters = z.output<typeof parameters>;
const EXPRESSIONS = ['orderId', 'shipmentId', 'trackingNumber', 'shippedDate', 'shippingMethod'] as const;

/**
 * Tracking back to the store the way ShipWorks does it: `PUT /Orders/{id}/Shipments/{shipmentId}` with
 * ShipmentTrackingCode, ShipmentShippedDate and ShipmentOrderStatus (reference/threedcart-api.md §2).
 */
export const updateShipmentNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'threedcart.updateShipment',
    version: 1,
    label: '3dcart: update shipment tracking',
    category: 'connector',
    icon: 'truck',
    summary: 'Record a tracking number and shipped date, and mark the shipment shipped',
    docs: [
      'Writes the tracking number, shipped date and (with **Mark shipped**) the status Shipped to a shipment of the order. Without a `shipmentId` the order’s first shipment is used, read from 3dcart first. **Add** creates a new shipment instead, for orders shipped in parts.',
      '',
      '3dcart keeps the shipped date as free text; without one, today’s date is written as `M/d/yyyy` in the flow’s time zone. When every shipment is shipped the order becomes Shipped, otherwise Partial.',
      '',
      'Outputs `{ OrderID, ShipmentID, ShipmentTrackingCode, ShipmentShippedDate, ShipmentOrderStatus, response }`. In dry-run the write is not sent: the output says `dryRun: true` and carries the simulated response.',
    ].join('\n'),
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [{ name: 'main', label: 'Updated' }],
    credentials: STORE_CREDENTIALS,
    expressionParameters: [...EXPRESSIONS],
    summaryParameters: ['mode', 'trackingNumber'],
  },
  parameters,
  validate: (values) => expressionProblems(values, EXPRESSIONS),
  async executeItem(json, context) {
    const { parameters } = context;
    const orderId = requireId(await evaluate(parameters.orderId, json), 'orderId');
    const shipment = await shipmentFields(json, context);
    const client = await openStore(context);
    if (parameters.mode === 'add') {
      const result = await client.write('POST', `Orders/${orderId}/Shipments`, shipment);
      const created = result.rows[0]?.Value;
      return emit({
        OrderID: orderId,
        ShipmentID: created === undefined ? null : Number(created),
        ...shipment,
        ...writeReport(result),
      });
    }
    const shipmentId = await targetShipment(client, orderId, await evaluate(parameters.shipmentId, json));
    const result = await client.write('PUT', `Orders/${orderId}/Shipments/${shipmentId}`, shipment);
    return emit({ OrderID: orderId, ShipmentID: shipmentId, ...shipment, ...writeReport(result) });
  },
});

async function shipmentFields(
  item: JsonValue,
  context: ItemContext<UpdateShipmentParameters>,
): Promise<JsonObject> {
  const { parameters } = context;
  const fields: JsonObject = {
    ShipmentTrackingCode: requireText(await evaluate(parameters.trackingNumber, item), 'trackingNumber'),
  };
  const shippedDate = await evaluate(parameters.shippedDate, item);
  fields.ShipmentShippedDate =
    shippedDate === null || shippedDate === ''
      ? shippedDateToday(context.now(), context.flowSettings.timezone)
      : requireText(shippedDate, 'shippedDate');
  const method = await evaluate(parameters.shippingMethod, item);
  if (method !== null && method !== '') fields.ShipmentMethodName = requireText(method, 'shippingMethod');
  if (parameters.markShipped) fields.ShipmentOrderStatus = SHIPPED_STATUS_ID;
  return fields;
}

/** The shipment named by the item, else the order's first one (read from 3dcart). */
async function targetShipment(client: ThreeDCartClient, orderId: number, given: JsonValue): Promise<number> {
  if (given !== null && given !== '') return requireId(given, 'shipmentId');
  const [row] = await client.read(`Orders/${orderId}`);
  if (row === undefined) {
    throw new BridgeflowError('CONNECTOR_NOT_FOUND', `3dcart has no order ${orderId}`, { retryable: false });
  }
  const first = checkRecord(row, OrderKeysSchema, 'order').keys.ShipmentList?.[0];
  if (first === undefined) {
    throw new BridgeflowError(
      'CONNECTOR_VALIDATION',
      `Order ${orderId} has no shipment to update; use the mode "add" to create one`,
      { retryable: false },
    );
  }
  return first.ShipmentID;
}
