import type { Sage300Row } from './sage300-fields.ts';

/** Joins the values of a (composite) key into one Map key. */
export function joinKey(values: readonly (string | number)[]): string {
  return values.length === 1 ? String(values[0]) : values.join('\u0000');
}

const NUMERIC = /^\d+(?:\.\d+)?$/;

/** Key order as a view returns rows: segment by segment, numbers by value, text by code unit. */
export function compareKeys(left: string, right: string): number {
  const leftParts = left.split('\u0000');
  const rightParts = right.split('\u0000');
  for (let index = 0; index < leftParts.length; index++) {
    const a = leftParts[index] ?? '';
    const b = rightParts[index] ?? '';
    if (a === b) continue;
    if (NUMERIC.test(a) && NUMERIC.test(b)) return Number(a) - Number(b);
    return a < b ? -1 : 1;
  }
  return leftParts.length - rightParts.length;
}

/**
 * Rows indexed by key, listed in key order. Lookups are one Map access; the ordered list is rebuilt
 * only on the first listing after a write, so a run of GETs costs no sorting.
 */
export class KeyedTable {
  readonly #rows = new Map<string, Sage300Row>();
  #ordered: Sage300Row[] | undefined;

  get size(): number {
    return this.#rows.size;
  }

  get(key: string): Sage300Row | undefined {
    return this.#rows.get(key);
  }

  has(key: string): boolean {
    return this.#rows.has(key);
  }

  set(key: string, row: Sage300Row): void {
    this.#rows.set(key, row);
    this.#ordered = undefined;
  }

  delete(key: string): boolean {
    this.#ordered = undefined;
    return this.#rows.delete(key);
  }

  /** All rows in key order. */
  rows(): readonly Sage300Row[] {
    if (this.#ordered === undefined) {
      const keys = [...this.#rows.keys()].sort(compareKeys);
      this.#ordered = keys.map((key) => this.#rows.get(key) ?? {});
    }
    return this.#ordered;
  }
}
