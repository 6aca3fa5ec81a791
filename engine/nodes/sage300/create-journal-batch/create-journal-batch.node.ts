import { z } from 'zod';
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
  /** JSONata on the item giving the GLJournalBatches entry; `$` sends the item (a mapped batch). */
  body: expressionParameter('$'),
  resultPath: resultPathParameter,
});

const DOCS = [
  'Creates a GL journal batch (`POST GL/GLJournalBatches`) from each item and outputs the batch Sage stored, with its `BatchNumber` and the entry and transaction numbers it assigned (A9).',
  '',
  '- **Body** is a JSONata expression on the item; the default `$` sends the item itself, typically the output of a mapping to *Sage 300 GL journal batch*: `{Description, JournalHeaders: [{SourceLedger: "GL", SourceType: "JE", DocumentDate, JournalDetails: [{AccountNumber, Amount, Reference}]}]}`.',
  '- Debits are positive and credits negative; an entry that does not balance fails with `CONNECTOR_VALIDATION` and Sage’s message. `Status: "ReadyToPost"` marks the batch ready to post (Sage 300 2021+, A4).',
  '- In dry-run nothing is sent: the output is `{dryRun: true, message, request}`.',
].join('\n');

/** Creates a Sage 300 GL journal batch. */
export const createJournalBatchNode = defineNodeType({
  kind: 'item',
  description: sage300Description({
    type: 'sage300.createJournalBatch',
    label: 'Sage 300: create GL journal batch',
    summary: 'Create a GL journal batch (payments, fees)',
    docs: DOCS,
    outputs: [{ name: 'main', label: 'Batches' }],
    expressionParameters: ['body'],
    summaryParameters: ['body'],
  }),
  parameters,
  validate: (values) => expressionProblems(values, ['body']),
  async executeItem(json, context) {
    const { body, resultPath } = context.parameters;
    const batch = await bodyOf(body, json, 'journal batch');
    const client = await sage300Client(context);
    const result = await client.create(SAGE300_RESOURCES.journalBatches, batch);
    return emit(withResult(json, resultPath, writeOutput(result, batch)));
  },
});
