import type { CompanyData } from './company-data.ts';
import { mergeDetails, updateOperation } from './detail-operations.ts';
import { joinKey } from './keyed-table.ts';
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

// AR/ARReceiptAndAdjustmentBatches (AR0041 ARBTA): GET POST PATCH, composite key
// (BatchRecordType, BatchNumber); POST needs BatchRecordType CA (receipts) or AD (adjustments)
// (S-EP, A4, A9). Body shape from S-PAY. `EntryNumber` on receipts and the applied-document fields
// are assumed names [U]; batches are numbered per record type [U].

const appliedSchema: EntitySchema = {
  name: 'AppliedReceiptAdjustment',
  fields: { DocumentNumber: text(22), AppliedAmount: number(), UpdateOperation: updateOperation },
};

const receiptSchema: EntitySchema = {
  name: 'ReceiptAdjustment',
  fields: {
    BatchNumber: number(),
    EntryNumber: number(),
    CustomerNumber: text(12),
    ReceiptDateAdjustmentDate: date(),
    BankReceiptAmount: number(),
    CustomerReceiptAmount: number(),
    ReceiptTransactionType: choice([
      'Receipt',
      'Prepayment',
      'UnappliedCash',
      'ApplyDocument',
      'MiscellaneousReceipt',
    ]),
    UpdateOperation: updateOperation,
    AppliedReceiptsAdjustments: list(appliedSchema),
  },
};

export const receiptBatchSchema: EntitySchema = {
  name: 'ARReceiptAndAdjustmentBatch',
  fields: {
    BatchRecordType: choice(['CA', 'AD']),
    BatchNumber: number(),
    BatchDate: date(),
    Description: text(60),
    BankCode: text(8),
    BatchStatus: choice(['Open', 'ReadyToPost']),
    ReceiptsAdjustments: list(receiptSchema),
  },
};

function invalid(message: string): Sage300Failure {
  return new Sage300Failure('RecordInvalid', message);
}

const receiptMerge = {
  schema: receiptSchema,
  keyField: 'EntryNumber',
  assignKey: (lines: readonly Sage300Row[]) =>
    Math.max(0, ...lines.map((line) => Number(line.EntryNumber))) + 1,
  mergeLine: (previous: Sage300Row, incoming: Sage300Row): Sage300Row => {
    const before = Array.isArray(previous.AppliedReceiptsAdjustments)
      ? previous.AppliedReceiptsAdjustments
      : [];
    const sent = incoming.AppliedReceiptsAdjustments;
    const applied = Array.isArray(sent)
      ? mergeDetails(before, sent, { schema: appliedSchema, keyField: 'DocumentNumber' })
      : before;
    return { ...previous, ...incoming, AppliedReceiptsAdjustments: applied };
  },
};

/** A sent receipt without a customer amount carries the bank amount (single currency). */
function withCustomerAmounts(receipts: readonly Sage300Row[]): Sage300Row[] {
  return receipts.map((receipt) =>
    receipt.CustomerReceiptAmount === undefined && typeof receipt.BankReceiptAmount === 'number'
      ? { ...receipt, CustomerReceiptAmount: receipt.BankReceiptAmount }
      : receipt,
  );
}

/** Numbers the receipts, dates them and checks bank, customers and amounts. */
function settleBatch(data: CompanyData, batch: Sage300Row): Sage300Row {
  const receipts = Array.isArray(batch.ReceiptsAdjustments) ? batch.ReceiptsAdjustments : [];
  if (batch.BatchRecordType === 'CA' && !data.banks.has(String(batch.BankCode))) {
    throw invalid(
      batch.BankCode
        ? `Bank ${String(batch.BankCode)} does not exist.`
        : 'BankCode is required for a receipt batch.',
    );
  }
  let entry = 0;
  const settled = receipts.map((receipt) => {
    entry = Math.max(entry + 1, Number(receipt.EntryNumber) || 0);
    checkReceipt(data, receipt, entry);
    return {
      ...receipt,
      BatchNumber: batch.BatchNumber ?? 0,
      EntryNumber: entry,
      ReceiptDateAdjustmentDate: receipt.ReceiptDateAdjustmentDate ?? batch.BatchDate ?? null,
      UpdateOperation: 'Unspecified',
    };
  });
  return { ...batch, ReceiptsAdjustments: settled };
}

function checkReceipt(data: CompanyData, receipt: Sage300Row, entry: number): void {
  const customer = data.customers.get(String(receipt.CustomerNumber));
  if (customer === undefined)
    throw invalid(`Entry ${entry}: Customer ${String(receipt.CustomerNumber)} does not exist.`);
  const amount = Number(receipt.CustomerReceiptAmount);
  if (Number(receipt.BankReceiptAmount) < 0 || amount < 0)
    throw invalid(`Entry ${entry}: receipt amounts cannot be negative.`);
  const applied = Array.isArray(receipt.AppliedReceiptsAdjustments) ? receipt.AppliedReceiptsAdjustments : [];
  const total = roundMoney(applied.reduce((sum, line) => sum + Number(line.AppliedAmount), 0));
  if (total > amount)
    throw invalid(
      `Entry ${entry}: applied amounts (${total.toFixed(2)}) exceed the receipt amount (${amount.toFixed(2)}).`,
    );
}

function insertBatch(context: ResourceContext, body: unknown): Sage300Row {
  const { data } = context;
  const payload = readEntity(receiptBatchSchema, body, context.rules);
  if (payload.BatchRecordType === undefined) {
    throw invalid('BatchRecordType is required: CA for receipts, AD for adjustments.');
  }
  const receipt = payload.BatchRecordType === 'CA';
  const batchNumber = receipt ? data.counters.receiptBatch : data.counters.adjustmentBatch;
  const receipts = withCustomerAmounts(
    Array.isArray(payload.ReceiptsAdjustments) ? payload.ReceiptsAdjustments : [],
  );
  const batch = completeRow(receiptBatchSchema, {
    ...payload,
    BatchNumber: batchNumber,
    BatchDate: payload.BatchDate ?? `${context.now().toISOString().slice(0, 10)}T00:00:00Z`,
    ReceiptsAdjustments: receipts.map((line) => ({ ...line, EntryNumber: 0 })),
  });
  const settled = settleBatch(data, batch);
  if (receipt) data.counters.receiptBatch++;
  else data.counters.adjustmentBatch++;
  data.receiptBatches.set(joinKey([String(payload.BatchRecordType), batchNumber]), settled);
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
  const payload = readEntity(receiptBatchSchema, body, context.rules);
  checkKeyUnchanged(resource, key, payload);
  const before = Array.isArray(previous.ReceiptsAdjustments) ? previous.ReceiptsAdjustments : [];
  const sent = payload.ReceiptsAdjustments;
  const merged: Sage300Row = {
    ...previous,
    ...payload,
    ReceiptsAdjustments: Array.isArray(sent)
      ? mergeDetails(before, withCustomerAmounts(sent), receiptMerge)
      : before,
  };
  data.receiptBatches.set(key.id, settleBatch(data, merged));
}

export function receiptBatchesResource(): Sage300Resource {
  const resource: Sage300Resource = {
    module: 'AR',
    name: 'ARReceiptAndAdjustmentBatches',
    schema: receiptBatchSchema,
    keyFields: ['BatchRecordType', 'BatchNumber'],
    table: (data) => data.receiptBatches,
    template: () => defaultsOf(receiptBatchSchema),
    insert: insertBatch,
    patch: (context, key, body) => patchBatch(context, key, body, resource),
  };
  return resource;
}
