import { describe, expect, it } from 'vitest';
import { M3_OIS100MI_ADD_BATCH_HEAD } from './m3-ois100mi-add-batch-head.schema.ts';
import { order, VIOLATIONS } from './record-violations.fixture.ts';
import { SAGE_CUSTOMER_E3, SAGE_ORDER_E1 } from './reference-examples.fixture.ts';
import { requiredPaths } from './required-paths.ts';
import { SAGE300_AR_CUSTOMER } from './sage300-ar-customer.schema.ts';
import { SAGE300_GL_JOURNAL_BATCH } from './sage300-gl-journal-batch.schema.ts';
import { SAGE300_OE_ORDER } from './sage300-oe-order.schema.ts';
import { THREEDCART_STOCK_UPDATE } from './threedcart-stock-update.schema.ts';
import { validateRecord } from './validate-record.ts';

describe('validateRecord', () => {
  it.each(VIOLATIONS)('%s', (_what, schema, record, expected) => {
    expect(validateRecord(schema, record)).toEqual([expected]);
  });

  it('reports every problem at once, in field order, unknown fields last', () => {
    const body = order((draft) => {
      delete draft.CustomerNumber;
      draft.PurchaseOrderNumber = 'X'.repeat(25);
      draft.TermsCodes = 'N30';
      Object.assign(draft.OrderDetails[0] ?? {}, { LineType: 'Service', QuantityOrdered: '2' });
      draft.OrderDetails.push({ LineType: 'Item' });
    });
    expect(validateRecord(SAGE300_OE_ORDER, body).map(({ path, code }) => `${code} ${path}`)).toEqual([
      'missing CustomerNumber',
      'tooLong PurchaseOrderNumber',
      'notAllowed OrderDetails[0].LineType',
      'wrongType OrderDetails[0].QuantityOrdered',
      'missing OrderDetails[2].Item',
      'missing OrderDetails[2].QuantityOrdered',
      'unknownField TermsCodes',
    ]);
  });

  it('does not check that a journal entry balances: that is a business rule, not a schema concern', () => {
    const unbalanced = {
      JournalHeaders: [
        {
          DocumentDate: '2024-05-14',
          JournalDetails: [
            { AccountNumber: '1020', Amount: 100 },
            { AccountNumber: '4000', Amount: -90 },
          ],
        },
      ],
    };
    expect(validateRecord(SAGE300_GL_JOURNAL_BATCH, unbalanced)).toEqual([]);
  });

  it('lets a caller accept fields the schema does not list', () => {
    const record = { ...SAGE_CUSTOMER_E3, PrintStatements: true };
    expect(validateRecord(SAGE300_AR_CUSTOMER, record).map((problem) => problem.code)).toEqual([
      'unknownField',
    ]);
    expect(validateRecord(SAGE300_AR_CUSTOMER, record, { unknownFields: 'allow' })).toEqual([]);
  });

  it('treats null and blank optional values as not given, and null required values as missing', () => {
    expect(
      validateRecord(SAGE300_AR_CUSTOMER, { ...SAGE_CUSTOMER_E3, InactiveDate: null, Email: '' }),
    ).toEqual([]);
    expect(validateRecord(SAGE300_AR_CUSTOMER, { ...SAGE_CUSTOMER_E3, CustomerNumber: null })).toEqual([
      {
        path: 'CustomerNumber',
        code: 'missing',
        message: 'CustomerNumber is required by Sage 300 but is missing',
      },
    ]);
  });

  it('says so when the record is not an object at all', () => {
    expect(validateRecord(SAGE300_OE_ORDER, [SAGE_ORDER_E1])).toEqual([
      {
        path: '',
        code: 'wrongType',
        message: 'Sage 300 sales order (OEOrders) should be an object but is a list',
      },
    ]);
  });

  it('reports a line that is not an object by its index', () => {
    const body = order((draft) => Object.assign(draft, { OrderDetails: ['A1-105/0'] }));
    expect(validateRecord(SAGE300_OE_ORDER, body)).toEqual([
      {
        path: 'OrderDetails[0]',
        code: 'wrongType',
        message: 'OrderDetails[0] is text; Sage 300 expects an object',
      },
    ]);
  });
});

describe('requiredPaths', () => {
  it('lists the OE order header and line fields, conditional ones included', () => {
    expect(requiredPaths(SAGE300_OE_ORDER)).toEqual([
      'CustomerNumber',
      'OrderDetails[].LineType',
      'OrderDetails[].Item',
      'OrderDetails[].QuantityOrdered',
      'OrderDetails[].MiscellaneousChargesCode',
    ]);
    expect(requiredPaths(SAGE300_OE_ORDER, { conditional: false })).toEqual([
      'CustomerNumber',
      'OrderDetails[].LineType',
    ]);
  });

  it('lists CUNO alone for AddBatchHead (erp-apis.md B5)', () => {
    expect(requiredPaths(M3_OIS100MI_ADD_BATCH_HEAD)).toEqual(['CUNO']);
  });

  it('follows nested lists and objects', () => {
    expect(requiredPaths(SAGE300_GL_JOURNAL_BATCH)).toEqual([
      'JournalHeaders[].JournalDetails[].AccountNumber',
      'JournalHeaders[].JournalDetails[].Amount',
    ]);
    expect(requiredPaths(THREEDCART_STOCK_UPDATE)).toEqual(['SKUInfo.CatalogID', 'SKUInfo.Stock']);
  });
});
