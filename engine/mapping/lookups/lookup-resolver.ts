import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import type { LookupResolver } from '../mapping-function.ts';
import { type CompiledLookupTable, compileLookupTable, type LookupResult } from './compiled-lookup-table.ts';
import type { LookupTable } from './lookup-table.ts';
import type { LookupTableListener } from './lookup-table-repository.ts';

/** Where the resolver reads tables from: {@link LookupTableRepository} in the product, anything in tests. */
export interface LookupTableSource {
  getTable(name: string): LookupTable | undefined;
  onChange(listener: LookupTableListener): () => void;
}

/**
 * The mapping engine's {@link LookupResolver} over stored tables. Each table is read and compiled
 * on first use and kept in memory; an edit through the same source drops that table from the
 * cache, so the next lookup sees it. Unknown tables are cached too (a flow referring to a missing
 * table would otherwise query SQLite once per item), and dropped when a table of that name appears.
 *
 * Edits made through another connection (another process sharing the database file) are not seen
 * until {@link invalidate} is called: checking SQLite on every lookup would cost the speed the
 * cache exists for.
 */
export class CachedLookupResolver implements LookupResolver {
  readonly #source: LookupTableSource;
  readonly #cache = new Map<string, CompiledLookupTable | null>();
  readonly #unsubscribe: () => void;

  constructor(source: LookupTableSource) {
    this.#source = source;
    this.#unsubscribe = source.onChange((table) => this.invalidate(table));
  }

  resolve(table: string, key: string): LookupResult {
    const compiled = this.#compiled(table);
    if (compiled) return compiled.match(key);
    return { found: false, reason: `There is no lookup table named '${table}' (looking up '${key}')` };
  }

  /**
   * The distinct `keys` that no row of `table` covers, in first-seen order. The default value does
   * not count as covering: these are the values to add as rows ("create a table from unmapped
   * values") or that drifted in since the table was made (new shipping methods, SKUs, statuses).
   * Throws INPUT_INVALID for an unknown table.
   */
  unmappedValues(table: string, keys: readonly string[]): string[] {
    const compiled = this.#compiled(table);
    if (!compiled) throw new BridgeflowError('INPUT_INVALID', `There is no lookup table named '${table}'`);
    return [...new Set(keys)].filter((key) => !compiled.covers(key));
  }

  /** Whether the source has `table` (cached like the tables themselves). */
  hasTable(table: string): boolean {
    return this.#compiled(table) !== null;
  }

  /** Forgets one table, or every table when called without a name. */
  invalidate(table?: string): void {
    if (table === undefined) this.#cache.clear();
    else this.#cache.delete(table);
  }

  /** Stops listening to the source; the resolver keeps answering from what it has cached. */
  close(): void {
    this.#unsubscribe();
  }

  #compiled(table: string): CompiledLookupTable | null {
    let compiled = this.#cache.get(table);
    if (compiled === undefined) {
      const stored = this.#source.getTable(table);
      compiled = stored ? compileLookupTable(stored) : null;
      this.#cache.set(table, compiled);
    }
    return compiled;
  }
}
