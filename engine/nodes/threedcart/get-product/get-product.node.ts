import { z } from 'zod';
import { findProductBySku } from '../../../connectors/threedcart/product-lookup.ts';
import { defineNodeType, emit } from '../../node-type.ts';
import {
  evaluate,
  expressionParameter,
  expressionProblems,
  openStore,
  requireText,
  STORE_CREDENTIALS,
  timeoutParameter,
} from '../threedcart-node-support.ts';

const parameters = z.object({
  /** A product SKU or a variant SKU (an advanced option's AdvancedOptionSufix). */
  sku: expressionParameter('sku'),
  /** When the SKU is not found directly, read the whole catalog (200 products a request) for it. */
  catalogScan: z.boolean().default(false),
  timeoutMs: timeoutParameter,
});

/** Reads a product by SKU, including variant SKUs (reference/threedcart-api.md §2, §3, §10 quirk 12). */
export const getProductNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'threedcart.getProduct',
    version: 1,
    label: '3dcart: get product by SKU',
    category: 'connector',
    icon: 'package',
    summary: 'Read a product by its SKU or one of its variant SKUs',
    docs: [
      'Finds the product whose SKU is `sku` (default: the item’s `sku`; for an order line use `ItemID`). A variant SKU (an advanced option, e.g. `DRL-18V-BLK`) is found through its product: 3dcart filters products by the product SKU only, so the SKU is tried with its trailing `-…` parts removed, and with **Catalog scan** the whole catalog is read as a last resort.',
      '',
      'The output is the product as 3dcart gives it, plus `matchedSku`, `matchedVariant` (the advanced option, or null) and `stock`: the variant’s `AdvancedOptionStock` or the product’s `SKUInfo.Stock`. A SKU that is not in the store sends the input item to **Not found**.',
    ].join('\n'),
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [
      { name: 'main', label: 'Product' },
      { name: 'notFound', label: 'Not found', showLabel: true },
    ],
    credentials: STORE_CREDENTIALS,
    expressionParameters: ['sku'],
    summaryParameters: ['sku'],
  },
  parameters,
  validate: (values) => expressionProblems(values, ['sku']),
  async executeItem(json, context) {
    const sku = requireText(await evaluate(context.parameters.sku, json), 'sku');
    const client = await openStore(context);
    const target = await findProductBySku(client, sku, { catalogScan: context.parameters.catalogScan });
    if (target === undefined) return emit(json, 'notFound');
    const { product, variant } = target;
    const stock = variant ? (variant.keys.AdvancedOptionStock ?? null) : (product.keys.SKUInfo.Stock ?? null);
    return emit({ ...product.json, matchedSku: sku, matchedVariant: variant?.json ?? null, stock });
  },
});
