import type { JsonValue } from '../../contract/flow-document.ts';
import { createMappingEnvironment } from '../mapping-environment.ts';
import type { LineageStep } from '../mapping-evaluation.ts';
import type { FieldMapping, MappingSource } from '../mapping-model.ts';
import type { MappingPreviewRequest } from './editor-inputs.ts';
import { editorLookupResolver } from './editor-lookups.ts';
import { compileLeniently } from './lenient-compile.ts';
import { fieldOf } from './preview-mapping.ts';

/** A source path a value was read from. */
export interface SourceRead {
  /** As the mapping reads it: relative to the line inside "for each" (`ItemID`), `$root.` for the root. */
  path: string;
  /** From the item root with element indices (`OrderItemList[1].ItemID`), when that can be known. */
  absolutePath?: string;
  value: JsonValue | undefined;
}

/** "Why is this value here": how one target value of one sample came about. */
export interface ValueExplanation {
  /** Target with element indices, as asked: `OrderDetails[1].Item`. */
  target: string;
  field: string;
  /** False when no mapping writes this target (nothing to explain). */
  mapped: boolean;
  value: JsonValue | undefined;
  /** The field's mapping as written in the flow, and the "for each" blocks around it, outermost first. */
  definition?: FieldMapping;
  forEach: { target: string; source: MappingSource; index: number }[];
  /** Source paths read, in the order they were read. */
  reads: SourceRead[];
  /** Every step (paths, functions with argument values, lookups with key and hit/miss, expressions). */
  steps: LineageStep[];
  /** Lookup misses on this target (the exception port's reasons). */
  exceptions: string[];
}

interface Located {
  definition: FieldMapping;
  forEach: { target: string; source: MappingSource; index: number }[];
}

/**
 * Explains one target value on one sample by running the mapping with lineage on (the same
 * compiled mapping as a run, tracing each step). `target` names the value with element indices,
 * e.g. `OrderDetails[1].Item` for the second line.
 */
export async function explainValue(
  request: MappingPreviewRequest & { sampleIndex: number; target: string },
): Promise<ValueExplanation> {
  const { mapping, samples, lookups, sampleIndex, target } = request;
  const located = locate(mapping.fields, '', target, []);
  const base = { target, field: fieldOf(target), forEach: located?.forEach ?? [] };
  const empty = { ...base, mapped: false, value: undefined, reads: [], steps: [], exceptions: [] };
  if (!located) return empty;
  const environment = createMappingEnvironment(editorLookupResolver(lookups));
  const { compiled } = compileLeniently(mapping, environment);
  const { lineage, misses } = await compiled.explain(samples[sampleIndex] ?? null);
  const entry = lineage.find((candidate) => candidate.target === target);
  if (!entry) return { ...empty, definition: located.definition };
  const prefix = absolutePrefix(located.forEach);
  const reads = entry.steps.flatMap((step): SourceRead[] =>
    step.kind === 'path' ? [readOf(step.path, step.value, prefix)] : [],
  );
  return {
    ...base,
    mapped: true,
    value: entry.value,
    definition: located.definition,
    reads,
    steps: entry.steps,
    exceptions: misses.filter((miss) => miss.target === target).map((miss) => miss.reason),
  };
}

function locate(
  fields: readonly FieldMapping[],
  prefix: string,
  target: string,
  outer: Located['forEach'],
): Located | undefined {
  for (const field of fields) {
    const here = `${prefix}${field.target}`;
    if (here === target) return { definition: field, forEach: outer };
    if (!('forEach' in field) || !target.startsWith(`${here}[`)) continue;
    const match = /^\[(\d+)\]\./.exec(target.slice(here.length));
    if (!match?.[1]) continue;
    const index = Number(match[1]);
    const inner = [...outer, { target: here, source: field.forEach, index }];
    const found = locate(field.fields, `${here}[${index}].`, target, inner);
    if (found) return found;
  }
  return undefined;
}

/** `OrderItemList[1].` for a line of a "for each" over a plain path; undefined when not knowable. */
function absolutePrefix(blocks: Located['forEach']): string | undefined {
  let prefix = '';
  for (const block of blocks) {
    if (!('path' in block.source)) return undefined;
    const base = block.source.from === 'root' ? block.source.path : `${prefix}${block.source.path}`;
    prefix = `${base}[${block.index}].`;
  }
  return prefix;
}

function readOf(path: string, value: JsonValue | undefined, prefix: string | undefined): SourceRead {
  if (path.startsWith('$root.')) return { path, absolutePath: path.slice('$root.'.length), value };
  return prefix === undefined ? { path, value } : { path, absolutePath: `${prefix}${path}`, value };
}
