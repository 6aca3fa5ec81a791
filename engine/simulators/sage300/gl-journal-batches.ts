import type { CompanyData } from './company-data.ts';
import { mergeDetails, updateOperation } from './detail-operations.ts';
import { Sage300Failure } from './sage300-errors.ts';
import {
  choice,
  completeRow,
  date,
  defaultsOf,
  type EntitySchema,
  list,
  number,
  readEntity,
  roundMoney,
  type Sage300Row,
  text,
} from './sage300-fields.ts';
import {
  checkKeyUnchanged,
  type ResolvedKey,
  type ResourceContext,
  requireRow,
  type Sage300Resource,
} from './sage300-resource.ts';

// GL/GLJournalBatches (GL0008 GLBCTL): GET POST PATCH (S-EP, A4). Shape from S-PAY (A9): batch →
// JournalHeaders (entries "00001"…) → JournalDetails (transactions "0000000020"…). Debits are
// positive, credits negative, and each entry must balance; accounts must exist and be active.
// The batch number is system-assigned; a BatchNumber sent in a POST is replaced [U].

const journalDetailSchema: EntitySchema = {
  name: 'JournalDetail',
  fields: {
    BatchNumber: text(6),
    EntryNumber: text(5),
    TransactionNumber: text(10),
    AccountNumber: text(45),
    Amount: number(),
    SourceCurrencyAmount: number(),
    Description: text(60),
    Reference: text(60),
    UpdateOperation: updateOperation,
  },
};

const journalHeaderSchema: EntitySchema = {
  name: 'JournalHeader',
  fields: {
    BatchNumber: text(6),
    EntryNumber: text(5),
    SourceLedger: text(2, 'GL'),
    SourceType: text(2, 'JE'),
    Description: text(60),
    DocumentDate: date(),
    UpdateOperation: updateOperation,
    JournalDetails: list(journalDetailSchema),
  },
};

export const journalBatchSchema: EntitySchema = {
  name: 'GLJournalBatch',
  fields: {
    BatchNumber: text(6),
    Description: text(60),
    Status: choice(['Open', 'ReadyToPost']),
    JournalHeaders: list(journalHeaderSchema),
  },
};

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Next key after the largest one among `lines`, zero-padded; transactions step by 20 as in S-PAY. */
function nextNumber(lines: readonly Sage300Row[], field: string, step: number, width: number): string {
  const largest = Math.max(0, ...lines.map((line) => Number(line[field]) || 0));
  return pad(largest + step, width);
}

/** A sent transaction without a source-currency amount carries its home amount. */
function withSourceAmounts(headers: readonly Sage300Row[]): Sage300Row[] {
  return headers.map((header) => {
    const details = Array.isArray(header.JournalDetails) ? header.JournalDetails : undefined;
    if (details === undefined) return header;
    return {
      ...header,
      JournalDetails: details.map((detail) =>
        detail.SourceCurrencyAmount === undefined && typeof detail.Amount === 'number'
          ? { ...detail, SourceCurrencyAmount: detail.Amount }
          : detail,
      ),
    };
  });
}

const detailMerge = {
  schema: journalDetailSchema,
  keyField: 'TransactionNumber',
  assignKey: (lines: readonly Sage300Row[]) => nextNumber(lines, 'TransactionNumber', 20, 10),
};

const headerMerge = {
  schema: journalHeaderSchema,
  keyField: 'EntryNumber',
  assignKey: (lines: readonly Sage300Row[]) => nextNumber(lines, 'EntryNumber', 1, 5),
  mergeLine: (previous: Sage300Row, incoming: Sage300Row): Sage300Row => {
    const before = Array.isArray(previous.JournalDetails) ? previous.JournalDetails : [];
    const sent = incoming.JournalDetails;
    return {
      ...previous,
      ...incoming,
      JournalDetails: Array.isArray(sent) ? mergeDetails(before, sent, detailMerge) : before,
    };
  },
};

/** Numbers every entry and transaction under the batch and checks accounts and balance. */
function settleBatch(data: CompanyData, batch: Sage300Row): Sage300Row {
  const batchNumber = String(batch.BatchNumber);
  const headers = Array.isArray(batch.JournalHeaders) ? batch.JournalHeaders : [];
  const settled = headers.map((header) => {
    const entryNumber = String(header.EntryNumber);
    const details = Array.isArray(header.JournalDetails) ? header.JournalDetails : [];
    checkEntry(data, entryNumber, details);
    return {
      ...header,
      BatchNumber: batchNumber,
      UpdateOperation: 'Unspecified',
      JournalDetails: numberTransactions(details).map((detail) => ({
        ...detail,
        BatchNumber: batchNumber,
        EntryNumber: entryNumber,
        UpdateOperation: 'Unspecified',
      })),
    };
  });
  return { ...batch, JournalHeaders: settled };
}

/** Gives transactions of a newly added entry their numbers. */
function numberTransactions(details: readonly Sage300Row[]): Sage300Row[] {
  const numbered: Sage300Row[] = [];
  for (const detail of details) {
    numbered.push(
      detail.TransactionNumber
        ? detail
        : { ...detail, TransactionNumber: nextNumber(numbered, 'TransactionNumber', 20, 10) },
    );
  }
  return numbered;
}

function checkEntry(data: CompanyData, entryNumber: string, details: readonly Sage300Row[]): void {
  let balance = 0;
  for (const detail of details) {
    const accountNumber = String(detail.AccountNumber);
    const account = data.glAccounts.get(accountNumber);
    if (account === undefined)
      throw invalid(`Entry ${entryNumber}: Account ${accountNumber} does not exist.`);
    if (account.Status === 'Inactive')
      throw invalid(`Entry ${entryNumber}: Account ${accountNumber} is inactive.`);
    balance += Number(detail.Amount);
  }
  const difference = roundMoney(balance);
  if (difference !== 0) {
    throw invalid(
      `Entry ${entryNumber} is out of balance by ${difference.toFixed(2)}: debits (positive) must equal credits (negative).`,
    );
  }
}

function invalid(message: string): Sage300Failure {
  return new Sage300Failure('RecordInvalid', message);
}

function insertBatch(context: ResourceContext, body: unknown): Sage300Row {
  const { data } = context;
  const payload = readEntity(journalBatchSchema, body, context.rules);
  const batchNumber = pad(data.counters.glBatch, 6);
  const headers = withSourceAmounts(Array.isArray(payload.JournalHeaders) ? payload.JournalHeaders : []);
  const numbered = headers.map((header, index) => {
    const details = Array.isArray(header.JournalDetails) ? header.JournalDetails : [];
    return {
      ...header,
      EntryNumber: pad(index + 1, 5),
      JournalDetails: details.map((detail) => ({ ...detail, TransactionNumber: '' })),
    };
  });
  const batch = completeRow(journalBatchSchema, {
    ...payload,
    BatchNumber: batchNumber,
    JournalHeaders: numbered,
  });
  const settled = settleBatch(data, batch);
  data.counters.glBatch++;
  data.glBatches.set(batchNumber, settled);
  return settled;
}

function patchBatch(
  context: ResourceContext,
  key: ResolvedKey,
  body: unknown,
  resource: Sage300Resource,
): void {
  const { data } = context;
  const previous = requireRow(resource, data, key);
  const payload = readEntity(journalBatchSchema, body, context.rules);
  checkKeyUnchanged(resource, key, payload);
  const before = Array.isArray(previous.JournalHeaders) ? previous.JournalHeaders : [];
  const sent = payload.JournalHeaders;
  const merged: Sage300Row = {
    ...previous,
    ...payload,
    JournalHeaders: Array.isArray(sent) ? mergeDetails(before, withSourceAmounts(sent), headerMerge) : before,
  };
  data.glBatches.set(key.id, settleBatch(data, merged));
}

export function journalBatchesResource(): Sage300Resource {
  const resource: Sage300Resource = {
    module: 'GL',
    name: 'GLJournalBatches',
    schema: journalBatchSchema,
    keyFields: ['BatchNumber'],
    table: (data) => data.glBatches,
    template: () => defaultsOf(journalBatchSchema),
    insert: insertBatch,
    patch: (context, key, body) => patchBatch(context, key, body, resource),
  };
  return resource;
}
