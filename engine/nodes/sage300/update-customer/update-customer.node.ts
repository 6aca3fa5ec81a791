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
  textOf,
  withResult,
} from '../sage300-node-support.ts';

const parameters = z.object({
  /** JSONata on the item giving the number of the customer to change. */
  customerNumber: expressionParameter('CustomerNumber'),
  /** JSONata on the item giving the properties to change; `$` sends the whole item. */
  body: expressionParameter('$'),
  resultPath: resultPathParameter,
});

const DOCS = [
  'Changes an AR customer (`PATCH AR/ARCustomers(key)`): only the properties in **Body** change, the rest stay as they are (A4, S-DEV §9).',
  '',
  '- **Customer number** and **Body** are JSONata expressions on the item. The body may repeat the customer number but not change it.',
  '- Sage answers with no content, so the output is `{CustomerNumber, updated: true}` (or that at **Result path** in the item).',
  '- An unknown customer fails with `CONNECTOR_NOT_FOUND`; a refused value with `CONNECTOR_VALIDATION` and Sage’s message.',
  '- In dry-run nothing is sent: the output is `{dryRun: true, message, request}`.',
].join('\n');

/** Changes part of a Sage 300 customer. */
export const updateCustomerNode = defineNodeType({
  kind: 'item',
  description: sage300Description({
    type: 'sage300.updateCustomer',
    label: 'Sage 300: update customer',
    summary: 'Change properties of an AR customer',
    docs: DOCS,
    outputs: [{ name: 'main', label: 'Customers' }],
    expressionParameters: ['customerNumber', 'body'],
    summaryParameters: ['customerNumber'],
  }),
  parameters,
  validate: (values) => expressionProblems(values, ['customerNumber', 'body']),
  async executeItem(json, context) {
    const { customerNumber, body, resultPath } = context.parameters;
    const key = await textOf(customerNumber, json, 'customer number');
    const changes = await bodyOf(body, json, 'customer');
    const client = await sage300Client(context);
    const result = await client.update(SAGE300_RESOURCES.customers, key, changes);
    const output = result.dryRun ? result.simulated : { CustomerNumber: key, updated: true };
    return emit(withResult(json, resultPath, output));
  },
});
