import type { M3Client, M3Record } from '../../../connectors/m3/m3-client.ts';
import { m3Records } from '../../../connectors/m3/m3-paging.ts';

// What changed in M3 since a date (YYYYMMDD, reference B4). M3 offers no "changed since" list for
// these tables in the reference, so the lists are read and filtered here:
// - customers: CRS610MI/LstByNumber paged by its CUNO start key (B6), kept when LMDT (change date)
//   is on or after the date;
// - orders: OIS100MI/LstHead per customer (it needs CUNO, B5), kept when ORDT (order date) is on or
//   after the date. LstHead has no change date, so orders are "entered since", not "changed since".

/** Which table to poll. */
export type PolledEntity = 'customers' | 'orders';

/** A changed record and the date that made it count. */
export interface ChangedRecord {
  record: M3Record;
  date: string;
}

export interface PollSettings {
  entity: PolledEntity;
  since: string;
  pageSize: number;
  /** Orders: the customers to look at; empty = every customer. */
  customerNumbers: readonly string[];
}

/** Records changed on or after `since` (every record when `since` is empty). */
export async function* changedRecords(
  client: M3Client,
  settings: PollSettings,
): AsyncGenerator<ChangedRecord, void, undefined> {
  if (settings.entity === 'customers') {
    for await (const record of allCustomers(client, settings.pageSize)) {
      const date = record.LMDT ?? '';
      if (date >= settings.since) yield { record, date };
    }
    return;
  }
  const customers =
    settings.customerNumbers.length > 0
      ? settings.customerNumbers
      : customerNumbers(client, settings.pageSize);
  for await (const customerNumber of customers) {
    const orders = m3Records(client, {
      program: 'OIS100MI',
      transaction: 'LstHead',
      input: { CUNO: customerNumber },
      maxRecords: 0,
    });
    for await (const order of orders) {
      const date = order.ORDT ?? '';
      if (date >= settings.since) yield { record: { CUNO: customerNumber, ...order }, date };
    }
  }
}

function allCustomers(client: M3Client, pageSize: number): AsyncIterable<M3Record> {
  return m3Records(
    client,
    { program: 'CRS610MI', transaction: 'LstByNumber' },
    { pageSize, startKey: { CUNO: 'CUNO' } },
  );
}

async function* customerNumbers(client: M3Client, pageSize: number): AsyncGenerator<string, void, undefined> {
  const call = { program: 'CRS610MI', transaction: 'LstByNumber', returnColumns: ['CUNO'] };
  for await (const record of m3Records(client, call, { pageSize, startKey: { CUNO: 'CUNO' } })) {
    if (record.CUNO) yield record.CUNO;
  }
}
