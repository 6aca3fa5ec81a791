import { object, pickOptional, required } from './field-builders.ts';
import type { RecordSchema } from './record-schema.ts';
import { THREEDCART_SKU_INFO_FIELDS } from './threedcart-product.schema.ts';

// Facts: threedcart-api.md §2 (bulk PUT /Products with only SKUInfo{CatalogID, Stock}, 100 per call as
// SKUVAULT does), §3 (Stock is a decimal), §12 (example body).

/** One element of the bulk PUT /Products body that sets stock (threedcart-api.md §2, §12). */
export const THREEDCART_STOCK_UPDATE: RecordSchema = {
  id: 'threedcart.StockUpdate',
  title: '3dcart stock update',
  system: '3dcart',
  direction: 'target',
  description:
    'One element of the PUT /Products array, [{"SKUInfo":{"CatalogID":311,"Stock":38}}]; the connector ' +
    'sends up to 100 per call (§2). Variant stock goes to PUT /Products/{id}/AdvancedOptions instead.',
  unknownFields: 'reject',
  fields: [
    object(
      'SKUInfo',
      'Product and new stock (§3 ProductSKU)',
      pickOptional(THREEDCART_SKU_INFO_FIELDS, ['CatalogID', 'Stock']).map(required),
      { required: true },
    ),
  ],
};
