import { z } from 'zod';
import type { Sage300Record } from '../../../connectors/sage300/sage300-client.ts';
import { SAGE300_RESOURCES } from '../../../connectors/sage300/sage300-resources.ts';
import { defineNodeType, emit } from '../../node-type.ts';
import {
  bodyOf,
  expressionParameter,
  expressionProblems,
  resultPathParameter,
  sage300Client,
  sage300Description,
  withResult,
  writeOutput,
} from '../sage300-node-support.ts';

const parameters = z.object({
  /** JSONata on the item giving the ARReceiptAndAdjustmentBatches entry; `$` sends the item. */
  body: expressionParameter('$'),
  resultPath: resultPathParameter,
});

const DOCS = [
  'Creates an AR receipt batch (`POST AR/ARReceiptAndAdjustmentBatches`) from each item and outputs the batch Sage stored, with its `BatchNumber` and entry numbers (A9).',
  '',
  '- **Body** is a JSONata expression on the item; the default `$` sends the item itself, typically the output of a mapping to *Sage 300 AR receipt batch*: `{BatchDate, Description, BankCode, ReceiptsAdjustments: [{CustomerNumber, BankReceiptAmount, ReceiptTransactionType: "Prepayment"}]}`.',
  '- `BatchRecordType` is `"CA"` (receipts) unless the body says otherwise; Sage requires it on POST (A4).',
  '- An unknown bank or customer fails with `CONNECTOR_VALIDATION` and Sage’s message.',
  '- In dry-run nothing is sent: the output is `{dryRun: true, message, request}`.',
].join('\n');

/** Creates a Sage 300 AR receipt batch. */
export const createReceiptBatchNode = defineNodeType({
  kind: 'item',
  description: sage300Description({
    type: 'sage300.createReceiptBatch',
    label: 'Sage 300: create AR receipt batch',
    summary: 'Create an AR receipt batch (customer payments)',
    docs: DOCS,
    outputs: [{ name: 'main', label: 'Batches' }],
    expressionParameters: ['body'],
    summaryParameters: ['body'],
  }),
  parameters,
  validate: (values) => expressionProblems(values, ['body']),
  async executeItem(json, context) {
    const { body, resultPath } = context.parameters;
    const batch = withRecordType(await bodyOf(body, json, 'receipt batch'));
    const client = await sage300Client(context);
    const result = await client.create(SAGE300_RESOURCES.receiptBatches, batch);
    return emit(withResult(json, resultPath, writeOutput(result, batch)));
  },
});

/** `BatchRecordType: "CA"` first when absent: Sage applies properties in payload order (A2, S-DEV §2.3). */
function withRecordType(batch: Sage300Record): Sage300Record {
  if (batch.BatchRecordType !== undefined && batch.BatchRecordType !== null) return batch;
  const { BatchRecordType: _absent, ...rest } = batch;
  return { BatchRecordType: 'CA', ...rest };
}
