import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  entryOf,
  errorOf,
  type JsonObject,
  listOf,
  startTestSimulator,
  type TestSimulator,
} from './sage300-test-client.ts';

let simulator: TestSimulator;
beforeEach(async () => {
  simulator = await startTestSimulator({ now: () => new Date('2025-06-30T12:00:00Z') });
});
afterEach(async () => {
  await simulator.close();
});

/** A payment of 47.40 for a web order: cash debited, receivables credited (S-PAY shape, A9). */
function journal(
  amounts: [string, number][] = [
    ['1020', 47.4],
    ['1200', -47.4],
  ],
): JsonObject {
  return {
    Description: 'Web payments 2025-06-30',
    JournalHeaders: [
      {
        SourceLedger: 'GL',
        SourceType: 'JE',
        Description: 'Order 100245 payment',
        DocumentDate: '2025-06-30',
        JournalDetails: amounts.map(([AccountNumber, Amount]) => ({
          AccountNumber,
          Amount,
          Reference: '3DC-100245',
        })),
      },
    ],
  };
}

describe('GL/GLJournalBatches', () => {
  it('creates a balanced batch, numbering batch, entries and transactions', async () => {
    const created = await simulator.call('POST', '/GL/GLJournalBatches', { body: journal() });
    expect(created.status).toBe(201);
    const batch = entryOf(created);
    expect(batch).toMatchObject({
      BatchNumber: '000001',
      Status: 'Open',
      Description: 'Web payments 2025-06-30',
    });
    const [entry] = listOf(batch, 'JournalHeaders');
    expect(entry).toMatchObject({
      BatchNumber: '000001',
      EntryNumber: '00001',
      DocumentDate: '2025-06-30T00:00:00Z',
    });
    expect(
      listOf(entry ?? {}, 'JournalDetails').map((line) => [
        line.TransactionNumber,
        line.AccountNumber,
        line.Amount,
        line.SourceCurrencyAmount,
      ]),
    ).toEqual([
      ['0000000020', '1020', 47.4, 47.4],
      ['0000000040', '1200', -47.4, -47.4],
    ]);
    expect(entryOf(await simulator.call('GET', "/GL/GLJournalBatches('000001')")).JournalHeaders).toEqual(
      batch.JournalHeaders,
    );
    expect(
      entryOf(await simulator.call('POST', '/GL/GLJournalBatches', { body: journal() })).BatchNumber,
    ).toBe('000002');
  });

  it('refuses an entry that does not balance', async () => {
    const reply = await simulator.call('POST', '/GL/GLJournalBatches', {
      body: journal([
        ['1020', 47.4],
        ['1200', -40],
      ]),
    });
    expect(errorOf(reply)).toEqual([
      400,
      'RecordInvalid',
      expect.stringContaining('Entry 00001 is out of balance by 7.40'),
    ]);
    expect((await simulator.call('GET', "/GL/GLJournalBatches('000001')")).status).toBe(404);
  });

  it('balances to the cent despite binary fractions', async () => {
    const reply = await simulator.call('POST', '/GL/GLJournalBatches', {
      body: journal([
        ['1020', 0.1],
        ['1050', 0.2],
        ['4000', -0.3],
      ]),
    });
    expect(reply.status).toBe(201);
  });

  it('refuses unknown and inactive accounts', async () => {
    const unknown = await simulator.call('POST', '/GL/GLJournalBatches', {
      body: journal([
        ['9000', 1],
        ['1200', -1],
      ]),
    });
    expect(errorOf(unknown)).toEqual([400, 'RecordInvalid', 'Entry 00001: Account 9000 does not exist.']);
    const inactive = await simulator.call('POST', '/GL/GLJournalBatches', {
      body: journal([
        ['1999', 1],
        ['1200', -1],
      ]),
    });
    expect(errorOf(inactive)[2]).toBe('Entry 00001: Account 1999 is inactive.');
  });

  it('patches a batch: adds an entry, and refuses a change that unbalances it', async () => {
    await simulator.call('POST', '/GL/GLJournalBatches', { body: journal() });
    const added = await simulator.call('PATCH', "/GL/GLJournalBatches('000001')", {
      body: {
        Status: 'ReadyToPost',
        JournalHeaders: [
          {
            UpdateOperation: 'Insert',
            Description: 'Processing fee',
            JournalDetails: [
              { AccountNumber: '6100', Amount: 1.5 },
              { AccountNumber: '1020', Amount: -1.5 },
            ],
          },
        ],
      },
    });
    expect(added.status).toBe(204);
    const batch = entryOf(await simulator.call('GET', "/GL/GLJournalBatches('000001')"));
    expect(batch.Status).toBe('ReadyToPost');
    const entries = listOf(batch, 'JournalHeaders');
    expect(entries.map((entry) => entry.EntryNumber)).toEqual(['00001', '00002']);
    expect(
      listOf(entries[1] ?? {}, 'JournalDetails').map((line) => [
        line.BatchNumber,
        line.EntryNumber,
        line.TransactionNumber,
      ]),
    ).toEqual([
      ['000001', '00002', '0000000020'],
      ['000001', '00002', '0000000040'],
    ]);
    const unbalance = await simulator.call('PATCH', "/GL/GLJournalBatches('000001')", {
      body: {
        JournalHeaders: [
          { EntryNumber: '00002', JournalDetails: [{ TransactionNumber: '0000000020', Amount: 2 }] },
        ],
      },
    });
    expect(errorOf(unbalance)[2]).toContain('Entry 00002 is out of balance by 0.50');
    expect(entryOf(await simulator.call('GET', "/GL/GLJournalBatches('000001')"))).toEqual(batch);
  });

  it('refuses PUT and DELETE (GET, POST and PATCH only)', async () => {
    await simulator.call('POST', '/GL/GLJournalBatches', { body: journal() });
    expect(errorOf(await simulator.call('DELETE', "/GL/GLJournalBatches('000001')"))[0]).toBe(405);
    expect(
      errorOf(await simulator.call('PUT', "/GL/GLJournalBatches('000001')", { body: journal() }))[0],
    ).toBe(405);
  });
});

describe('AR/ARReceiptAndAdjustmentBatches', () => {
  const receipts = (overrides: JsonObject = {}, receipt: JsonObject = {}): JsonObject => ({
    BatchRecordType: 'CA',
    BatchDate: '2025-06-30',
    Description: 'Card payments',
    BankCode: 'MERCH',
    ReceiptsAdjustments: [
      {
        CustomerNumber: 'C000001',
        BankReceiptAmount: 47.4,
        ReceiptTransactionType: 'Prepayment',
        ...receipt,
      },
    ],
    ...overrides,
  });

  it('creates a receipt batch under a composite key', async () => {
    const created = await simulator.call('POST', '/AR/ARReceiptAndAdjustmentBatches', { body: receipts() });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toMatch(
      /ARReceiptAndAdjustmentBatches\(BatchRecordType='CA',BatchNumber=1\)$/,
    );
    const batch = entryOf(
      await simulator.call('GET', "/AR/ARReceiptAndAdjustmentBatches(BatchRecordType='CA', BatchNumber=1)"),
    );
    expect(batch).toMatchObject({ BatchRecordType: 'CA', BatchNumber: 1, BatchStatus: 'Open' });
    expect(listOf(batch, 'ReceiptsAdjustments')[0]).toMatchObject({
      BatchNumber: 1,
      EntryNumber: 1,
      CustomerReceiptAmount: 47.4,
      ReceiptDateAdjustmentDate: '2025-06-30T00:00:00Z',
    });
    const adjustment = entryOf(
      await simulator.call('POST', '/AR/ARReceiptAndAdjustmentBatches', {
        body: receipts({ BatchRecordType: 'AD' }),
      }),
    );
    expect([adjustment.BatchRecordType, adjustment.BatchNumber]).toEqual(['AD', 1]);
    expect(errorOf(await simulator.call('GET', '/AR/ARReceiptAndAdjustmentBatches(1)'))[1]).toBe(
      'InvalidEntityKey',
    );
  });

  it.each([
    [
      receipts({ BatchRecordType: undefined }),
      'BatchRecordType is required: CA for receipts, AD for adjustments.',
    ],
    [receipts({ BankCode: 'NOBANK' }), 'Bank NOBANK does not exist.'],
    [receipts({}, { CustomerNumber: 'C999999' }), 'Entry 1: Customer C999999 does not exist.'],
    [
      receipts({}, { AppliedReceiptsAdjustments: [{ DocumentNumber: 'IN000001', AppliedAmount: 50 }] }),
      'Entry 1: applied amounts (50.00) exceed the receipt amount (47.40).',
    ],
  ])('refuses %o with RecordInvalid', async (body, message) => {
    const reply = await simulator.call('POST', '/AR/ARReceiptAndAdjustmentBatches', {
      body: JSON.parse(JSON.stringify(body)),
    });
    expect(errorOf(reply)).toEqual([400, 'RecordInvalid', message]);
  });

  it('refuses an unknown record type as an invalid payload', async () => {
    const reply = await simulator.call('POST', '/AR/ARReceiptAndAdjustmentBatches', {
      body: receipts({ BatchRecordType: 'XX' }),
    });
    expect(errorOf(reply)[1]).toBe('InvalidPayload');
  });

  it('patches a batch: marks it ready to post and adds a receipt', async () => {
    await simulator.call('POST', '/AR/ARReceiptAndAdjustmentBatches', { body: receipts() });
    const patched = await simulator.call(
      'PATCH',
      "/AR/ARReceiptAndAdjustmentBatches(BatchRecordType='CA',BatchNumber=1)",
      {
        body: {
          BatchStatus: 'ReadyToPost',
          ReceiptsAdjustments: [{ CustomerNumber: 'C000002', BankReceiptAmount: 10 }],
        },
      },
    );
    expect(patched.status).toBe(204);
    const batch = entryOf(
      await simulator.call('GET', "/AR/ARReceiptAndAdjustmentBatches(BatchRecordType='CA',BatchNumber=1)"),
    );
    expect(batch.BatchStatus).toBe('ReadyToPost');
    expect(
      listOf(batch, 'ReceiptsAdjustments').map((receipt) => [receipt.EntryNumber, receipt.CustomerNumber]),
    ).toEqual([
      [1, 'C000001'],
      [2, 'C000002'],
    ]);
  });
});
