import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  nodeTrace,
  outputOf,
  type Sage300NodeBench,
  sageNode,
  startSage300NodeBench,
} from '../sage300-node-test-bench.ts';

let bench: Sage300NodeBench;
beforeEach(async () => {
  bench = await startSage300NodeBench();
});
afterEach(async () => {
  await bench.close();
});

const receipts = (bank = 'MERCH') => ({
  BatchDate: '2025-06-30',
  Description: 'Card payments',
  BankCode: bank,
  ReceiptsAdjustments: [
    { CustomerNumber: 'C000001', BankReceiptAmount: 47.4, ReceiptTransactionType: 'Prepayment' },
  ],
});

// start ─▶ receipts ─▶ (out)
describe('sage300.createReceiptBatch', () => {
  it('creates a receipt batch (BatchRecordType CA, sent first) and outputs its number', async () => {
    const trace = await bench.run(
      [sageNode('receipts', 'sage300.createReceiptBatch')],
      ['start -> receipts'],
      [receipts()],
    );
    expect(outputOf(trace, 'receipts')).toMatchObject([
      {
        BatchRecordType: 'CA',
        BatchNumber: 1,
        ReceiptsAdjustments: [{ EntryNumber: 1, CustomerReceiptAmount: 47.4 }],
      },
    ]);
    expect(Object.keys(Object(nodeTrace(trace, 'receipts')?.http[0]?.requestBody))[0]).toBe(
      'BatchRecordType',
    );
  });

  it('fails with CONNECTOR_VALIDATION and Sage’s message for an unknown bank', async () => {
    const trace = await bench.run(
      [sageNode('receipts', 'sage300.createReceiptBatch')],
      ['start -> receipts'],
      [receipts('NOBANK')],
    );
    expect(trace.error).toMatchObject({
      code: 'CONNECTOR_VALIDATION',
      remote: { code: 'RecordInvalid', message: 'Bank NOBANK does not exist.' },
    });
  });
});
