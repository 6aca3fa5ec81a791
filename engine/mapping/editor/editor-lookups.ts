import { CachedLookupResolver } from '../lookups/lookup-resolver.ts';
import type { LookupTable } from '../lookups/lookup-table.ts';
import { type EditorLookupTable, toLookupTable } from './editor-inputs.ts';

/**
 * The lookup resolver the product uses, over the tables the editor holds in memory: the
 * preview resolves keys exactly as a run would (match modes, patterns, defaults, miss reasons).
 * The tables never change under it, so it needs no change notifications.
 */
export function editorLookupResolver(tables: readonly EditorLookupTable[]): CachedLookupResolver {
  const byName = new Map<string, LookupTable>(tables.map((table) => [table.name, toLookupTable(table)]));
  return new CachedLookupResolver({ getTable: (name) => byName.get(name), onChange: () => () => undefined });
}
