import { z } from 'zod';
import { isJsonObject, type JsonObject, type JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';

// What the connector reads out of 3dcart's JSON (reference/threedcart-api.md §3, §7). Records are
// passed on to flows whole, as 3dcart sent them; these schemas only check the few fields the
// connector itself relies on (keys, SKUs, stock, timestamps), so a field 3dcart adds later or a
// field the schemas do not know never breaks a flow.

export { isJsonObject, type JsonObject };

/** Numbers and numeric strings: 3dcart sends ids as numbers, webhook forms and rows as strings (§7). */
const wholeNumber = z.union([z.int(), z.string().regex(/^\d+$/).transform(Number)]);

export const OrderKeysSchema = z.object({
  OrderID: z.int(),
  InvoiceNumber: z.int().optional(),
  /** Store-local `yyyy-MM-ddTHH:mm:ss` (§8). */
  LastUpdate: z.string().optional(),
  ShipmentList: z.array(z.object({ ShipmentID: z.int() })).optional(),
});
export type OrderKeys = z.output<typeof OrderKeysSchema>;

export const AdvancedOptionKeysSchema = z.object({
  AdvancedOptionCode: z.string(),
  /** Sic (§10 quirk 7): the variant SKU. */
  AdvancedOptionSufix: z.string().nullable().optional(),
  /** Whole units (§10 quirk 6). */
  AdvancedOptionStock: z.number().optional(),
});
export type AdvancedOptionKeys = z.output<typeof AdvancedOptionKeysSchema>;

export const ProductKeysSchema = z.object({
  SKUInfo: z.object({ CatalogID: z.int(), SKU: z.string(), Stock: z.number().optional() }),
  AdvancedOptionList: z.array(AdvancedOptionKeysSchema).nullable().optional(),
});
export type ProductKeys = z.output<typeof ProductKeysSchema>;

export const CustomerKeysSchema = z.object({ CustomerID: z.int(), Email: z.string().nullable().optional() });
export type CustomerKeys = z.output<typeof CustomerKeysSchema>;

/** One element of a write answer: `{"Key":"OrderID","Value":"47620","Status":"200","Message":"…"}` (§7). */
export const ResultRowSchema = z.object({
  Key: z.string(),
  Value: z.union([z.string(), z.number()]).transform(String),
  Status: z.union([z.string(), z.number()]).transform(String),
  Message: z.string().nullable().optional(),
});
export type ResultRow = z.output<typeof ResultRowSchema>;
const ResultRowsSchema = z.array(ResultRowSchema);

/** A record as 3dcart sent it, with the fields the connector checked. */
export interface Checked<T> {
  json: JsonObject;
  keys: T;
}

/** The record with its key fields checked; CONNECTOR_REMOTE_ERROR naming `what` when they are not there. */
export function checkRecord<T>(value: JsonValue | undefined, schema: z.ZodType<T>, what: string): Checked<T> {
  const parsed = schema.safeParse(value);
  if (!isJsonObject(value) || !parsed.success) {
    const detail = parsed.success ? 'not an object' : parsed.error.issues[0]?.message;
    const path = parsed.success ? '' : parsed.error.issues[0]?.path.join('.');
    throw new BridgeflowError(
      'CONNECTOR_REMOTE_ERROR',
      `3dcart returned a ${what} Bridgeflow cannot read${path ? ` (${path}: ${detail})` : ` (${detail})`}`,
      { retryable: false },
    );
  }
  return { json: value, keys: parsed.data };
}

/** The rows of a list answer: GET returns an array even for one record (§10 quirk 1). */
export function bodyRows(body: JsonValue | string, what: string): JsonValue[] {
  if (Array.isArray(body)) return body;
  throw new BridgeflowError(
    'CONNECTOR_REMOTE_ERROR',
    `3dcart answered a ${what} read with something other than a list`,
    {
      retryable: false,
    },
  );
}

/** The result rows of a write answer; an empty list when the body has none (e.g. 404 without content). */
export function resultRows(body: JsonValue | string): ResultRow[] {
  const parsed = ResultRowsSchema.safeParse(body);
  return parsed.success ? parsed.data : [];
}

/** An id given as a number or numeric text, or undefined. */
export function readWholeNumber(value: JsonValue | undefined): number | undefined {
  const parsed = wholeNumber.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
