import type { LookupResolver } from '../mapping-function.ts';
import type { LookupRow, LookupTable } from './lookup-table.ts';

/** What {@link LookupResolver.resolve} returns. */
export type LookupResult = ReturnType<LookupResolver['resolve']>;

/** A hit: what a row (or the default) gave. */
export type LookupHit = Extract<LookupResult, { found: true }>;

/**
 * A lookup table prepared for fast, repeated matching: exact keys and lower-cased keys in Maps,
 * patterns compiled to RegExp once. Hits are built once and frozen, so a cached exact lookup is two
 * Map reads and no allocation (the mapping engine calls this once per field per item).
 */
export interface CompiledLookupTable {
  readonly name: string;
  /** Resolution order: exact, case-insensitive, patterns in row order, the default, else a miss. */
  match(key: string): LookupResult;
  /** True when a row covers `key`; the default does not count (it is what drift detection flags). */
  covers(key: string): boolean;
}

/** Translates a glob (`*` any run, `?` one character) into an anchored RegExp. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (const character of glob) {
    if (character === '*') source += '.*';
    else if (character === '?') source += '.';
    else source += character.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  // `s` so `*` also spans line breaks; `u` so `?` is one character even outside the BMP (emoji).
  return new RegExp(`^${source}$`, 'su');
}

/**
 * Case folding for `caseInsensitive` rows. `toLowerCase` without a locale is locale-independent
 * (no Turkish dotless-i surprises) and what users expect for codes and names.
 */
function foldCase(text: string): string {
  return text.toLowerCase();
}

function hit(value: string, matchedBy: LookupHit['matchedBy']): LookupHit {
  return Object.freeze({ found: true, value, matchedBy });
}

interface Indexes {
  exact: Map<string, LookupHit>;
  caseInsensitive: Map<string, LookupHit>;
  patterns: { regExp: RegExp; hit: LookupHit }[];
}

/** Indexes rows by mode; on a clash the earlier row wins, as row order decides everywhere else. */
function indexRows(rows: readonly LookupRow[]): Indexes {
  const indexes: Indexes = { exact: new Map(), caseInsensitive: new Map(), patterns: [] };
  for (const row of rows) {
    const rowHit = hit(row.value, row.match);
    if (row.match === 'exact') {
      if (!indexes.exact.has(row.key)) indexes.exact.set(row.key, rowHit);
    } else if (row.match === 'caseInsensitive') {
      const folded = foldCase(row.key);
      if (!indexes.caseInsensitive.has(folded)) indexes.caseInsensitive.set(folded, rowHit);
    } else {
      indexes.patterns.push({ regExp: globToRegExp(row.key), hit: rowHit });
    }
  }
  return indexes;
}

/** Prepares `table` for matching. */
export function compileLookupTable(table: LookupTable): CompiledLookupTable {
  const { exact, caseInsensitive, patterns } = indexRows(table.rows);
  const fallback = table.defaultValue === undefined ? undefined : hit(table.defaultValue, 'default');
  const rowFor = (key: string): LookupHit | undefined =>
    exact.get(key) ??
    (caseInsensitive.size > 0 ? caseInsensitive.get(foldCase(key)) : undefined) ??
    (patterns.length > 0 ? patterns.find((pattern) => pattern.regExp.test(key))?.hit : undefined);
  return {
    name: table.name,
    match(key) {
      const found = rowFor(key) ?? fallback;
      if (found) return found;
      return { found: false, reason: `${table.keyLabel} '${key}' is not in table '${table.name}'` };
    },
    covers: (key) => rowFor(key) !== undefined,
  };
}
