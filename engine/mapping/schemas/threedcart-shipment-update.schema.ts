import { pickOptional } from './field-builders.ts';
import type { RecordSchema } from './record-schema.ts';
import { THREEDCART_SHIPMENT_FIELDS } from './threedcart-order-lists.schema.ts';

// Facts: threedcart-api.md §2 (tracking and status via PUT .../Shipments/{id}, fields sent by ShipWorks),
// §3 (types and widths), §10 (PUT is partial), §12 (example). The ids travel in the URL, set on the
// connector node, not in this body.

/** Body of PUT /Orders/{orderid}/Shipments/{shipmentid} (threedcart-api.md §2, §12). */
export const THREEDCART_SHIPMENT_UPDATE: RecordSchema = {
  id: 'threedcart.ShipmentUpdate',
  title: '3dcart shipment update',
  system: '3dcart',
  direction: 'target',
  description:
    'Body of PUT /Orders/{orderid}/Shipments/{shipmentid}: tracking, shipped date and the shipment ' +
    'status; only the fields sent change (§2, §10).',
  unknownFields: 'reject',
  fields: pickOptional(THREEDCART_SHIPMENT_FIELDS, [
    'ShipmentOrderStatus',
    'ShipmentTrackingCode',
    'ShipmentShippedDate',
    'ShipmentMethodID',
    'ShipmentMethodName',
    'ShipmentWeight',
    'ShipmentBoxes',
    'ShipmentCost',
    'ShipmentInternalComment',
    'ShipmentFirstName',
    'ShipmentLastName',
    'ShipmentCompany',
    'ShipmentAddress',
    'ShipmentAddress2',
    'ShipmentCity',
    'ShipmentState',
    'ShipmentZipCode',
    'ShipmentCountry',
    'ShipmentPhone',
    'ShipmentEmail',
  ]),
};
