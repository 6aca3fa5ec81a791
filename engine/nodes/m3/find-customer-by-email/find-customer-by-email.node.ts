import { z } from 'zod';
import type { M3Client, M3Record } from '../../../connectors/m3/m3-client.ts';
import { m3Records } from '../../../connectors/m3/m3-paging.ts';
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

// M3 has no "customer by e-mail" transaction (reference/erp-apis.md B6, open question 11). Two
// ways are offered: CRS610MI/SearchCustomer with the Lucene-style query `MAIL:"..."` (whether MAIL
// is an indexed search field is unverified, so it is a setting), or paging CRS610MI/LstByNumber
// and comparing MAIL here, which always works but reads every customer.

const DOCS = [
  'Looks up an M3 customer by e-mail address, to reuse the customer a web shopper already has instead of creating a duplicate.',
  '',
  '- **E-mail** is a template on the item, e.g. `{{ BillingEmail }}`; it is compared with `MAIL` ignoring case and surrounding blanks.',
  '- **Method** *search* asks `CRS610MI/SearchCustomer` with `MAIL:"…"` (one call; needs MAIL in the tenant’s search index). *scan* pages through `CRS610MI/LstByNumber` (**Page size** customers per call) and compares every `MAIL`: slower, but works everywhere.',
  '- A match goes out on **found** (the customer, or the item with the customer at **Output field**); otherwise the item goes out unchanged on **not found**, ready for an “add customer” node.',
  '- Several matches: the first by customer number is used and a warning is logged.',
].join('\n');

const parameters = z.object({
  email: z.string().trim().min(1).default('{{ BillingEmail }}'),
  method: z.enum(['search', 'scan']).default('search'),
  pageSize: z.number().int().min(1).max(10_000).default(500),
  apiVersion: apiVersionParameter,
  outputField: outputFieldParameter,
});

/** CRS610MI customer lookup by MAIL. */
export const findCustomerByEmailNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'm3.findCustomerByEmail',
    version: 1,
    label: 'M3 find customer by e-mail',
    category: 'connector',
    icon: 'search',
    summary: 'Find the Infor M3 customer with an e-mail address',
    docs: DOCS,
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [
      { name: 'found', label: 'Found', showLabel: true },
      { name: 'notFound', label: 'Not found', showLabel: true },
    ],
    credentials: M3_CREDENTIALS,
    expressionParameters: ['email'],
    summaryParameters: ['email', 'method'],
  },
  parameters,
  validate: (parameters) => templateProblems({ email: parameters.email }),
  async executeItem(json, context) {
    const { parameters } = context;
    const email = (await requiredText(parameters.email, json, 'email')).toLowerCase();
    const client = await m3ClientOf(context);
    const candidates =
      parameters.method === 'search'
        ? searchByEmail(client, email)
        : scanByEmail(client, parameters.pageSize);
    const matches: M3Record[] = [];
    for await (const customer of candidates) {
      if ((customer.MAIL ?? '').trim().toLowerCase() === email) matches.push(customer);
    }
    matches.sort((a, b) => (a.CUNO ?? '').localeCompare(b.CUNO ?? ''));
    const [first] = matches;
    if (first === undefined) return emit(json, 'notFound');
    if (matches.length > 1) {
      context.logger.warn('Several M3 customers share the e-mail address; using the first', {
        email,
        customers: matches.map((match) => match.CUNO ?? ''),
      });
    }
    return emit(placeOutput(json, first, parameters.outputField), 'found');
  },
});

function searchByEmail(client: M3Client, email: string): AsyncIterable<M3Record> {
  // A quoted phrase keeps Lucene's special characters (- + : @ .) literal.
  const query = `MAIL:"${email.replace(/["\\]/g, '\\$&')}"`;
  return m3Records(client, {
    program: 'CRS610MI',
    transaction: 'SearchCustomer',
    input: { SQRY: query },
    maxRecords: 100,
  });
}

function scanByEmail(client: M3Client, pageSize: number): AsyncIterable<M3Record> {
  const call = { program: 'CRS610MI', transaction: 'LstByNumber' };
  return m3Records(client, call, { pageSize, startKey: { CUNO: 'CUNO' } });
}
