import { M3Error } from './m3-errors.ts';
import type { M3Record } from './m3-store.ts';

// CRS610MI/SearchCustomer takes `SQRY`, a Lucene-style query such as `CUNO:9* RGDT:20210714`
// (reference B6 [T]). The simulator supports what integrations use: `FIELD:value` and bare terms,
// `*`/`?` wildcards, "quoted phrases", all terms required (AND). OR/NOT and ranges are refused
// rather than guessed at.

interface SearchTerm {
  readonly field: string | undefined;
  readonly pattern: RegExp;
}

const TOKEN = /(?:([A-Za-z0-9]{4}):)?(?:"([^"]*)"|(\S+))/g;

/** Parses a search query into terms; throws an M3 error on syntax the simulator does not model. */
export function parseSearchQuery(query: string, searchable: readonly string[]): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const match of query.matchAll(TOKEN)) {
    const field = match[1]?.toUpperCase();
    const text = match[2] ?? match[3] ?? '';
    if (field === undefined && text === 'AND') continue;
    if (field === undefined && (text === 'OR' || text === 'NOT' || text.startsWith('['))) {
      throw M3Error.refused('WSE0002', `Search operator ${text} is not supported`, 'SQRY');
    }
    if (field !== undefined && !searchable.includes(field)) {
      throw M3Error.refused('WSE0001', `Field ${field} is not searchable`, 'SQRY');
    }
    terms.push({ field, pattern: wildcardPattern(text) });
  }
  return terms;
}

/** Whether a record matches every term; a term matches a whole value or any word of it. */
export function matchesSearch(
  record: M3Record,
  terms: readonly SearchTerm[],
  searchable: readonly string[],
): boolean {
  return terms.every((term) =>
    (term.field === undefined ? searchable : [term.field]).some((field) =>
      matchesValue(record[field] ?? '', term.pattern),
    ),
  );
}

function matchesValue(value: string, pattern: RegExp): boolean {
  if (value === '') return false;
  return pattern.test(value) || value.split(/\s+/).some((word) => pattern.test(word));
}

function wildcardPattern(text: string): RegExp {
  const escaped = text
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}
