import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
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

/** A web payment of 47.40: cash debited, receivables credited (A9). */
const payment = (credit = -47.4) => ({
  Description: 'Web payments 2025-06-30',
  JournalHeaders: [
    {
      SourceLedger: 'GL',
      SourceType: 'JE',
      Description: 'Order 100245 payment',
      DocumentDate: '2025-06-30',
      JournalDetails: [
        { AccountNumber: '1020', Amount: 47.4, Reference: '3DC-100245' },
        { AccountNumber: '1200', Amount: credit, Reference: '3DC-100245' },
      ],
    },
  ],
});

// start ─▶ journal ─▶ (out)
describe('sage300.createJournalBatch', () => {
  it('creates the batch and outputs the numbers Sage assigned', async () => {
    const trace = await bench.run(
      [sageNode('journal', 'sage300.createJournalBatch')],
      ['start -> journal'],
      [payment()],
    );
    expect(outputOf(trace, 'journal')).toMatchObject([
      {
        BatchNumber: '000001',
        Status: 'Open',
        JournalHeaders: [{ EntryNumber: '00001', JournalDetails: [{ TransactionNumber: '0000000020' }, {}] }],
      },
    ]);
  });

  it('fails with CONNECTOR_VALIDATION and Sage’s message when an entry does not balance', async () => {
    const trace = await bench.run(
      [sageNode('journal', 'sage300.createJournalBatch')],
      ['start -> journal'],
      [payment(-40)],
    );
    expect(trace.error).toMatchObject({
      code: 'CONNECTOR_VALIDATION',
      remote: {
        code: 'RecordInvalid',
        message: expect.stringContaining('Entry 00001 is out of balance by 7.40'),
      },
    });
    expect(bench.sent).toHaveLength(1);
  });

  it('does not send the batch in dry-run', async () => {
    const trace = await bench.run(
      [sageNode('journal', 'sage300.createJournalBatch')],
      ['start -> journal'],
      [payment()],
      { dryRun: true },
    );
    expect(bench.sent).toEqual([]);
    expect(outputOf(trace, 'journal')).toMatchObject([{ dryRun: true, request: { method: 'POST' } }]);
  });
});
