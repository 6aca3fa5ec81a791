import { M3_CRS610MI_ADD } from './m3-crs610mi-add.schema.ts';
import { M3_OIS100MI_ADD_BATCH_HEAD } from './m3-ois100mi-add-batch-head.schema.ts';
import { M3_OIS100MI_ADD_BATCH_LINE } from './m3-ois100mi-add-batch-line.schema.ts';
import type { RecordSchema } from './record-schema.ts';
import { SAGE300_AR_CUSTOMER } from './sage300-ar-customer.schema.ts';
import { SAGE300_AR_RECEIPT_BATCH } from './sage300-ar-receipt-batch.schema.ts';
import { SAGE300_GL_JOURNAL_BATCH } from './sage300-gl-journal-batch.schema.ts';
import { SAGE300_OE_ORDER } from './sage300-oe-order.schema.ts';
import { THREEDCART_CUSTOMER } from './threedcart-customer.schema.ts';
import { THREEDCART_ORDER } from './threedcart-order.schema.ts';
import { THREEDCART_ORDER_STATUS_UPDATE } from './threedcart-order-status-update.schema.ts';
import { THREEDCART_PRODUCT } from './threedcart-product.schema.ts';
import { THREEDCART_SHIPMENT_UPDATE } from './threedcart-shipment-update.schema.ts';
import { THREEDCART_STOCK_UPDATE } from './threedcart-stock-update.schema.ts';

/**
 * Every record schema the mapping editor offers, targets first. Plain JSON data: the host sends
 * them to the renderer as they are.
 */
export const MAPPING_SCHEMAS: readonly RecordSchema[] = [
  SAGE300_OE_ORDER,
  SAGE300_AR_CUSTOMER,
  SAGE300_GL_JOURNAL_BATCH,
  SAGE300_AR_RECEIPT_BATCH,
  M3_CRS610MI_ADD,
  M3_OIS100MI_ADD_BATCH_HEAD,
  M3_OIS100MI_ADD_BATCH_LINE,
  THREEDCART_SHIPMENT_UPDATE,
  THREEDCART_ORDER_STATUS_UPDATE,
  THREEDCART_STOCK_UPDATE,
  THREEDCART_ORDER,
  THREEDCART_CUSTOMER,
  THREEDCART_PRODUCT,
];

const BY_ID: ReadonlyMap<string, RecordSchema> = new Map(
  MAPPING_SCHEMAS.map((schema) => [schema.id, schema]),
);

/** The schema with this id (`sage300.OEOrder`, `m3.OIS100MI.AddBatchHead`, ...), or undefined. */
export function mappingSchema(id: string): RecordSchema | undefined {
  return BY_ID.get(id);
}
