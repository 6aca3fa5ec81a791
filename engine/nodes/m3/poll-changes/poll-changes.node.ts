import { z } from 'zod';
import { BridgeflowError } from '../../../errors/bridgeflow-error.ts';
import { defineNodeType, emit, type ItemOutput } from '../../node-type.ts';
import { apiVersionParameter, M3_CREDENTIALS, m3ClientOf } from '../m3-node-support.ts';
import { changedRecords } from './changed-records.ts';

const DOCS = [
  'Starts a run with what changed in M3 since the last poll; the runtime calls it on a schedule with `{ "since": "YYYYMMDD" }`.',
  '',
  '- **Customers**: every customer whose change date `LMDT` is on or after `since` (read with `CRS610MI/LstByNumber`, **Page size** per call).',
  '- **Orders**: customer orders whose order date `ORDT` is on or after `since`, from `OIS100MI/LstHead` for each customer in **Customer numbers** (empty = every customer, one call each: fine for a sandbox, slow for a large tenant). M3 lists no change date for orders, so these are new orders, not changed ones.',
  '- Each record goes out on **main**; then one item `{ "watermark": "YYYYMMDD" }` on **watermark**: the latest date seen (or `since` when nothing changed). Store it and pass it as `since` next time.',
  '- M3 dates have no time, so records of the watermark day come again on the next poll: let the flow be idempotent (e.g. check before creating).',
  '- Without `since` in the input, **Initial since** is used; empty means everything.',
].join('\n');

const M3_DATE = /^\d{8}$/;

const parameters = z.object({
  entity: z.enum(['customers', 'orders']).default('customers'),
  initialSince: z.union([z.literal(''), z.string().regex(M3_DATE, 'A date as YYYYMMDD')]).default(''),
  pageSize: z.number().int().min(1).max(10_000).default(500),
  customerNumbers: z.array(z.string().trim().min(1).max(10)).default([]),
  apiVersion: apiVersionParameter,
});

const TriggerInputSchema = z.object({ since: z.string().trim().optional() }).catch({});

/** Polling trigger for M3 customers or orders. */
export const pollChangesNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'm3.pollChanges',
    version: 1,
    label: 'M3 poll changes',
    category: 'connector',
    icon: 'refresh-cw',
    summary: 'Start the flow with Infor M3 customers or orders changed since the last poll',
    docs: DOCS,
    trigger: true,
    inputs: [],
    outputs: [
      { name: 'main', label: 'Changed records' },
      { name: 'watermark', label: 'Watermark', showLabel: true },
    ],
    credentials: M3_CREDENTIALS,
    summaryParameters: ['entity'],
  },
  parameters,
  async executeItem(json, context) {
    const { parameters } = context;
    const since = TriggerInputSchema.parse(json).since || parameters.initialSince;
    if (since !== '' && !M3_DATE.test(since)) {
      throw new BridgeflowError('INPUT_INVALID', `"since" must be a date as YYYYMMDD, not "${since}"`, {
        retryable: false,
        path: 'since',
      });
    }
    const client = await m3ClientOf(context);
    const outputs: ItemOutput[] = [];
    let watermark = since;
    const settings = { ...parameters, since };
    for await (const { record, date } of changedRecords(client, settings)) {
      outputs.push(emit(record));
      if (date > watermark) watermark = date;
    }
    outputs.push(emit({ watermark }, 'watermark'));
    return outputs;
  },
});
