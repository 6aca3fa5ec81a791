import { z } from 'zod';
import type { JsonValue } from '../../../contract/flow-document.ts';
import { defineNodeType, emit } from '../../node-type.ts';
import {
  apiVersionParameter,
  M3_CREDENTIALS,
  m3ClientOf,
  m3Fields,
  outputFieldParameter,
  partOf,
  placeOutput,
  requiredText,
  templateProblems,
} from '../m3-node-support.ts';

const DOCS = [
  'Changes a customer with `CRS610MI/ChgBasicData`: sends the M3 fields of the record (`CUNM`, `CUA1`, `TOWN`, `MAIL`, …) for the customer in **Customer number**.',
  '',
  '- Fields that are empty or absent are not sent, and M3 leaves them as they are.',
  '- Keys that are not four-character M3 field names are ignored.',
  '- Output: the fields sent (with `CUNO`); `dryRun: true` when dry-run intercepted the change.',
].join('\n');

const parameters = z.object({
  customerNumber: z.string().trim().min(1).default('{{ CUNO }}'),
  /** Dotted path of the record with the changed fields; empty = the item itself. */
  recordPath: z.string().trim().default(''),
  apiVersion: apiVersionParameter,
  outputField: outputFieldParameter,
});

/** CRS610MI/ChgBasicData for each item. */
export const changeCustomerNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'm3.changeCustomer',
    version: 1,
    label: 'M3 change customer',
    category: 'connector',
    icon: 'user-pen',
    summary: 'Update an Infor M3 customer (CRS610MI ChgBasicData)',
    docs: DOCS,
    trigger: false,
    inputs: [{ name: 'main', label: 'Customers' }],
    outputs: [{ name: 'main', label: 'Changed' }],
    credentials: M3_CREDENTIALS,
    expressionParameters: ['customerNumber'],
    summaryParameters: ['customerNumber'],
  },
  parameters,
  validate: (parameters) => templateProblems({ customerNumber: parameters.customerNumber }),
  async executeItem(json, context) {
    const { parameters } = context;
    const customerNumber = await requiredText(parameters.customerNumber, json, 'customerNumber');
    const input = { ...m3Fields(partOf(json, parameters.recordPath)), CUNO: customerNumber };
    const client = await m3ClientOf(context);
    const { dryRun } = await client.execute({ program: 'CRS610MI', transaction: 'ChgBasicData', input });
    const output: { [key: string]: JsonValue } = { ...input };
    if (dryRun) output.dryRun = true;
    return emit(placeOutput(json, output, parameters.outputField));
  },
});
