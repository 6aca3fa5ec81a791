import { integer, text } from './field-builders.ts';
import type { RecordSchema } from './record-schema.ts';

// Facts: threedcart-api.md §2 (status via PUT /Orders/{id} with OrderStatusID), §3 (widths), §4 (status
// ids), §12 (example). The order id travels in the URL, set on the connector node.

/** Body of PUT /Orders/{orderid} that changes the status (threedcart-api.md §2, §12). */
export const THREEDCART_ORDER_STATUS_UPDATE: RecordSchema = {
  id: 'threedcart.OrderStatusUpdate',
  title: '3dcart order status update',
  system: '3dcart',
  direction: 'target',
  description:
    'Body of PUT /Orders/{orderid}. Whether this also changes shipment statuses or sends e-mails is ' +
    'unverified (§13 question 6).',
  unknownFields: 'reject',
  fields: [
    integer(
      'OrderStatusID',
      'New status: 1 New, 2 Processing, 3 Partial, 4 Shipped, 5 Cancelled, 6 Hold (§4)',
      {
        required: true,
      },
    ),
    text(
      'InternalComments',
      65535,
      'Replaces the internal comments, e.g. "Exported to ERP as SO-000123" (§3)',
    ),
    text('ExternalComments', 50, 'Comments shown to the customer (§3: 50)'),
  ],
};
