import { m3Date, m3Number, m3Text } from './field-builders.ts';
import type { RecordSchema } from './record-schema.ts';

// Facts: erp-apis.md B5 (AddBatchHead: mandatory CUNO, optional fields, output ORNO), B4 (widths of
// CONO, CUNO, ORTP, FACI, WHLO, CUOR; dates YYYYMMDD; all values strings), example E4. ORTP and FACI
// are often defaulted from the customer / OIS278 and fail the call when they are not (B5, unverified).
// AddBatchHead has about 70 inputs (B5); only those named in the reference are listed.

/** Inputs of OIS100MI/AddBatchHead, the batch customer order head (erp-apis.md B5). */
export const M3_OIS100MI_ADD_BATCH_HEAD: RecordSchema = {
  id: 'm3.OIS100MI.AddBatchHead',
  title: 'M3 OIS100MI/AddBatchHead (batch order head)',
  system: 'm3',
  direction: 'target',
  description:
    'Input fields of OIS100MI/AddBatchHead. Returns a temporary ORNO for AddBatchLine; Confirm turns ' +
    'the batch order into a customer order (B5).',
  unknownFields: 'reject',
  fields: [
    m3Number('CONO', 3, 'Company (B4 N3); usually the connection default'),
    m3Text('CUNO', 10, 'Customer number (B5 mandatory; B4 A10)', { required: true }),
    m3Text('ORTP', 3, 'Order type, e.g. WEB (B4 A3); often defaulted, unverified (B5)'),
    m3Text('FACI', 3, 'Facility (B4 A3); often defaulted, unverified (B5)'),
    m3Text('WHLO', 3, 'Warehouse (B4 A3)'),
    m3Date('ORDT', 'Order date (B4)'),
    m3Date('RLDT', 'Requested delivery date (B4)'),
    m3Text('CUOR', 20, "Customer's order reference, e.g. the web order number (B4 A20)"),
    m3Date('CUDT', "Customer's order date (B5)"),
    m3Text('CUCD', 3, 'Currency (B5; width 3 unverified)'),
    m3Text('TEPY', 3, 'Payment terms (B5; width 3 unverified)'),
    m3Text('MODL', 3, 'Delivery method (B5; width 3 unverified)'),
    m3Text('TEDL', 3, 'Delivery terms (B5; width 3 unverified)'),
    m3Text('YREF', 30, 'Your reference (B5; width 30 unverified)'),
    m3Text('OREF', 30, 'Our reference (B5; width 30 unverified)'),
    m3Text('ADID', 6, 'Delivery address id (B5; width 6 unverified)'),
    m3Text('PYNO', 10, 'Payer, a customer number (B5; width per CUNO A10, unverified)'),
    m3Text('DECU', 10, 'Delivery customer (B5; width 10 unverified)'),
  ],
};
