import type { JsonValue } from '../../contract/flow-document.ts';
import { compileLookupTable } from '../lookups/compiled-lookup-table.ts';
import { createMappingEnvironment } from '../mapping-environment.ts';
import type { FieldMapping, MappingSource } from '../mapping-model.ts';
import { readPath } from '../read-path.ts';
import { type EditorLookupTable, type MappingPreviewRequest, toLookupTable } from './editor-inputs.ts';
import { editorLookupResolver } from './editor-lookups.ts';
import { compileLeniently } from './lenient-compile.ts';
import { fieldOf } from './preview-mapping.ts';

/** Keys the samples looked up in one table that no row covers. */
export interface UnmappedLookupValues {
  table: string;
  /** False when the mapping names a table that does not exist yet. */
  exists: boolean;
  /** Distinct keys in first-seen order, with how often and for which target fields. */
  values: { key: string; count: number; targets: string[] }[];
}

/** The lookup tables a mapping's declarative sources use (JSONata `$lookup` calls are not traced). */
export function lookupTablesUsed(fields: readonly FieldMapping[]): string[] {
  const names = new Set<string>();
  const visit = (source: MappingSource): void => {
    if ('lookup' in source) {
      names.add(source.lookup);
      visit(source.key);
    } else if ('fn' in source) {
      for (const argument of source.args) visit(argument);
    } else if ('if' in source) {
      for (const part of [source.if, source.ifTrue, source.ifFalse]) if (part) visit(part);
    }
  };
  const walk = (list: readonly FieldMapping[]): void => {
    for (const field of list) {
      if ('source' in field) visit(field.source);
      else {
        visit(field.forEach);
        walk(field.fields);
      }
    }
  };
  walk(fields);
  return [...names];
}

/**
 * Runs the mapping over the samples with lineage on and collects, per lookup table it uses, the
 * keys no row covers: misses, and keys only the table's default answered (the default is a
 * fallback, not a decision someone made for that key). Blank keys are left out.
 */
export async function unmappedLookupValues(request: MappingPreviewRequest): Promise<UnmappedLookupValues[]> {
  const { mapping, samples, lookups } = request;
  const names = lookupTablesUsed(mapping.fields);
  const byTable = new Map(
    names.map((name) => [name, new Map<string, { count: number; targets: Set<string> }>()]),
  );
  const { compiled } = compileLeniently(mapping, createMappingEnvironment(editorLookupResolver(lookups)));
  for (const sample of samples) {
    const { lineage } = await compiled.explain(sample);
    for (const entry of lineage) {
      for (const step of entry.steps) {
        if (
          step.kind !== 'lookup' ||
          step.key === '' ||
          (step.miss === undefined && step.matchedBy !== 'default')
        )
          continue;
        const keys = byTable.get(step.table);
        const seen = keys?.get(step.key) ?? { count: 0, targets: new Set<string>() };
        seen.count++;
        seen.targets.add(fieldOf(entry.target));
        keys?.set(step.key, seen);
      }
    }
  }
  const existing = new Set(lookups.map((table) => table.name));
  return names.map((table) => ({
    table,
    exists: existing.has(table),
    values: [...(byTable.get(table) ?? new Map()).entries()].map(([key, seen]) => ({
      key,
      count: seen.count,
      targets: [...seen.targets],
    })),
  }));
}

/**
 * Distinct values at a source path (`ShipmentList.ShipmentMethodName`) over the samples that no
 * row of `table` covers, in first-seen order: the rows to add before mapping the field through a
 * lookup. Without a table every value counts as uncovered.
 */
export function uncoveredSourceValues(
  samples: readonly JsonValue[],
  sourcePath: string,
  table?: EditorLookupTable,
): string[] {
  const steps = sourcePath.split('.');
  const compiled = table ? compileLookupTable(toLookupTable(table)) : undefined;
  const values = new Set<string>();
  for (const sample of samples) {
    const read = readPath(sample, steps);
    for (const value of Array.isArray(read) ? read : [read]) {
      if (value === undefined || value === null || typeof value === 'object') continue;
      const key = String(value);
      if (key.trim() !== '' && !compiled?.covers(key)) values.add(key);
    }
  }
  return [...values];
}

/**
 * A lookup table with a row for each value (exact match, empty value for the user to fill in):
 * a new table, or `existing` with rows added for the values it lacks. Existing rows are kept as
 * they are and in their order.
 */
export function lookupTableFromValues(options: {
  name: string;
  values: readonly string[];
  keyLabel?: string;
  existing?: EditorLookupTable;
}): EditorLookupTable {
  const base: EditorLookupTable = options.existing ?? {
    name: options.name,
    description: 'Created from values seen in the samples',
    keyLabel: options.keyLabel ?? 'Key',
    rows: [],
  };
  const keys = new Set(base.rows.map((row) => row.key));
  const added = [...new Set(options.values)]
    .filter((key) => !keys.has(key))
    .map((key) => ({ key, value: '', match: 'exact' as const }));
  return { ...base, rows: [...base.rows, ...added] };
}
