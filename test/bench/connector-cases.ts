// The connector calls the connectors benchmark makes: each one as a flow node, as a call of the
// typed client the node uses, and as the bare HTTP request both send, all to the same endpoint.
import { M3Client } from '../../engine/connectors/m3/m3-client.ts';
import { parseM3Credentials } from '../../engine/connectors/m3/m3-credentials.ts';
import { Sage300Client } from '../../engine/connectors/sage300/sage300-client.ts';
import { parseSage300Credentials } from '../../engine/connectors/sage300/sage300-credentials.ts';
import { SAGE300_RESOURCES } from '../../engine/connectors/sage300/sage300-resources.ts';
import { ThreeDCartClient } from '../../engine/connectors/threedcart/threedcart-client.ts';
import { parseThreeDCartCredentials } from '../../engine/connectors/threedcart/threedcart-credentials.ts';
import type { JsonValue } from '../../engine/contract/flow-document.ts';
import type { NodeContext } from '../../engine/nodes/node-type.ts';
import { DEFAULT_CREDENTIALS as THREEDCART_SANDBOX } from '../../engine/simulators/threedcart/threedcart-settings.ts';

/** One connector read, through a flow node, through our client and as the bare HTTP call. */
export interface ConnectorCase {
  system: 'threedcart' | 'sage300' | 'm3';
  title: string;
  node: { type: string; parameters: Record<string, JsonValue>; slot: string };
  /** The credential's fields as the secret store returns them, for the simulator at `url`. */
  credentials(url: string): Record<string, string>;
  item: JsonValue;
  /**
   * The typed client the node builds, built once on `context`, and the call the node makes with
   * it; the call throws unless it found the record.
   */
  client(context: NodeContext<unknown>, fields: Record<string, string>): () => Promise<void>;
  bare: { path: string; headers: Record<string, string> };
}

const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

function found(title: string, value: unknown): void {
  if (value === undefined || (Array.isArray(value) && value.length === 0))
    throw new Error(`${title}: record not found`);
}

export const CASES: ConnectorCase[] = [
  {
    system: 'sage300',
    title: 'Sage 300 find customer',
    node: {
      type: 'sage300.findCustomer',
      parameters: { by: 'number', value: 'CustomerNumber' },
      slot: 'erp',
    },
    credentials: (url) => ({
      baseUrl: `${url}/Sage300WebApi`,
      company: 'SAMINC',
      username: 'WEBAPI',
      password: 'WEBAPI',
    }),
    item: { CustomerNumber: 'C000001' },
    client(context, fields) {
      const client = new Sage300Client(context, parseSage300Credentials(fields));
      return async () =>
        found('Sage 300 customer C000001', await client.get(SAGE300_RESOURCES.customers, 'C000001'));
    },
    bare: {
      path: "/Sage300WebApi/v1.0/-/SAMINC/AR/ARCustomers('C000001')",
      headers: { authorization: basic('WEBAPI', 'WEBAPI'), 'content-type': 'application/json' },
    },
  },
  {
    system: 'm3',
    title: 'M3 get customer',
    node: { type: 'm3.getCustomer', parameters: { customerNumber: '{{ CUNO }}' }, slot: 'erp' },
    credentials: (url) => ({
      mode: 'basic',
      baseUrl: url,
      username: 'M3API',
      password: 'm3api-password',
      company: '100',
    }),
    item: { CUNO: 'TMPLWEB' },
    client(context, fields) {
      const client = new M3Client(context, parseM3Credentials(fields), { version: 'v2' });
      const call = { program: 'CRS610MI', transaction: 'GetBasicData', input: { CUNO: 'TMPLWEB' } };
      return async () => found('M3 customer TMPLWEB', (await client.execute(call)).records);
    },
    bare: {
      path: '/m3api-rest/v2/execute/CRS610MI/GetBasicData?CUNO=TMPLWEB',
      headers: { authorization: basic('M3API', 'm3api-password') },
    },
  },
  {
    system: 'threedcart',
    title: '3dcart get customer',
    node: {
      type: 'threedcart.getCustomer',
      parameters: { mode: 'id', customerId: 'CustomerID' },
      slot: 'store',
    },
    // The simulator runs without its leaky bucket and the credential grants an allowance to match
    // (the credential fields for a store with a granted allowance), so our limiter still takes a
    // token per call but never makes one wait: the benchmark measures calls, not 3dcart's 2/s.
    credentials: (url) => ({
      apiUrl: `${url}/3dCartWebAPI/v2`,
      secureUrl: THREEDCART_SANDBOX.secureUrl,
      privateKey: THREEDCART_SANDBOX.privateKey,
      token: THREEDCART_SANDBOX.token,
      requestsPerSecond: '1000000',
      requestBurst: '1000000',
    }),
    item: { CustomerID: 1 },
    client(context, fields) {
      const client = new ThreeDCartClient(context, parseThreeDCartCredentials(fields));
      return async () => found('3dcart customer 1', await client.read('Customers/1'));
    },
    bare: {
      path: '/3dCartWebAPI/v2/Customers/1',
      headers: {
        accept: 'application/json',
        secureurl: THREEDCART_SANDBOX.secureUrl,
        privatekey: THREEDCART_SANDBOX.privateKey,
        token: THREEDCART_SANDBOX.token,
      },
    },
  },
];
