import { M3_OIS100MI_ADD_BATCH_HEAD } from './m3-ois100mi-add-batch-head.schema.ts';
import { M3_OIS100MI_ADD_BATCH_LINE } from './m3-ois100mi-add-batch-line.schema.ts';
import type { RecordProblem, RecordSchema } from './record-schema.ts';
import { M3_QUERIES, m3Inputs, SAGE_CUSTOMER_E3, SAGE_ORDER_E1 } from './reference-examples.fixture.ts';
import { SAGE300_AR_CUSTOMER } from './sage300-ar-customer.schema.ts';
import { SAGE300_OE_ORDER } from './sage300-oe-order.schema.ts';
import { THREEDCART_ORDER_STATUS_UPDATE } from './threedcart-order-status-update.schema.ts';
import { THREEDCART_STOCK_UPDATE } from './threedcart-stock-update.schema.ts';

/** E1 with `change` applied to a deep copy. */
export function order(
  change: (body: Record<string, unknown> & { OrderDetails: Record<string, unknown>[] }) => void,
) {
  const body = structuredClone(SAGE_ORDER_E1);
  change(body);
  return body;
}

const head = (change: Record<string, unknown>) => ({ ...m3Inputs(M3_QUERIES.addBatchHead), ...change });
const line = (change: Record<string, unknown>) => ({ ...m3Inputs(M3_QUERIES.addBatchLine), ...change });

/** Records with exactly one problem each, for tests: [what, schema, record, the problem expected]. */
export const VIOLATIONS: [string, RecordSchema, unknown, RecordProblem][] = [
  [
    'PO number too long',
    SAGE300_OE_ORDER,
    order((body) => Object.assign(body, { PurchaseOrderNumber: '3DC-100245-REPLACEMENT-01' })),
    {
      path: 'PurchaseOrderNumber',
      code: 'tooLong',
      message: 'PurchaseOrderNumber is 25 characters; Sage 300 allows 22',
    },
  ],
  [
    'CustomerNumber missing',
    SAGE300_OE_ORDER,
    order((body) => delete body.CustomerNumber),
    {
      path: 'CustomerNumber',
      code: 'missing',
      message: 'CustomerNumber is required by Sage 300 but is missing',
    },
  ],
  [
    'CustomerNumber blank',
    SAGE300_OE_ORDER,
    order((body) => Object.assign(body, { CustomerNumber: '  ' })),
    {
      path: 'CustomerNumber',
      code: 'missing',
      message: 'CustomerNumber is required by Sage 300 but is blank',
    },
  ],
  [
    'Item missing on an Item line',
    SAGE300_OE_ORDER,
    order((body) => body.OrderDetails.push({ LineType: 'Item', QuantityOrdered: 1 })),
    {
      path: 'OrderDetails[2].Item',
      code: 'missing',
      message: 'OrderDetails[2].Item is required when LineType is "Item" but is missing',
    },
  ],
  [
    'LineType outside the allowed set',
    SAGE300_OE_ORDER,
    order((body) => Object.assign(body.OrderDetails[0] ?? {}, { LineType: 'Service' })),
    {
      path: 'OrderDetails[0].LineType',
      code: 'notAllowed',
      message: 'OrderDetails[0].LineType is "Service"; Sage 300 allows "Item" or "Miscellaneous"',
    },
  ],
  [
    'no order lines',
    SAGE300_OE_ORDER,
    order((body) => Object.assign(body, { OrderDetails: [] })),
    {
      path: 'OrderDetails',
      code: 'missing',
      message: 'OrderDetails has 0 entries; Sage 300 needs at least 1',
    },
  ],
  [
    'quantity sent as text to Sage',
    SAGE300_OE_ORDER,
    order((body) => Object.assign(body.OrderDetails[0] ?? {}, { QuantityOrdered: '2' })),
    {
      path: 'OrderDetails[0].QuantityOrdered',
      code: 'wrongType',
      message: 'OrderDetails[0].QuantityOrdered is text ("2"); Sage 300 expects a number',
    },
  ],
  [
    'TermsCode where ARCustomers wants Terms',
    SAGE300_AR_CUSTOMER,
    { ...SAGE_CUSTOMER_E3, TermsCode: 'N30' },
    {
      path: 'TermsCode',
      code: 'unknownField',
      message: 'TermsCode is not a field of Sage 300 customer (ARCustomers)',
    },
  ],
  [
    'OnHold not Yes/No',
    SAGE300_AR_CUSTOMER,
    { ...SAGE_CUSTOMER_E3, OnHold: 'true' },
    { path: 'OnHold', code: 'notAllowed', message: 'OnHold is "true"; Sage 300 allows "Yes" or "No"' },
  ],
  [
    'e-mail without @',
    SAGE300_AR_CUSTOMER,
    { ...SAGE_CUSTOMER_E3, Email: 'jane.example.com' },
    {
      path: 'Email',
      code: 'badFormat',
      message: 'Email is "jane.example.com"; Sage 300 expects an e-mail address',
    },
  ],
  [
    'M3 RLDT not YYYYMMDD',
    M3_OIS100MI_ADD_BATCH_HEAD,
    head({ RLDT: '2024-05-16' }),
    {
      path: 'RLDT',
      code: 'badFormat',
      message: 'RLDT is "2024-05-16"; Infor M3 expects a date as YYYYMMDD, e.g. 20240516',
    },
  ],
  [
    'M3 ORDT not a calendar date',
    M3_OIS100MI_ADD_BATCH_HEAD,
    head({ ORDT: '20240230' }),
    {
      path: 'ORDT',
      code: 'badFormat',
      message: 'ORDT is "20240230"; Infor M3 expects a date as YYYYMMDD, e.g. 20240516',
    },
  ],
  [
    'M3 numeric sent as a number',
    M3_OIS100MI_ADD_BATCH_LINE,
    line({ ORQT: 2 }),
    { path: 'ORQT', code: 'wrongType', message: 'ORQT is a number (2); Infor M3 expects text, so send "2"' },
  ],
  [
    'M3 numeric text that is not a number',
    M3_OIS100MI_ADD_BATCH_LINE,
    line({ SAPR: '19,95' }),
    {
      path: 'SAPR',
      code: 'badFormat',
      message: 'SAPR is "19,95"; Infor M3 expects a number written as text, e.g. "2" or "19.95"',
    },
  ],
  [
    'M3 customer number too long',
    M3_OIS100MI_ADD_BATCH_HEAD,
    head({ CUNO: 'WEB0001234567' }),
    { path: 'CUNO', code: 'tooLong', message: 'CUNO is 13 characters; Infor M3 allows 10' },
  ],
  [
    '3dcart status id not a whole number',
    THREEDCART_ORDER_STATUS_UPDATE,
    { OrderStatusID: 2.5 },
    {
      path: 'OrderStatusID',
      code: 'wrongType',
      message: 'OrderStatusID is 2.5; 3dcart expects a whole number',
    },
  ],
  [
    '3dcart stock update without CatalogID',
    THREEDCART_STOCK_UPDATE,
    { SKUInfo: { Stock: 38 } },
    {
      path: 'SKUInfo.CatalogID',
      code: 'missing',
      message: 'SKUInfo.CatalogID is required by 3dcart but is missing',
    },
  ],
];
