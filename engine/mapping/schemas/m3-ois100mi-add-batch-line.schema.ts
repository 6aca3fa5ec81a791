import { m3Date, m3Number, m3Text } from './field-builders.ts';
import type { FieldSpec, RecordSchema } from './record-schema.ts';

// Facts: erp-apis.md B5 (AddBatchLine: mandatory ORNO, ITNO; optional fields; output PONR, POSX,
// ATNR), B4 (widths of CONO, ORNO, ITNO, WHLO, CUOR; numbers and dates travel as strings), example E4.
// AddBatchLine has about 88 inputs (B5); only those named in the reference are listed.

// DIA1..DIA6 discount amounts and DIP1..DIP6 discount percents (B5).
const discountFields: FieldSpec[] = [1, 2, 3, 4, 5, 6].flatMap((index) => [
  m3Number(`DIP${index}`, undefined, `Discount ${index}, percent (B5)`),
  m3Number(`DIA${index}`, undefined, `Discount ${index}, amount (B5)`),
]);

/** Inputs of OIS100MI/AddBatchLine, one batch order line (erp-apis.md B5). */
export const M3_OIS100MI_ADD_BATCH_LINE: RecordSchema = {
  id: 'm3.OIS100MI.AddBatchLine',
  title: 'M3 OIS100MI/AddBatchLine (batch order line)',
  system: 'm3',
  direction: 'target',
  description:
    'Input fields of OIS100MI/AddBatchLine, called once per line with the temporary ORNO from ' +
    'AddBatchHead. Returns PONR, POSX and ATNR (B5).',
  unknownFields: 'reject',
  fields: [
    m3Number('CONO', 3, 'Company (B4 N3); usually the connection default'),
    m3Text('ORNO', 10, 'Temporary order number from AddBatchHead (B5 mandatory; B4 A10)', { required: true }),
    m3Text('ITNO', 15, 'Item number (B5 mandatory; B4 A15)', { required: true }),
    m3Number('ORQT', undefined, 'Ordered quantity, e.g. "2" (B4)'),
    m3Text('WHLO', 3, 'Warehouse (B4 A3)'),
    m3Date('DWDT', 'Requested delivery date (B4)'),
    m3Number('SAPR', undefined, 'Sales price, e.g. "19.95"; left out M3 prices the line (B4)'),
    m3Text('ALUN', 3, 'Alternate unit of the quantity (B5; width 3 unverified)'),
    m3Text('SPUN', 3, 'Sales price unit (B5; width 3 unverified)'),
    m3Text('CUOR', 20, "Customer's order reference (B4 A20)"),
    m3Number('CUPO', 5, "Customer's line number (B5; width 5 unverified)"),
    m3Text('ITDS', 30, 'Item name override (B5; width 30 unverified)'),
    ...discountFields,
  ],
};
