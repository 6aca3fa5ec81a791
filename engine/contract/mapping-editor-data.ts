import { z } from 'zod';
import { JsonValueSchema } from './flow-document.ts';
import { FieldMappingSchema, MappingSourceSchema } from './mapping-document.ts';

// What the mapping editor receives from the engine (engine/mapping/editor): plain JSON, described
// here so every transport parses it and the renderer can type it without engine imports.

/** Value kinds of target fields (engine/mapping/schemas/record-schema.ts `FieldType`). */
export const FieldTypeSchema = z.enum(['string', 'number', 'integer', 'boolean', 'date', 'object', 'array']);

/** Text formats of target fields (`FieldFormat`). */
export const FieldFormatSchema = z.enum([
  'YYYYMMDD',
  'isoDate',
  'isoDateTime',
  'storeLocalDateTime',
  'email',
  'decimalString',
]);

/** One row of the source tree, in display order (pre-order; children follow their parent). */
export const SourceTreeFieldSchema = z.object({
  /** Path with arrays as `[]` (`OrderItemList[].ItemID`): the row's id. */
  path: z.string(),
  /** Dotted path a mapping reads from the item root (`OrderItemList.ItemID`). */
  mappingPath: z.string(),
  name: z.string(),
  /** Parent row's path, `''` at the top. */
  parent: z.string(),
  depth: z.number().int(),
  type: z.union([FieldTypeSchema, z.literal('null')]),
  sampleTypes: z.array(z.union([FieldTypeSchema, z.literal('null')])),
  isArray: z.boolean(),
  /** Known from the schema only, the samples only, or both. */
  origin: z.enum(['schema', 'samples', 'both']),
  /** Samples holding the field. */
  seenIn: z.number().int(),
  /** Up to three example values from the samples. */
  examples: z.array(JsonValueSchema),
  description: z.string().optional(),
  childCount: z.number().int(),
});

/** One row of the target tree. */
export const TargetTreeFieldSchema = z.object({
  /** Path with arrays as `[]` (`OrderDetails[].Item`). */
  path: z.string(),
  name: z.string(),
  parent: z.string(),
  depth: z.number().int(),
  type: FieldTypeSchema,
  isArray: z.boolean(),
  required: z.boolean(),
  /** Required only when a sibling holds one of these values. */
  requiredWhen: z.object({ field: z.string(), equals: z.array(z.string()).readonly() }).optional(),
  maxLength: z.number().int().optional(),
  allowed: z.array(z.string()).readonly().optional(),
  format: FieldFormatSchema.optional(),
  minItems: z.number().int().optional(),
  description: z.string(),
  childCount: z.number().int(),
});

/** Both trees, and schema ids that were not found. */
export const MappingTreesSchema = z.object({
  source: z.array(SourceTreeFieldSchema),
  target: z.array(TargetTreeFieldSchema),
  unknownSchemas: z.array(z.string()),
});

/** A field that does not compile (half-typed expression, unknown function). */
export const FieldCompileErrorSchema = z.object({
  target: z.string(),
  code: z.string(),
  message: z.string(),
});

/** Required coverage: required target fields, and those no mapping writes. */
export const MappingCoverageSchema = z.object({
  required: z.array(z.string()),
  unmapped: z.array(z.string()),
  conditionalUnmapped: z.array(z.string()),
});

/** One sample's preview: values, validation marks, lookup misses. */
export const SamplePreviewSchema = z.object({
  index: z.number().int(),
  record: z.record(z.string(), JsonValueSchema),
  /** Leaf values; `path` has element indices, `field` is the target tree path. */
  values: z.array(z.object({ path: z.string(), field: z.string(), value: JsonValueSchema })),
  /** Values (or missing values) the target schema refuses, with the reason. */
  marks: z.array(
    z.object({
      path: z.string(),
      field: z.string(),
      code: z.enum(['missing', 'tooLong', 'notAllowed', 'wrongType', 'badFormat', 'unknownField']),
      message: z.string(),
    }),
  ),
  /** Lookup misses (the mapping node's exception port). */
  exceptions: z.array(
    z.object({ path: z.string(), field: z.string(), code: z.literal('lookupMiss'), message: z.string() }),
  ),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

/** The live preview of a mapping over a sample set. */
export const MappingPreviewSchema = z.object({
  samples: z.array(SamplePreviewSchema),
  fieldErrors: z.array(FieldCompileErrorSchema),
  coverage: MappingCoverageSchema.optional(),
});

/** One step of a value's lineage. `value` is absent when the step produced nothing. */
export const LineageStepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string(), value: JsonValueSchema.optional() }),
  z.object({
    kind: z.literal('function'),
    name: z.string(),
    args: z.array(JsonValueSchema.optional()),
    value: JsonValueSchema.optional(),
  }),
  z.object({
    kind: z.literal('lookup'),
    table: z.string(),
    key: z.string(),
    value: JsonValueSchema.optional(),
    matchedBy: z.string().optional(),
    miss: z.string().optional(),
  }),
  z.object({ kind: z.literal('expression'), expression: z.string(), value: JsonValueSchema.optional() }),
]);

/** "Why is this value here" for one target value of one sample. */
export const ValueExplanationSchema = z.object({
  target: z.string(),
  field: z.string(),
  mapped: z.boolean(),
  value: JsonValueSchema.optional(),
  definition: FieldMappingSchema.optional(),
  forEach: z.array(z.object({ target: z.string(), source: MappingSourceSchema, index: z.number().int() })),
  reads: z.array(
    z.object({ path: z.string(), absolutePath: z.string().optional(), value: JsonValueSchema.optional() }),
  ),
  steps: z.array(LineageStepSchema),
  exceptions: z.array(z.string()),
});

/** A proposed source for an unmapped target; applied only when the user accepts it. */
export const MappingSuggestionSchema = z.object({
  target: z.string(),
  source: z.string(),
  confidence: z.number().min(0).max(1),
  reasons: z.array(z.string()),
  /** A library function the source is wrapped in on accept (`date.toM3`, `text.join`). */
  conversion: z.string().optional(),
});

/** Ranked candidates for one unmapped target. */
export const TargetSuggestionsSchema = z.object({
  target: z.string(),
  required: z.boolean(),
  candidates: z.array(MappingSuggestionSchema),
});

/** A target/source pair (accepted or dismissed suggestion). */
export const FieldPairSchema = z.object({
  target: z.string().min(1),
  source: z.string().min(1),
  /** On an accepted suggestion: its conversion function. */
  conversion: z.string().optional(),
});

/** Keys the samples looked up in a table that no row covers. */
export const UnmappedLookupValuesSchema = z.object({
  table: z.string(),
  exists: z.boolean(),
  values: z.array(z.object({ key: z.string(), count: z.number().int(), targets: z.array(z.string()) })),
});

/** A function the expression editor offers. */
export const FunctionCompletionSchema = z.object({
  name: z.string(),
  libraryName: z.string().optional(),
  category: z.string(),
  signature: z.string(),
  description: z.string(),
  parameters: z.array(
    z.object({ name: z.string(), type: z.string(), optional: z.boolean(), description: z.string() }),
  ),
  example: z.string().optional(),
});

/** A source path the expression editor offers. */
export const PathCompletionSchema = z.object({
  path: z.string(),
  type: z.string(),
  detail: z.string(),
  description: z.string().optional(),
});

/** An inline mark in the expression editor, by 0-based character offsets. */
export const ExpressionProblemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});

/** One row of the lookup grid. */
export const LookupRowSchema = z.object({
  key: z.string(),
  value: z.string(),
  match: z.enum(['exact', 'caseInsensitive', 'pattern']).default('exact'),
  note: z.string().optional(),
});

/** A lookup table with its rows, as the grid shows it. */
export const LookupTableDataSchema = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  keyLabel: z.string().min(1).default('Key'),
  defaultValue: z.string().optional(),
  rows: z.array(LookupRowSchema),
});

/** Source tree row. */
export type SourceTreeField = z.infer<typeof SourceTreeFieldSchema>;
/** Target tree row. */
export type TargetTreeField = z.infer<typeof TargetTreeFieldSchema>;
/** Both trees. */
export type MappingTrees = z.infer<typeof MappingTreesSchema>;
/** Live preview. */
export type MappingPreview = z.infer<typeof MappingPreviewSchema>;
/** One sample's preview. */
export type SamplePreview = z.infer<typeof SamplePreviewSchema>;
/** Lineage of one value. */
export type ValueExplanation = z.infer<typeof ValueExplanationSchema>;
/** Suggestions for one target. */
export type TargetSuggestions = z.infer<typeof TargetSuggestionsSchema>;
/** A lookup table with rows. */
export type LookupTableData = z.infer<typeof LookupTableDataSchema>;
/** A function completion. */
export type FunctionCompletion = z.infer<typeof FunctionCompletionSchema>;
/** A path completion. */
export type PathCompletion = z.infer<typeof PathCompletionSchema>;
/** An inline expression problem. */
export type ExpressionProblem = z.infer<typeof ExpressionProblemSchema>;
