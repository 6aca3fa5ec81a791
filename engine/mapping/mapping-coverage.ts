import type { JsonValue } from '../contract/flow-document.ts';
import type { CompiledMapping } from './mapping-compiler.ts';
import type { FieldMapping, Mapping } from './mapping-model.ts';
import type { RecordSchema } from './schemas/record-schema.ts';
import { requiredPaths } from './schemas/required-paths.ts';

/** Target paths a mapping writes, with arrays as `OrderDetails[].Item` (the form requiredPaths uses). */
export function mappedPaths(mapping: Mapping): string[] {
  const paths: string[] = [];
  const visit = (fields: readonly FieldMapping[], prefix: string): void => {
    for (const field of fields) {
      if ('source' in field) paths.push(`${prefix}${field.target}`);
      else {
        paths.push(`${prefix}${field.target}`);
        visit(field.fields, `${prefix}${field.target}[].`);
      }
    }
  };
  visit(mapping.fields, '');
  return paths;
}

/**
 * Required fields of the target schema that no mapping writes: the editor's coverage bar.
 * `conditionalUnmapped` are fields required only for some values of a sibling
 * (`MiscellaneousChargesCode` on Miscellaneous lines): worth showing, not counted as missing.
 */
export function requiredCoverage(
  mapping: Mapping,
  schema: RecordSchema,
): { required: string[]; unmapped: string[]; conditionalUnmapped: string[] } {
  const mapped = new Set(mappedPaths(mapping));
  const required = requiredPaths(schema, { conditional: false });
  const conditional = requiredPaths(schema).filter((path) => !required.includes(path));
  return {
    required,
    unmapped: required.filter((path) => !mapped.has(path)),
    conditionalUnmapped: conditional.filter((path) => !mapped.has(path)),
  };
}

/** How each mapped target field fared over a set of samples. */
export interface FieldCoverage {
  /** Target path with arrays as `[]`. */
  target: string;
  /** Times the field was evaluated (once per sample, once per element inside "for each"). */
  evaluated: number;
  /** Of those, how many produced nothing (missing or null). */
  empty: number;
}

/** For samples: which mappings were exercised and which produced empty values. */
export async function sampleCoverage(
  mapping: Mapping,
  compiled: CompiledMapping,
  samples: readonly JsonValue[],
): Promise<FieldCoverage[]> {
  const byTarget = new Map<string, FieldCoverage>(
    mappedPaths(mapping).map((target) => [target, { target, evaluated: 0, empty: 0 }]),
  );
  for (const sample of samples) {
    const { lineage } = await compiled.explain(sample);
    for (const entry of lineage) {
      const coverage = byTarget.get(entry.target.replace(/\[\d+\]/g, '[]'));
      if (!coverage) continue;
      coverage.evaluated++;
      if (entry.value === undefined || entry.value === null) coverage.empty++;
    }
  }
  return [...byTarget.values()];
}
