import type { MappingSource } from '../contract/mapping-document.ts';

// The mapping document (types and zod schemas) is part of the contract, shared with the editor.
export {
  type FieldMapping,
  FieldMappingSchema,
  type Mapping,
  MappingSchema,
  type MappingSource,
  MappingSourceSchema,
} from '../contract/mapping-document.ts';

/** Every source path a source reads, for lineage and coverage. */
export function sourcePaths(source: MappingSource): string[] {
  if ('path' in source) return [source.from === 'root' ? `$root.${source.path}` : source.path];
  if ('fn' in source) return source.args.flatMap(sourcePaths);
  if ('lookup' in source) return sourcePaths(source.key);
  if ('if' in source)
    return [source.if, source.ifTrue, ...(source.ifFalse ? [source.ifFalse] : [])].flatMap(sourcePaths);
  return [];
}
