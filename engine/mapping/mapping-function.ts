import type { JsonValue } from '../contract/flow-document.ts';

/**
 * A function of the mapping library: a plain, synchronous, pure function of JSON values, usable
 * both as a declarative mapping step (`{"fn": "date.toM3", "args": [...]}`) and inside JSONata
 * (`$dateToM3(OrderDate, "America/New_York")`).
 *
 * Bad input never throws for the common cases a mapping meets (empty, null, wrong type, unknown
 * code): it returns `null` so the target's required-field validation reports it with the path.
 * Only genuinely wrong *arguments* (an unknown time zone, a negative line count) throw
 * BridgeflowError MAPPING_FUNCTION_FAILED.
 */
export interface MappingFunction {
  /** Dotted name used in declarative mappings, e.g. `date.toM3`, `address.countryAlpha2`. */
  readonly name: string;
  /** Name bound in JSONata, without `$`, e.g. `dateToM3`. */
  readonly jsonataName: string;
  /** Group for the editor's function picker. */
  readonly category: 'date' | 'address' | 'money' | 'customer' | 'status' | 'text' | 'lookup';
  /** One line for the picker. */
  readonly summary: string;
  /** Arguments, in order, for the picker's small form. The first is usually the mapped value. */
  readonly parameters: readonly {
    name: string;
    type: 'string' | 'number' | 'boolean' | 'any';
    optional?: boolean;
    description: string;
  }[];
  /** Example call and result, shown in docs and used as a test. */
  readonly example: { args: readonly JsonValue[]; result: JsonValue };
  readonly implementation: (...args: JsonValue[]) => JsonValue;
}

/** Lookup tables as the mapping engine sees them: synchronous (SQLite through better-sqlite3, cached). */
export interface LookupResolver {
  /**
   * Looks `key` up in `table`. A miss returns the table's default when it has one; otherwise
   * `{ found: false, reason }` with a reason fit for the exception port ("SKU 'AP-9999' is not in
   * table 'sku-to-sage-item'").
   */
  resolve(
    table: string,
    key: string,
  ):
    | { found: true; value: string; matchedBy: 'exact' | 'caseInsensitive' | 'pattern' | 'default' }
    | { found: false; reason: string };
}
