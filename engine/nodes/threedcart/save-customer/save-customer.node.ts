import { z } from 'zod';
import type { ThreeDCartClient } from '../../../connectors/threedcart/threedcart-client.ts';
import {
  CustomerKeysSchema,
  checkRecord,
  isJsonObject,
  type JsonObject,
  readWholeNumber,
} from '../../../connectors/threedcart/threedcart-records.ts';
import type { JsonValue } from '../../../contract/flow-document.ts';
import { BridgeflowError } from '../../../errors/bridgeflow-error.ts';
import { defineNodeType, emit } from '../../node-type.ts';
import {
  evaluate,
  expressionParameter,
  expressionProblems,
  openStore,
  STORE_CREDENTIALS,
  timeoutParameter,
  writeReport,
} from '../threedcart-node-support.ts';

const parameters = z.object({
  /** `upsert` finds the customer by Email and updates it, or creates it when there is none. */
  mode: z.enum(['upsert', 'create', 'update']).default('upsert'),
  /** The customer in 3dcart's field names (Email, BillingFirstName, BillingAddress1, ShippingCity…). */
  customer: expressionParameter('$'),
  timeoutMs: timeoutParameter,
});

/** GET returns the password as a 32-hex hash (§3); written back it would become the new password. */
const PASSWORD_HASH = /^[0-9a-f]{32}$/i;

/** Creates or updates a customer (reference/threedcart-api.md §2 "Customers", §12). */
export const saveCustomerNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'threedcart.saveCustomer',
    version: 1,
    label: '3dcart: create or update customer',
    category: 'connector',
    icon: 'user',
    summary: 'Create a customer, update one, or either by e-mail',
    docs: [
      '**customer** gives the customer in 3dcart’s field names, usually from a mapping node: `Email`, `BillingFirstName`, `BillingAddress1` (customers say `BillingAddress1` and `Shipping…` where orders say `BillingAddress` and `Shipment…`), `AdditionalField1`…',
      '',
      '- **Upsert** finds the customer by `Email`: updates it when found, creates it otherwise.',
      '- **Create** posts a new customer (3dcart refuses a second customer with the same e-mail).',
      '- **Update** writes the fields given to the customer `CustomerID` (3dcart updates only the fields sent).',
      '',
      'A `Password` read back from 3dcart (a 32-character hash) is never written back. Outputs `{ action, CustomerID, Email, response }`; in dry-run nothing is sent and the output says `dryRun: true` with the simulated response.',
    ].join('\n'),
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [{ name: 'main', label: 'Saved' }],
    credentials: STORE_CREDENTIALS,
    expressionParameters: ['customer'],
    summaryParameters: ['mode'],
  },
  parameters,
  validate: (values) => expressionProblems(values, ['customer']),
  async executeItem(json, context) {
    const { mode } = context.parameters;
    const customer = customerBody(await evaluate(context.parameters.customer, json));
    const client = await openStore(context);
    const email = typeof customer.Email === 'string' ? customer.Email : null;
    const existingId =
      mode === 'update'
        ? requireCustomerId(customer)
        : mode === 'upsert'
          ? await findByEmail(client, email)
          : undefined;
    const { CustomerID: _id, ...fields } = customer;
    if (existingId === undefined) {
      if (email === null) throw invalid('A new customer needs an Email');
      const result = await client.write('POST', 'Customers', fields);
      const created = readWholeNumber(result.rows[0]?.Value) ?? null;
      return emit({ action: 'created', CustomerID: created, Email: email, ...writeReport(result) });
    }
    const result = await client.write('PUT', `Customers/${existingId}`, fields);
    return emit({ action: 'updated', CustomerID: existingId, Email: email, ...writeReport(result) });
  },
});

function customerBody(value: JsonValue): JsonObject {
  if (!isJsonObject(value))
    throw invalid(`The customer must be an object of 3dcart fields; the item gives ${JSON.stringify(value)}`);
  const body: JsonObject = { ...value };
  if (typeof body.Password === 'string' && (body.Password === '' || PASSWORD_HASH.test(body.Password)))
    delete body.Password;
  return body;
}

function requireCustomerId(customer: JsonObject): number {
  const id = readWholeNumber(customer.CustomerID);
  if (id === undefined || id === 0) throw invalid('Updating a customer needs its CustomerID');
  return id;
}

async function findByEmail(client: ThreeDCartClient, email: string | null): Promise<number | undefined> {
  if (email === null || email.trim() === '') throw invalid('Finding the customer needs an Email');
  const [row] = await client.read('Customers', { email: email.trim() });
  return row === undefined ? undefined : checkRecord(row, CustomerKeysSchema, 'customer').keys.CustomerID;
}

function invalid(message: string): BridgeflowError {
  return new BridgeflowError('INPUT_INVALID', message, { retryable: false });
}
