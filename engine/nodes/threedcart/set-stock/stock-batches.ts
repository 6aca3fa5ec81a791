import type { SkuTarget } from '../../../connectors/threedcart/product-lookup.ts';
import type { ThreeDCartClient, WriteResult } from '../../../connectors/threedcart/threedcart-client.ts';
import type { JsonObject, ResultRow } from '../../../connectors/threedcart/threedcart-records.ts';
import type { JsonValue } from '../../../contract/flow-document.ts';
import { BridgeflowError } from '../../../errors/bridgeflow-error.ts';
import { codeForStatus } from '../../../run/http/http-errors.ts';
import { DRY_RUN_NOTE } from '../threedcart-node-support.ts';

// Stock lives in two places (reference/threedcart-api.md §10 quirk 12): a product's SKUInfo.Stock,
// written in bulk with `PUT /Products` `[{"SKUInfo":{"CatalogID":311,"Stock":38}}]`, and a variant's
// AdvancedOptionStock, written per product with `PUT /Products/{id}/AdvancedOptions`
// `[{"AdvancedOptionCode":"27","AdvancedOptionStock":22}]` (§2, §12; SkuVault does both).

/** One input item's stock change, resolved to where the stock lives. */
export interface StockLine {
  itemIndex: number;
  sku: string;
  stock: number;
  target: SkuTarget;
}

/** One element of a bulk PUT and the input lines it carries (the last line of a repeated SKU wins). */
interface StockWrite {
  /** CatalogID or AdvancedOptionCode: the Value of 3dcart's result row for it. */
  key: string;
  body: JsonObject;
  lines: StockLine[];
}

/** What happened to one line: its output, or its failure. */
export type LineOutcome =
  | { itemIndex: number; output: JsonObject }
  | { itemIndex: number; error: BridgeflowError };

/** Sends every change, `batchSize` elements a request, and answers one outcome per line. */
export async function writeStock(
  client: ThreeDCartClient,
  lines: readonly StockLine[],
  batchSize: number,
): Promise<LineOutcome[]> {
  const outcomes: LineOutcome[] = [];
  const products = new Map<string, StockWrite>();
  const variants = new Map<number, Map<string, StockWrite>>();
  for (const line of lines) {
    const { product, variant } = line.target;
    const catalogId = product.keys.SKUInfo.CatalogID;
    if (variant === undefined) {
      addLine(products, String(catalogId), { SKUInfo: { CatalogID: catalogId, Stock: line.stock } }, line);
      continue;
    }
    const code = variant.keys.AdvancedOptionCode;
    const options = variants.get(catalogId) ?? new Map<string, StockWrite>();
    variants.set(catalogId, options);
    addLine(options, code, { AdvancedOptionCode: code, AdvancedOptionStock: line.stock }, line);
  }
  for (const batch of chunks([...products.values()], batchSize)) {
    outcomes.push(...(await sendBatch(client, 'Products', batch)));
  }
  for (const [catalogId, options] of variants) {
    for (const batch of chunks([...options.values()], batchSize)) {
      outcomes.push(...(await sendBatch(client, `Products/${catalogId}/AdvancedOptions`, batch)));
    }
  }
  return outcomes;
}

function addLine(writes: Map<string, StockWrite>, key: string, body: JsonObject, line: StockLine): void {
  const write = writes.get(key);
  if (write) {
    write.body = body;
    write.lines.push(line);
  } else {
    writes.set(key, { key, body, lines: [line] });
  }
}

async function sendBatch(
  client: ThreeDCartClient,
  path: string,
  batch: readonly StockWrite[],
): Promise<LineOutcome[]> {
  let result: WriteResult;
  try {
    result = await client.write(
      'PUT',
      path,
      batch.map((write) => write.body),
    );
  } catch (thrown) {
    if (!(thrown instanceof BridgeflowError)) throw thrown;
    return batch.flatMap((write) =>
      write.lines.map((line) => ({ itemIndex: line.itemIndex, error: thrown })),
    );
  }
  const rows = rowsByWrite(batch, result.rows);
  return batch.flatMap((write, index) =>
    write.lines.map((line): LineOutcome => {
      const row = rows[index];
      if (!result.dryRun && row !== undefined && row.Status !== '200') {
        return { itemIndex: line.itemIndex, error: rowError(line, row) };
      }
      return { itemIndex: line.itemIndex, output: lineOutput(line, result, row) };
    }),
  );
}

/**
 * The result row of each write: 3dcart answers one row per element sent, in order (§7); when the
 * count differs, rows are matched by their Value (the CatalogID or the option code).
 */
function rowsByWrite(batch: readonly StockWrite[], rows: readonly ResultRow[]): (ResultRow | undefined)[] {
  if (rows.length === batch.length) return [...rows];
  return batch.map((write) => rows.find((row) => row.Value === write.key));
}

function rowError(line: StockLine, row: ResultRow): BridgeflowError {
  const status = Number(row.Status);
  const message = row.Message ?? `status ${row.Status}`;
  return new BridgeflowError(
    Number.isInteger(status) && status >= 400 ? codeForStatus(status) : 'CONNECTOR_REMOTE_ERROR',
    `3dcart did not set the stock of SKU ${line.sku}: ${message}`,
    {
      retryable: false,
      remote: { status: Number.isInteger(status) ? status : undefined, code: row.Key, message },
    },
  );
}

function lineOutput(line: StockLine, result: WriteResult, row: ResultRow | undefined): JsonObject {
  const { product, variant } = line.target;
  const output: JsonObject = {
    sku: line.sku,
    stock: line.stock,
    target: variant ? 'variant' : 'product',
    CatalogID: product.keys.SKUInfo.CatalogID,
    AdvancedOptionCode: variant?.keys.AdvancedOptionCode ?? null,
    previousStock: (variant ? variant.keys.AdvancedOptionStock : product.keys.SKUInfo.Stock) ?? null,
  };
  if (result.dryRun)
    return { ...output, dryRun: true, note: DRY_RUN_NOTE, simulatedResponse: simulatedSummary(result.body) };
  return {
    ...output,
    dryRun: false,
    status: row?.Status ?? String(result.status),
    message: row?.Message ?? '',
  };
}

/**
 * The simulated response without the request body: a batch body holds up to a few hundred
 * elements, and every item of the batch would carry it. The trace keeps the whole exchange.
 */
function simulatedSummary(body: JsonValue | string): JsonValue {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const request = body.request;
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return body;
  return { ...body, request: { method: request.method ?? null, url: request.url ?? null } };
}

function chunks<T>(values: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < values.length; start += size) result.push(values.slice(start, start + size));
  return result;
}
