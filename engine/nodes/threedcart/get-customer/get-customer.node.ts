import { z } from 'zod';
import { defineNodeType, emit, type ItemOutput } from '../../node-type.ts';
import {
  evaluate,
  expressionParameter,
  expressionProblems,
  openStore,
  requireId,
  requireText,
  STORE_CREDENTIALS,
  timeoutParameter,
} from '../threedcart-node-support.ts';

const parameters = z.object({
  /** `id` reads `GET /Customers/{id}`; `email` finds `GET /Customers?email=` (reference/threedcart-api.md §2). */
  mode: z.enum(['id', 'email']).default('email'),
  customerId: expressionParameter('CustomerID'),
  /** Orders carry the buyer's address as BillingEmail; customer records as Email. */
  email: expressionParameter('BillingEmail'),
  timeoutMs: timeoutParameter,
});

/** Reads a customer by id, or finds one by e-mail. */
export const getCustomerNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'threedcart.getCustomer',
    version: 1,
    label: '3dcart: get customer',
    category: 'connector',
    icon: 'user',
    summary: 'Read a customer by id or find one by e-mail',
    docs: [
      'Reads the customer `customerId`, or finds the customer whose e-mail is `email` (default: the `BillingEmail` of an order; 3dcart compares e-mails ignoring case). The customer record goes out on **Customer**; when there is none, the input item goes out on **Not found**, e.g. to create the customer there.',
      '',
      'Guest orders have `CustomerID` 0: they have no customer record, so look them up by e-mail.',
    ].join('\n'),
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [
      { name: 'main', label: 'Customer' },
      { name: 'notFound', label: 'Not found', showLabel: true },
    ],
    credentials: STORE_CREDENTIALS,
    expressionParameters: ['customerId', 'email'],
    summaryParameters: ['mode'],
  },
  parameters,
  validate: (values) => expressionProblems(values, [values.mode === 'id' ? 'customerId' : 'email']),
  async executeItem(json, context) {
    const { parameters } = context;
    const client = await openStore(context);
    const rows =
      parameters.mode === 'id'
        ? await client.read(
            `Customers/${requireId(await evaluate(parameters.customerId, json), 'customerId')}`,
          )
        : await client.read('Customers', {
            email: requireText(await evaluate(parameters.email, json), 'email'),
          });
    if (rows.length === 0) return emit(json, 'notFound');
    return rows.map((customer): ItemOutput => emit(customer));
  },
});
