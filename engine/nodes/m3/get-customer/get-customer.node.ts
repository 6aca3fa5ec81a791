import { z } from 'zod';
import { defineNodeType, emit } from '../../node-type.ts';
import {
  apiVersionParameter,
  M3_CREDENTIALS,
  m3ClientOf,
  outputFieldParameter,
  placeOutput,
  requiredText,
  templateProblems,
} from '../m3-node-support.ts';

const DOCS = [
  'Reads a customer with `CRS610MI/GetBasicData` (M3 has no plain `Get` for customers): name, address lines `CUA1`–`CUA4`, `TOWN`, `ECAR` (state), `PONO`, `CSCD`, `PHNO`, `MAIL`, `STAT`, `CUCD` and more. All values are text, as M3 sends them.',
  '',
  '- **Customer number** is a template on the item, e.g. `{{ CUNO }}`.',
  '- An unknown number fails the item with `CONNECTOR_VALIDATION` and M3’s message (`XIM0002` “Customer number … is invalid”).',
  '- **Output field** empty: the customer is the item; a path such as `customer` adds it to the input item instead.',
].join('\n');

const parameters = z.object({
  customerNumber: z.string().trim().min(1).default('{{ CUNO }}'),
  apiVersion: apiVersionParameter,
  outputField: outputFieldParameter,
});

/** CRS610MI/GetBasicData for each item. */
export const getCustomerNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'm3.getCustomer',
    version: 1,
    label: 'M3 get customer',
    category: 'connector',
    icon: 'user',
    summary: 'Read an Infor M3 customer (CRS610MI GetBasicData)',
    docs: DOCS,
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [{ name: 'main', label: 'Customers' }],
    credentials: M3_CREDENTIALS,
    expressionParameters: ['customerNumber'],
    summaryParameters: ['customerNumber'],
  },
  parameters,
  validate: (parameters) => templateProblems({ customerNumber: parameters.customerNumber }),
  async executeItem(json, context) {
    const { parameters } = context;
    const customerNumber = await requiredText(parameters.customerNumber, json, 'customerNumber');
    const client = await m3ClientOf(context);
    const { records } = await client.execute({
      program: 'CRS610MI',
      transaction: 'GetBasicData',
      input: { CUNO: customerNumber },
    });
    return emit(placeOutput(json, records[0] ?? null, parameters.outputField));
  },
});
