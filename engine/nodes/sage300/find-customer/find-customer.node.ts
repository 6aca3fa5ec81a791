import { z } from 'zod';
import type { Sage300Record } from '../../../connectors/sage300/sage300-client.ts';
import { odata } from '../../../connectors/sage300/sage300-odata.ts';
import { SAGE300_RESOURCES } from '../../../connectors/sage300/sage300-resources.ts';
import { defineNodeType, emit } from '../../node-type.ts';
import {
  expressionParameter,
  expressionProblems,
  FOUND_PORTS,
  resultPathParameter,
  sage300Client,
  sage300Description,
  selectParameter,
  textOf,
  withResult,
} from '../sage300-node-support.ts';

const parameters = z.object({
  /** `number`: the key, `ARCustomers('1200')`. `email`: `$filter=Email eq '…'` (A3, A7). */
  by: z.enum(['number', 'email']).default('number'),
  /** JSONata on the item giving the customer number or e-mail, e.g. `BillingEmail`. */
  value: expressionParameter('CustomerNumber'),
  select: selectParameter,
  resultPath: resultPathParameter,
});

const DOCS = [
  'Looks up an AR customer (`AR/ARCustomers`) for each item and sends the item on **Found** or **Not found**, so a flow can create the customers Sage does not know yet.',
  '',
  '- **By** *number* reads the customer by its key; *email* searches `Email eq …`. The value is quoted for the query, so any text is safe.',
  '- **Value** is a JSONata expression on the item, e.g. `BillingEmail` or `$uppercase(CustomerID)`.',
  '- **Found** carries the customer (only the **Select** properties when set), or the item with the customer at **Result path**. **Not found** carries the item unchanged.',
  '- Sage compares e-mails exactly as stored; when several customers share one, the first is used and a warning is logged.',
].join('\n');

/** Finds a Sage 300 customer by number or e-mail. */
export const findCustomerNode = defineNodeType({
  kind: 'item',
  description: sage300Description({
    type: 'sage300.findCustomer',
    label: 'Sage 300: find customer',
    summary: 'Look up an AR customer by number or e-mail',
    docs: DOCS,
    outputs: FOUND_PORTS,
    expressionParameters: ['value'],
    summaryParameters: ['by', 'value'],
  }),
  parameters,
  validate: (values) => expressionProblems(values, ['value']),
  async executeItem(json, context) {
    const { by, value, select, resultPath } = context.parameters;
    const wanted = await textOf(value, json, by === 'number' ? 'customer number' : 'e-mail');
    const client = await sage300Client(context);
    let customer: Sage300Record | undefined;
    if (by === 'number') {
      customer = await client.get(SAGE300_RESOURCES.customers, wanted, select);
    } else {
      const matches = await client.list(SAGE300_RESOURCES.customers, {
        filter: odata.eq('Email', wanted),
        select,
        limit: 2,
      });
      if (matches.length > 1)
        context.logger.warn('Several Sage 300 customers share an e-mail', { email: wanted });
      customer = matches[0];
    }
    if (customer === undefined) return emit(json, 'notFound');
    return emit(withResult(json, resultPath, customer), 'found');
  },
});
