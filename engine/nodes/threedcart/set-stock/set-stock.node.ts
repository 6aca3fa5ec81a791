import { z } from 'zod';
import { resolveSkus } from '../../../connectors/threedcart/product-lookup.ts';
import { PAGE_MAXIMUM } from '../../../connectors/threedcart/threedcart-client.ts';
import { BridgeflowError } from '../../../errors/bridgeflow-error.ts';
import { type BatchOutput, defineNodeType, type InputItem } from '../../node-type.ts';
import {
  evaluate,
  expressionParameter,
  expressionProblems,
  openStore,
  requireText,
  STORE_CREDENTIALS,
  timeoutParameter,
} from '../threedcart-node-support.ts';
import { type LineOutcome, type StockLine, writeStock } from './stock-batches.ts';

const parameters = z.object({
  sku: expressionParameter('sku'),
  /** The new quantity on hand; variants take whole units (AdvancedOptionStock is an int, §10 quirk 6). */
  stock: expressionParameter('stock'),
  /** `auto` looks SKUs up one by one, or reads the catalog once when there are more than 25. */
  skuLookup: z.enum(['auto', 'bySku', 'catalogScan']).default('auto'),
  /**
   * Elements per bulk PUT. 3dcart documents no PUT maximum ("see throttling limits", §6); SkuVault
   * sends 100, and the Products read maximum (200) is the ceiling here.
   */
  batchSize: z.number().int().min(1).max(PAGE_MAXIMUM.products).default(100),
  timeoutMs: timeoutParameter,
});

type SetStockParameters = z.output<typeof parameters>;
type Failure = { itemIndex: number; error: unknown };

/** Sets stock for many SKUs at once, products and variants alike. */
export const setStockNode = defineNodeType({
  kind: 'batch',
  description: {
    type: 'threedcart.setStock',
    version: 1,
    label: '3dcart: set stock',
    category: 'connector',
    icon: 'package',
    summary: 'Set the stock of many SKUs in bulk (products and variants)',
    docs: [
      'Sets the stock of every input item’s `sku` to its `stock` (e.g. from an ERP stock list). A product SKU updates `SKUInfo.Stock`, in bulk requests of **Batch size** products; a variant SKU (advanced option) updates its `AdvancedOptionStock`, one request per product for all its variants. Variant stock must be whole units.',
      '',
      'SKUs are looked up first (variant SKUs through their product, see **3dcart: get product by SKU**); with more than 25 SKUs the catalog is read once instead. Each item goes out with `{ sku, stock, target, CatalogID, AdvancedOptionCode, previousStock, status }`. An unknown SKU, a refused row (3dcart answers 206 with one status per row) or a failed request fails only the items concerned, which go to the error port when it is wired.',
      '',
      'In dry-run nothing is sent: each item says `dryRun: true` with the simulated response; the trace holds the full requests.',
    ].join('\n'),
    trigger: false,
    inputs: [{ name: 'main', label: 'Stock levels' }],
    outputs: [{ name: 'main', label: 'Updated' }],
    credentials: STORE_CREDENTIALS,
    expressionParameters: ['sku', 'stock'],
    summaryParameters: ['skuLookup'],
  },
  parameters,
  validate: (values) => expressionProblems(values, ['sku', 'stock']),
  async execute(items, context) {
    const { parameters } = context;
    const failures: Failure[] = [];
    const wanted = await readStockLevels(items, parameters, failures);
    const client = await openStore(context);
    const targets = await resolveSkus(
      client,
      wanted.map((level) => level.sku),
      parameters.skuLookup,
    );
    const lines: StockLine[] = [];
    for (const level of wanted) {
      const target = targets.get(level.sku.toLowerCase());
      const problem =
        target === undefined
          ? unknownSku(level.sku)
          : target.variant && !Number.isInteger(level.stock)
            ? fractionalVariant(level)
            : undefined;
      if (problem) failures.push({ itemIndex: level.itemIndex, error: problem });
      else if (target) lines.push({ ...level, target });
    }
    const outcomes = await writeStock(client, lines, parameters.batchSize);
    return { outputs: outcomes.flatMap(toOutput), failures: [...failures, ...outcomes.flatMap(toFailure)] };
  },
});

interface StockLevel {
  itemIndex: number;
  sku: string;
  stock: number;
}

async function readStockLevels(
  items: readonly InputItem[],
  parameters: SetStockParameters,
  failures: Failure[],
): Promise<StockLevel[]> {
  const levels: StockLevel[] = [];
  for (const item of items) {
    try {
      const sku = requireText(await evaluate(parameters.sku, item.json), 'sku');
      const stock = await evaluate(parameters.stock, item.json);
      const quantity = typeof stock === 'string' && stock.trim() !== '' ? Number(stock) : stock;
      if (typeof quantity !== 'number' || !Number.isFinite(quantity)) {
        throw invalid(`stock must be a number; the item gives ${JSON.stringify(stock)}`);
      }
      levels.push({ itemIndex: item.index, sku, stock: quantity });
    } catch (thrown) {
      failures.push({ itemIndex: item.index, error: thrown });
    }
  }
  return levels;
}

function unknownSku(sku: string): BridgeflowError {
  return new BridgeflowError(
    'CONNECTOR_NOT_FOUND',
    `SKU ${sku} is neither a product nor a variant SKU in the store`,
    {
      retryable: false,
    },
  );
}

function fractionalVariant(level: StockLevel): BridgeflowError {
  return invalid(`SKU ${level.sku} is a variant, whose stock is whole units; the item gives ${level.stock}`);
}

function invalid(message: string): BridgeflowError {
  return new BridgeflowError('INPUT_INVALID', message, { retryable: false });
}

function toOutput(outcome: LineOutcome): BatchOutput[] {
  return 'output' in outcome ? [{ port: 'main', json: outcome.output, from: [outcome.itemIndex] }] : [];
}

function toFailure(outcome: LineOutcome): Failure[] {
  return 'error' in outcome ? [{ itemIndex: outcome.itemIndex, error: outcome.error }] : [];
}
