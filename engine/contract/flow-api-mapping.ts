import { z } from 'zod';
import { JsonValueSchema } from './flow-document.ts';
import { MappingSchema, MappingSourceSchema } from './mapping-document.ts';
import {
  ExpressionProblemSchema,
  FieldPairSchema,
  FunctionCompletionSchema,
  LookupTableDataSchema,
  MappingPreviewSchema,
  MappingTreesSchema,
  PathCompletionSchema,
  TargetSuggestionsSchema,
  UnmappedLookupValuesSchema,
  ValueExplanationSchema,
} from './mapping-editor-data.ts';

const Samples = z.array(JsonValueSchema).max(1_000);

/** A sample set of the flow or the workspace, by name (see `mappingSampleSets`). */
export const SampleSetRefSchema = z.object({
  /** The flow file whose `<flow>.samples/` folder `location: 'flow'` means. */
  flowPath: z.string().min(1).optional(),
  location: z.enum(['flow', 'workspace']),
  set: z.string(),
});

/**
 * The samples a call runs on: the items themselves, or a sample set the host reads and keeps
 * (re-read when a file of the set changes). A set by reference keeps every keystroke's preview
 * from carrying the whole set across the transport.
 */
const SampleInput = {
  samples: Samples.default([]),
  sampleSet: SampleSetRefSchema.optional(),
};

/**
 * Lookup tables the renderer holds in a changed state; they stand in for the stored tables of
 * the same name, so the preview shows an edit in the grid before it is saved.
 */
const LookupOverrides = z.array(LookupTableDataSchema).default([]);

const TableName = z.string().min(1).max(100);

/** A lookup table's settings and size, for the table list. */
export const LookupTableSummarySchema = z.object({
  name: z.string(),
  description: z.string(),
  keyLabel: z.string(),
  defaultValue: z.string().optional(),
  rowCount: z.number().int(),
});

/** A set of samples the preview can run on, each payload already split into items. */
export const MappingSampleSetSchema = z.object({
  location: z.enum(['flow', 'workspace']),
  set: z.string(),
  /** `order.samples/eu` or `samples/` as the user knows the folder. */
  label: z.string(),
  /** One entry per item: a payload that is a JSON array gives one per element (`orders.json #2`). */
  samples: z.array(z.object({ name: z.string(), item: JsonValueSchema })),
});

/** Mapping editor methods: trees, live preview, lineage, suggestions, lookup tables, completions. */
export const MAPPING_METHODS = {
  /** Sample sets beside the flow and in the workspace, with their items, for the live preview. */
  mappingSampleSets: {
    input: z.object({ flowPath: z.string().min(1).optional() }),
    output: z.object({ sets: z.array(MappingSampleSetSchema) }),
  },
  /** The source tree (schema merged with the samples' fields) and the target tree of a mapping node. */
  mappingTrees: {
    input: z.object({
      sourceSchema: z.string().optional(),
      targetSchema: z.string().optional(),
      ...SampleInput,
    }),
    output: MappingTreesSchema,
  },
  /** Every target value of every sample, validation marks, lookup misses and fields that do not compile. */
  previewMapping: {
    input: z.object({ mapping: MappingSchema, ...SampleInput, lookups: LookupOverrides }),
    output: MappingPreviewSchema,
  },
  /** "Why is this value here": source paths, functions and intermediate values of one target value. */
  explainMappingValue: {
    input: z.object({
      mapping: MappingSchema,
      ...SampleInput,
      lookups: LookupOverrides,
      sampleIndex: z.number().int().min(0),
      /** Target with element indices: `OrderDetails[1].Item`. */
      target: z.string().min(1),
    }),
    output: ValueExplanationSchema,
  },
  /** Ranked source fields for every unmapped target field. */
  suggestMappings: {
    input: z.object({
      mapping: MappingSchema,
      ...SampleInput,
      limit: z.number().int().min(1).max(20).default(3),
      minConfidence: z.number().min(0).max(1).default(0.3),
      dismissed: z.array(FieldPairSchema).default([]),
    }),
    output: z.object({ suggestions: z.array(TargetSuggestionsSchema) }),
  },
  /** The mapping with accepted suggestions added (line fields into their "for each" block). */
  applySuggestions: {
    input: z.object({ mapping: MappingSchema, accepted: z.array(FieldPairSchema) }),
    output: z.object({
      mapping: MappingSchema,
      applied: z.array(FieldPairSchema),
      skipped: z.array(FieldPairSchema.extend({ reason: z.string() })),
    }),
  },
  /** Functions and source paths for the expression editor's autocomplete. */
  mappingCompletions: {
    input: z.object({
      sourceSchema: z.string().optional(),
      ...SampleInput,
      /** Source list of the enclosing "for each" (tree path), for line-relative paths. */
      forEachPath: z.string().optional(),
    }),
    output: z.object({ functions: z.array(FunctionCompletionSchema), paths: z.array(PathCompletionSchema) }),
  },
  /** Inline marks for a JSONata expression: syntax errors and unknown functions. */
  checkMappingExpression: {
    input: z.object({ expression: z.string() }),
    output: z.object({ problems: z.array(ExpressionProblemSchema) }),
  },
  /** A declarative source written as the JSONata expression with the same meaning. */
  sourceToExpression: {
    input: z.object({ source: MappingSourceSchema }),
    output: z.object({ expression: z.string() }),
  },
  /** Stored lookup tables. */
  listLookupTables: {
    input: z.object({}).strict().default({}),
    output: z.object({ tables: z.array(LookupTableSummarySchema) }),
  },
  /** One stored lookup table with its rows. */
  getLookupTable: { input: z.object({ name: TableName }), output: LookupTableDataSchema },
  /** Creates the table or replaces its settings and rows. */
  saveLookupTable: { input: LookupTableDataSchema, output: LookupTableDataSchema },
  /** Imports CSV rows (`key,value[,match][,note]`) into a table, creating it if needed; all or nothing. */
  importLookupCsv: {
    input: z.object({
      name: TableName,
      csv: z.string().max(20_000_000),
      mode: z.enum(['replace', 'merge']).default('merge'),
    }),
    output: z.object({
      table: LookupTableDataSchema.optional(),
      problems: z.array(z.object({ line: z.number().int(), message: z.string() })),
    }),
  },
  /** A table's rows as CSV. */
  exportLookupCsv: { input: z.object({ name: TableName }), output: z.object({ csv: z.string() }) },
  /** Keys the samples looked up that no row covers, per table the mapping uses. */
  unmappedLookupValues: {
    input: z.object({ mapping: MappingSchema, ...SampleInput, lookups: LookupOverrides }),
    output: z.object({ tables: z.array(UnmappedLookupValuesSchema) }),
  },
  /** Adds a row (empty value, to fill in) per value to a table, creating the table when needed. */
  createLookupFromValues: {
    input: z.object({
      name: TableName,
      keyLabel: z.string().min(1).optional(),
      values: z.array(z.string().min(1)),
    }),
    output: LookupTableDataSchema,
  },
} as const;

/** A reference to a sample set. */
export type SampleSetRef = z.infer<typeof SampleSetRefSchema>;

/** A sample set with its items. */
export type MappingSampleSet = z.infer<typeof MappingSampleSetSchema>;

/** A lookup table's settings and size. */
export type LookupTableSummary = z.infer<typeof LookupTableSummarySchema>;
