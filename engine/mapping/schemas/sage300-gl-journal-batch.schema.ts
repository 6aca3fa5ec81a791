import { date, decimal, list, text } from './field-builders.ts';
import type { FieldSpec, RecordSchema } from './record-schema.ts';

// Facts: erp-apis.md A9 (GLJournalBatches sample: names and example values), A4 (verbs), A10 (dates).
// A9 gives no widths; those below are marked unverified. "Debits positive, credits negative, entry
// must balance" (A9) is a business rule checked by the mapping step, not by this schema.

const detailFields: FieldSpec[] = [
  text('BatchNumber', 6, 'Same as the batch; Sage fills it (A9 "000490"; width unverified)'),
  text('EntryNumber', 5, 'Same as the entry (A9 "00001"; width unverified)'),
  text('TransactionNumber', 10, 'Line number, Sage fills it (A9 "0000000020"; width unverified)'),
  text('AccountNumber', 45, 'GL account (A9; required and width 45 unverified)', { required: true }),
  decimal('Amount', 'Functional amount: debit positive, credit negative (A9)', { required: true }),
  decimal('SourceCurrencyAmount', 'Amount in source currency (A9)'),
  text('Description', 60, 'Line description (A9; width 60 unverified)'),
  text('Reference', 60, 'Line reference, e.g. the order number (A9; width 60 unverified)'),
];

const headerFields: FieldSpec[] = [
  text('BatchNumber', 6, 'Same as the batch; Sage fills it (A9; width unverified)'),
  text('EntryNumber', 5, 'Entry number; Sage numbers entries (A9 "00001"; width unverified)'),
  text('SourceLedger', 2, 'Source ledger, e.g. GL (A9; width 2 unverified)'),
  text('SourceType', 2, 'Source type, e.g. JE (A9; width 2 unverified)'),
  text('Description', 60, 'Entry description (A9; width 60 unverified)'),
  date('DocumentDate', 'isoDate', 'Document date (A9, A10)'),
  list('JournalDetails', 'Entry lines; they must balance (A9)', detailFields, {
    required: true,
    minItems: 1,
  }),
];

/** Body of POST GL/GLJournalBatches (erp-apis.md A9). */
export const SAGE300_GL_JOURNAL_BATCH: RecordSchema = {
  id: 'sage300.GLJournalBatch',
  title: 'Sage 300 GL journal batch (GLJournalBatches)',
  system: 'sage300',
  direction: 'target',
  description:
    'Body of POST GL/GLJournalBatches: a batch of journal entries, each with balanced lines. ' +
    'Post with GL/GLPostJournal($process) (A9).',
  unknownFields: 'reject',
  fields: [
    text('BatchNumber', 6, 'Leave out to let Sage number the batch (A9 "000490"; width unverified)'),
    text('Description', 60, 'Batch description (A9; width 60 unverified)'),
    text('Status', undefined, 'Batch status by name, e.g. "Open"; "ReadyToPost" on 2021+ (A9, A4)'),
    list('JournalHeaders', 'Journal entries (A9)', headerFields, { required: true, minItems: 1 }),
  ],
};
