import { z } from 'zod';
import { type JsonValue, JsonValueSchema } from './flow-document.ts';

// A mapping node's parameters as the flow file holds them. They live in the contract because the
// mapping editor in the renderer reads and writes them; engine/mapping/mapping-model.ts re-exports
// them for the compiler.

/**
 * Where a target value comes from. The common cases are plain data, so a flow diff shows which
 * field changed and the compiler can turn them into plain functions; anything else is JSONata.
 */
export type MappingSource =
  /** A dotted path: in a "for each" block relative to the current element, unless `from: 'root'`. */
  | { path: string; from?: 'current' | 'root' }
  /** A constant. */
  | { value: JsonValue }
  /** A library function (engine/mapping/functions) applied to arguments. */
  | { fn: string; args: MappingSource[] }
  /** A lookup table; a miss sends the item to the exception port unless `onMiss` is `null`. */
  | { lookup: string; key: MappingSource; onMiss?: 'exception' | 'null' }
  /** A conditional value, truthy by JSONata's `$boolean` rules. */
  | { if: MappingSource; ifTrue: MappingSource; ifFalse?: MappingSource }
  /** Any JSONata expression, evaluated on the current element (`$root` is the whole item). */
  | { expression: string };

/** One target field, or a "for each source element produce a target element" block. */
export type FieldMapping =
  | { target: string; source: MappingSource; note?: string }
  | { target: string; forEach: MappingSource; fields: FieldMapping[]; note?: string };

/** A mapping node's parameters: target path ← source, readable in the flow file. */
export interface Mapping {
  /** Target schema id (`sage300.OEOrder`), for validation and coverage. */
  targetSchema?: string;
  /** Source schema id (`threedcart.Order`), for the editor's source tree. */
  sourceSchema?: string;
  fields: FieldMapping[];
}

/** Zod schema for {@link MappingSource}. */
export const MappingSourceSchema: z.ZodType<MappingSource> = z.lazy(() =>
  z.union([
    z.strictObject({ path: z.string().min(1), from: z.enum(['current', 'root']).optional() }),
    z.strictObject({ value: JsonValueSchema }),
    z.strictObject({ fn: z.string().min(1), args: z.array(MappingSourceSchema) }),
    z.strictObject({
      lookup: z.string().min(1),
      key: MappingSourceSchema,
      onMiss: z.enum(['exception', 'null']).optional(),
    }),
    z.strictObject({
      if: MappingSourceSchema,
      ifTrue: MappingSourceSchema,
      ifFalse: MappingSourceSchema.optional(),
    }),
    z.strictObject({ expression: z.string().min(1) }),
  ]),
);

/** Zod schema for {@link FieldMapping}. */
export const FieldMappingSchema: z.ZodType<FieldMapping> = z.lazy(() =>
  z.union([
    z.strictObject({ target: z.string().min(1), source: MappingSourceSchema, note: z.string().optional() }),
    z.strictObject({
      target: z.string().min(1),
      forEach: MappingSourceSchema,
      fields: z.array(FieldMappingSchema),
      note: z.string().optional(),
    }),
  ]),
);

/** Zod schema for {@link Mapping}. */
export const MappingSchema = z.strictObject({
  targetSchema: z.string().optional(),
  sourceSchema: z.string().optional(),
  fields: z.array(FieldMappingSchema),
});
