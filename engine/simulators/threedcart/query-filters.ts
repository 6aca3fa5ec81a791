import { parseFilterDate } from './threedcart-dates.ts';
import { isTrue } from './threedcart-paging.ts';
import { ApiError } from './threedcart-responses.ts';

export type Predicate<T> = (record: T) => boolean;

/**
 * Turns list query parameters into one predicate. Parameters that are absent add nothing; values that
 * do not parse are a 400, as ASP.NET model binding refuses them. Text comparisons ignore case (the
 * store's SQL Server collation does).
 */
export class FilterBuilder<T> {
  readonly #query: ReadonlyMap<string, string>;
  readonly #predicates: Predicate<T>[] = [];

  constructor(query: ReadonlyMap<string, string>) {
    this.#query = query;
  }

  /** Exact match, ignoring case. */
  equals(name: string, field: (record: T) => string | null): this {
    const wanted = this.#value(name)?.toLowerCase();
    if (wanted !== undefined)
      this.#predicates.push((record) => (field(record) ?? '').toLowerCase() === wanted);
    return this;
  }

  /** Substring match, ignoring case. UNVERIFIED: whether name filters match parts or whole values. */
  contains(name: string, field: (record: T) => string | null): this {
    const wanted = this.#value(name)?.toLowerCase();
    if (wanted !== undefined) {
      this.#predicates.push((record) => (field(record) ?? '').toLowerCase().includes(wanted));
    }
    return this;
  }

  /** Equal to a number. */
  number(name: string, field: (record: T) => number): this {
    const wanted = this.#number(name);
    if (wanted !== undefined) this.#predicates.push((record) => field(record) === wanted);
    return this;
  }

  /** Inclusive range from two parameters, e.g. `pricefrom`/`priceto`. */
  range(startName: string, endName: string, field: (record: T) => number): this {
    const start = this.#number(startName);
    const end = this.#number(endName);
    if (start !== undefined) this.#predicates.push((record) => field(record) >= start);
    if (end !== undefined) this.#predicates.push((record) => field(record) <= end);
    return this;
  }

  /** Inclusive date window, e.g. `datestart`/`dateend` in `mm/dd/yyyy hh:mm:ss` (§8). */
  dateRange(startName: string, endName: string, field: (record: T) => string | undefined): this {
    const start = this.#date(startName);
    const end = this.#date(endName);
    if (start !== undefined) this.#predicates.push((record) => (field(record) ?? '') >= start);
    if (end !== undefined) this.#predicates.push((record) => (field(record) ?? '\uffff') <= end);
    return this;
  }

  /** A boolean flag such as `onsale=1`. */
  flag(name: string, field: (record: T) => boolean): this {
    const value = this.#value(name);
    if (value !== undefined) {
      const wanted = isTrue(value);
      this.#predicates.push((record) => field(record) === wanted);
    }
    return this;
  }

  /** Any other test, when the parameter is present. */
  custom(name: string, test: (value: string) => Predicate<T>): this {
    const value = this.#value(name);
    if (value !== undefined) this.#predicates.push(test(value));
    return this;
  }

  build(): Predicate<T> {
    const predicates = this.#predicates;
    if (predicates.length === 0) return () => true;
    return (record) => predicates.every((predicate) => predicate(record));
  }

  #value(name: string): string | undefined {
    const value = this.#query.get(name);
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  #number(name: string): number | undefined {
    const value = this.#value(name);
    if (value === undefined) return undefined;
    const number = Number(value);
    if (!Number.isFinite(number)) throw new ApiError(400, `The value '${value}' is not valid for ${name}.`);
    return number;
  }

  #date(name: string): string | undefined {
    const value = this.#value(name);
    if (value === undefined) return undefined;
    const parsed = parseFilterDate(value);
    if (parsed === undefined) {
      throw new ApiError(400, `The value '${value}' is not a valid date for ${name} (mm/dd/yyyy hh:mm:ss).`);
    }
    return parsed;
  }
}
