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
  renderText,
  templateProblems,
} from '../m3-node-support.ts';

const DOCS = [
  'Creates a customer with `CRS610MI/Add` from a record shaped like the `m3.CRS610MI.Add` mapping target (`CUNM`, `CUA1`–`CUA4`, `TOWN`, `ECAR`, `PONO`, `CSCD`, `PHNO`, `MAIL`, …).',
  '',
  '- M3 requires `CUTM` (a template customer whose settings are copied), `CUNM` and `CUA1`. **Template customer** fills `CUTM` when the record has none.',
  '- Without `CUNO` M3 may number the customer itself (unverified for every tenant).',
  '- Keys that are not four-character M3 field names are ignored; empty values are not sent.',
  '- Output: the fields sent plus M3’s answer (`CUNO`, `ERRM`). A missing mandatory field fails the item with `CONNECTOR_VALIDATION` naming it.',
  '- In dry-run nothing is sent: the output is the fields that would be sent, with `dryRun: true`.',
].join('\n');

const parameters = z.object({
  /** Dotted path of the record in the item; empty = the item itself. */
  recordPath: z.string().trim().default(''),
  templateCustomer: z.string().trim().default(''),
  apiVersion: apiVersionParameter,
  outputField: outputFieldParameter,
});

/** CRS610MI/Add for each item. */
export const addCustomerNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'm3.addCustomer',
    version: 1,
    label: 'M3 add customer',
    category: 'connector',
    icon: 'user-plus',
    summary: 'Create an Infor M3 customer (CRS610MI Add)',
    docs: DOCS,
    trigger: false,
    inputs: [{ name: 'main', label: 'Customers' }],
    outputs: [{ name: 'main', label: 'Created' }],
    credentials: M3_CREDENTIALS,
    expressionParameters: ['templateCustomer'],
    summaryParameters: ['templateCustomer'],
  },
  parameters,
  validate: (parameters) => templateProblems({ templateCustomer: parameters.templateCustomer }),
  async executeItem(json, context) {
    const { parameters } = context;
    const input = m3Fields(partOf(json, parameters.recordPath));
    const template = await renderText(parameters.templateCustomer, json);
    if (input.CUTM === undefined && template !== '') input.CUTM = template;
    const client = await m3ClientOf(context);
    const { records, dryRun } = await client.execute({ program: 'CRS610MI', transaction: 'Add', input });
    const answer = records[0] ?? {};
    // ERRM is "Error message if status 12" (reference B6): created, but parked in error status.
    if (answer.ERRM) context.logger.warn('M3 created the customer with an error message', { ...answer });
    const output: { [key: string]: JsonValue } = { ...input, ...answer };
    if (dryRun) output.dryRun = true;
    return emit(placeOutput(json, output, parameters.outputField));
  },
});
