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
  /** JSONata on the item giving the ARCustomers entry; `$` sends the item as it is (a mapped record). */
  body: expressionParameter('$'),
  resultPath: resultPathParameter,
});

const DOCS = [
  'Creates an AR customer (`POST AR/ARCustomers`) from each item and outputs the customer Sage stored, with the defaults its customer group filled in.',
  '',
  '- **Body** is a JSONata expression on the item; the default `$` sends the item itself, typically the output of a mapping to *Sage 300 customer*. Properties are sent in the order given, which Sage applies in turn (A2).',
  '- A customer number that exists fails with `CONNECTOR_VALIDATION` (Sage: `RecordDuplicate`); find the customer first to update it instead.',
  '- In dry-run nothing is sent: the output is `{dryRun: true, message, request}`.',
].join('\n');

/** Creates a Sage 300 customer. */
export const createCustomerNode = defineNodeType({
  kind: 'item',
  description: sage300Description({
    type: 'sage300.createCustomer',
    label: 'Sage 300: create customer',
    summary: 'Create an AR customer',
    docs: DOCS,
    outputs: [{ name: 'main', label: 'Customers' }],
    expressionParameters: ['body'],
    summaryParameters: ['body'],
  }),
  parameters,
  validate: (values) => expressionProblems(values, ['body']),
  async executeItem(json, context) {
    const { body, resultPath } = context.parameters;
    const customer = await bodyOf(body, json, 'customer');
    const client = await sage300Client(context);
    const result = await client.create(SAGE300_RESOURCES.customers, customer);
    return emit(withResult(json, resultPath, writeOutput(result, customer)));
  },
});
