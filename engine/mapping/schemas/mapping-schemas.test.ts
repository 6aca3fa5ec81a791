import { describe, expect, it } from 'vitest';
import { MAPPING_SCHEMAS, mappingSchema } from './mapping-schemas.ts';
import type { FieldSpec, RecordSchema } from './record-schema.ts';
import { toZod } from './record-zod.ts';
import {
  M3_QUERIES,
  m3Inputs,
  SAGE_CUSTOMER_E3,
  SAGE_ORDER_E1,
  THREEDCART_SHIPMENT_BODY,
  THREEDCART_STATUS_BODY,
  THREEDCART_STOCK_BODY,
} from './reference-examples.fixture.ts';
import { THREEDCART_CUSTOMER_EXAMPLE, THREEDCART_PRODUCT_EXAMPLE } from './threedcart-catalog.fixture.ts';
import { THREEDCART_ORDER_EXAMPLE } from './threedcart-order.fixture.ts';
import { validateRecord } from './validate-record.ts';

function schema(id: string): RecordSchema {
  const found = mappingSchema(id);
  if (found === undefined) throw new Error(`no schema ${id}`);
  return found;
}

const REFERENCE_EXAMPLES: [string, string, unknown][] = [
  ['erp-apis.md E1 order body', 'sage300.OEOrder', SAGE_ORDER_E1],
  ['erp-apis.md E3 customer body', 'sage300.ARCustomer', SAGE_CUSTOMER_E3],
  ['erp-apis.md E4 AddBatchHead', 'm3.OIS100MI.AddBatchHead', m3Inputs(M3_QUERIES.addBatchHead)],
  ['erp-apis.md E4 AddBatchLine', 'm3.OIS100MI.AddBatchLine', m3Inputs(M3_QUERIES.addBatchLine)],
  ['erp-apis.md E5 CRS610MI Add', 'm3.CRS610MI.Add', m3Inputs(M3_QUERIES.crs610Add)],
  ['threedcart-api.md §12 order', 'threedcart.Order', THREEDCART_ORDER_EXAMPLE],
  ['threedcart-api.md §12 product', 'threedcart.Product', THREEDCART_PRODUCT_EXAMPLE],
  ['threedcart-api.md §12 customer', 'threedcart.Customer', THREEDCART_CUSTOMER_EXAMPLE],
  ['threedcart-api.md §12 shipment PUT', 'threedcart.ShipmentUpdate', THREEDCART_SHIPMENT_BODY],
  ['threedcart-api.md §12 status PUT', 'threedcart.OrderStatusUpdate', THREEDCART_STATUS_BODY],
  ['threedcart-api.md §12 stock PUT [0]', 'threedcart.StockUpdate', THREEDCART_STOCK_BODY[0]],
  ['threedcart-api.md §12 stock PUT [1]', 'threedcart.StockUpdate', THREEDCART_STOCK_BODY[1]],
];

describe('reference example payloads', () => {
  it.each(REFERENCE_EXAMPLES)('%s validates clean against %s', (_name, id, payload) => {
    expect(validateRecord(schema(id), payload)).toEqual([]);
    expect(toZod(schema(id)).safeParse(payload).success).toBe(true);
  });
});

/** Every list of sibling fields in a schema: the top level and each object's or array item's fields. */
function fieldLevels(fields: readonly FieldSpec[]): (readonly FieldSpec[])[] {
  return [
    fields,
    ...fields.flatMap((field) => (field.fields === undefined ? [] : fieldLevels(field.fields))),
  ];
}

describe('MAPPING_SCHEMAS registry', () => {
  it('offers the schemas the templates need, by stable id', () => {
    expect(MAPPING_SCHEMAS.map((entry) => entry.id)).toEqual([
      'sage300.OEOrder',
      'sage300.ARCustomer',
      'sage300.GLJournalBatch',
      'sage300.ARReceiptBatch',
      'm3.CRS610MI.Add',
      'm3.OIS100MI.AddBatchHead',
      'm3.OIS100MI.AddBatchLine',
      'threedcart.ShipmentUpdate',
      'threedcart.OrderStatusUpdate',
      'threedcart.StockUpdate',
      'threedcart.Order',
      'threedcart.Customer',
      'threedcart.Product',
    ]);
    expect(mappingSchema('sage300.OEOrder')?.title).toBe('Sage 300 sales order (OEOrders)');
    expect(mappingSchema('sage300.OEOrders')).toBeUndefined();
  });

  it('is plain JSON data the renderer can receive unchanged', () => {
    expect(JSON.parse(JSON.stringify(MAPPING_SCHEMAS))).toEqual(MAPPING_SCHEMAS);
  });

  it.each(MAPPING_SCHEMAS.map((entry) => [entry.id, entry] as const))('%s is well formed', (id, entry) => {
    for (const level of fieldLevels(entry.fields)) {
      const names = level.map((field) => field.name);
      expect(new Set(names).size, `duplicate field name in ${id}`).toBe(names.length);
      for (const field of level) {
        expect(field.description, `${id} ${field.name} has no description`).not.toBe('');
        // A condition must name a sibling, or the field could never become required.
        if (field.requiredWhen !== undefined) expect(names).toContain(field.requiredWhen.field);
      }
    }
  });

  it('gives M3 targets text fields only, because M3 values travel as strings (erp-apis.md B4)', () => {
    const m3 = MAPPING_SCHEMAS.filter((entry) => entry.system === 'm3');
    for (const field of m3.flatMap((entry) => entry.fields)) expect(['string', 'date']).toContain(field.type);
  });

  it('rejects unknown fields on targets and allows them on sources', () => {
    for (const entry of MAPPING_SCHEMAS) {
      expect(entry.unknownFields).toBe(entry.direction === 'target' ? 'reject' : 'allow');
    }
  });
});
