import { date, decimal, integer, list, text } from './field-builders.ts';
import type { FieldSpec, RecordSchema } from './record-schema.ts';

// Facts: erp-apis.md A9 (ARReceiptAndAdjustmentBatches body), A4 (POST needs BatchRecordType CA/AD),
// A3 (numeric BatchNumber in the composite key), A7 (CustomerNumber 12), A10 (dates). A9 gives no
// other widths; those below are marked unverified. AppliedReceiptsAdjustments is not described in A9.

const receiptFields: FieldSpec[] = [
  text('CustomerNumber', 12, 'Paying customer (A9; width per A7)', { required: true }),
  date('ReceiptDateAdjustmentDate', 'isoDate', 'Receipt date (A9, A10)'),
  text(
    'ReceiptTransactionType',
    undefined,
    'Receipt type by name, e.g. "Prepayment" (A9; other names unverified)',
  ),
  decimal('BankReceiptAmount', 'Amount in bank currency (A9)'),
  decimal('CustomerReceiptAmount', 'Amount in customer currency (A9)'),
  list(
    'AppliedReceiptsAdjustments',
    'Documents the receipt applies to (A9; fields not described)',
    undefined,
  ),
];

/** Body of POST AR/ARReceiptAndAdjustmentBatches (erp-apis.md A9). */
export const SAGE300_AR_RECEIPT_BATCH: RecordSchema = {
  id: 'sage300.ARReceiptBatch',
  title: 'Sage 300 AR receipt batch (ARReceiptAndAdjustmentBatches)',
  system: 'sage300',
  direction: 'target',
  description:
    'Body of POST AR/ARReceiptAndAdjustmentBatches with BatchRecordType "CA" for receipts. ' +
    'Post with AR/ARPostReceiptsAndAdjustments($process) (A9).',
  unknownFields: 'reject',
  fields: [
    text('BatchRecordType', undefined, 'CA = receipts, AD = adjustments (A4, A9)', {
      required: true,
      allowed: ['CA', 'AD'],
    }),
    integer('BatchNumber', 'Leave out to let Sage number the batch (numeric key, A3)'),
    date('BatchDate', 'isoDate', 'Batch date (A9, A10)'),
    text('Description', 60, 'Batch description (A9; width 60 unverified)'),
    text('BankCode', 8, 'Bank the money went to (A9; width 8 unverified)'),
    list('ReceiptsAdjustments', 'Receipts in the batch (A9)', receiptFields, { required: true, minItems: 1 }),
  ],
};
