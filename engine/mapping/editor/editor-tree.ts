import type { JsonValue } from '../../contract/flow-document.ts';
import type { FieldFormat, FieldType, RequiredWhen } from '../schemas/record-schema.ts';

// The mapping editor's two trees, as flat lists in display order (pre-order): a virtualised list
// renders a window of rows and collapses a branch by skipping rows whose path starts with it, so
// the renderer never walks a nested structure of 1,000+ fields.

/** What kind of value a source field holds, from its schema or from the samples. */
export type SourceValueKind = FieldType | 'null';

/** One row of the source tree. */
export interface SourceTreeField {
  /** Path with arrays as `[]`, e.g. `OrderItemList[].ItemID`: the row's id. */
  path: string;
  /** Dotted path a mapping source reads from the item root, e.g. `OrderItemList.ItemID`. */
  mappingPath: string;
  name: string;
  /** Path of the parent row, `''` at the top. */
  parent: string;
  depth: number;
  /** The schema's type, else the type most samples showed. */
  type: SourceValueKind;
  /** Types the samples actually held (a schema integer sent as text shows here). */
  sampleTypes: SourceValueKind[];
  /** The field is a list; its children describe one element. */
  isArray: boolean;
  /** Where the field is known from: only the schema, only the samples, or both. */
  origin: 'schema' | 'samples' | 'both';
  /** How many samples hold the field at least once. */
  seenIn: number;
  /** Up to three distinct example values from the samples (scalars; long text is cut). */
  examples: JsonValue[];
  description?: string;
  childCount: number;
}

/** One row of the target tree. */
export interface TargetTreeField {
  /** Path with arrays as `[]`, e.g. `OrderDetails[].Item`, the form coverage and mappings use. */
  path: string;
  name: string;
  parent: string;
  depth: number;
  type: FieldType;
  isArray: boolean;
  /** Always required (not counting `requiredWhen`). */
  required: boolean;
  requiredWhen?: RequiredWhen;
  maxLength?: number;
  allowed?: readonly string[];
  format?: FieldFormat;
  minItems?: number;
  description: string;
  childCount: number;
}

/** The last segment of a `[]` path: `OrderItemList[].ItemID` → `ItemID`. */
export function fieldName(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? path : path.slice(dot + 1);
}

/** `OrderItemList[].ItemID` → `OrderItemList.ItemID` (how a mapping's `path` source reads it). */
export function toMappingPath(path: string): string {
  return path.replaceAll('[]', '');
}

/**
 * A source path as a mapping inside a "for each" over `forEachPath` reads it: relative to the
 * element when it lies inside it (`OrderItemList[].ItemID` → `ItemID`), else from the root.
 */
export function relativeSource(
  path: string,
  forEachPath: string | undefined,
): { path: string; from?: 'root' } {
  if (forEachPath === undefined || forEachPath === '') return { path: toMappingPath(path) };
  const prefix = `${forEachPath}[].`;
  if (path.startsWith(prefix)) return { path: toMappingPath(path.slice(prefix.length)) };
  return { path: toMappingPath(path), from: 'root' };
}
