import type { SampleSetRef } from '../contract/flow-api-mapping.ts';
import type { JsonValue } from '../contract/flow-document.ts';
import type { FieldMapping, Mapping } from '../contract/mapping-document.ts';
import type { LookupTableData } from '../contract/mapping-editor-data.ts';
import { applySuggestions } from '../mapping/editor/apply-suggestions.ts';
import { functionCompletions, pathCompletions } from '../mapping/editor/editor-completions.ts';
import { explainValue } from '../mapping/editor/explain-value.ts';
import { checkExpression } from '../mapping/editor/expression-check.ts';
import { lookupTablesUsed, unmappedLookupValues } from '../mapping/editor/lookup-drafts.ts';
import { buildMappingTrees } from '../mapping/editor/mapping-trees.ts';
import { previewMapping } from '../mapping/editor/preview-mapping.ts';
import { buildSourceTree } from '../mapping/editor/source-tree.ts';
import { suggestMappings } from '../mapping/editor/suggest-mappings.ts';
import { mappingFunction } from '../mapping/functions/index.ts';
import type { LookupTableRepository } from '../mapping/lookups/lookup-table-repository.ts';
import { sourceExpression } from '../mapping/mapping-to-jsonata.ts';
import { mappingSchema } from '../mapping/schemas/mapping-schemas.ts';
import type { HostContext } from './host-context.ts';
import type { AreaHandlers } from './host-handlers.ts';
import { createLookupHandlers } from './mapping-lookup-handlers.ts';
import { createSampleItemsCache, mappingSampleSets } from './mapping-samples.ts';

type Tables = (mapping: Mapping, overrides: readonly LookupTableData[]) => LookupTableData[];
type SampleSource = (input: {
  samples: JsonValue[];
  sampleSet?: SampleSetRef | undefined;
}) => Promise<JsonValue[]>;

/** Mapping editor methods over the engine's editor modules and the stored lookup tables. */
export function createMappingHandlers(
  context: HostContext,
): ReturnType<typeof sampleHandlers> &
  ReturnType<typeof expressionHandlers> &
  ReturnType<typeof createLookupHandlers> &
  AreaHandlers<'mappingSampleSets'> {
  // Lookup tables live in the workspace's lookups.db (shared with test runs), opened on first use.
  const lookups = (): LookupTableRepository => context.lookups.repository();
  const tables: Tables = (mapping, overrides) => tablesUsedBy(mapping, overrides, lookups());
  const cachedSet = createSampleItemsCache(context.workspaceDir);
  // A call names its samples directly or by set; sets are read once and kept (mapping-samples.ts).
  const samplesOf: SampleSource = (input) =>
    input.sampleSet ? cachedSet(input.sampleSet) : Promise.resolve(input.samples);
  return {
    mappingSampleSets: async ({ flowPath }) => ({
      sets: await mappingSampleSets(context.workspaceDir, flowPath),
    }),
    ...sampleHandlers(samplesOf, tables),
    ...expressionHandlers(),
    ...createLookupHandlers(lookups),
  };
}

/** Methods that run the mapping or read the samples. */
function sampleHandlers(
  samplesOf: SampleSource,
  tables: Tables,
): AreaHandlers<
  | 'mappingTrees'
  | 'previewMapping'
  | 'explainMappingValue'
  | 'suggestMappings'
  | 'mappingCompletions'
  | 'unmappedLookupValues'
> {
  return {
    mappingTrees: async (input) => buildMappingTrees({ ...input, samples: await samplesOf(input) }),
    previewMapping: async (input) =>
      previewMapping({
        mapping: input.mapping,
        samples: await samplesOf(input),
        lookups: tables(input.mapping, input.lookups),
      }),
    explainMappingValue: async (input) =>
      explainValue({
        mapping: input.mapping,
        samples: await samplesOf(input),
        lookups: tables(input.mapping, input.lookups),
        sampleIndex: input.sampleIndex,
        target: input.target,
      }),
    suggestMappings: async (input) => ({
      suggestions: suggestMappings({ ...input, samples: await samplesOf(input) }),
    }),
    mappingCompletions: async (input) => {
      const schema = input.sourceSchema ? mappingSchema(input.sourceSchema) : undefined;
      const tree = buildSourceTree(schema, await samplesOf(input));
      return { functions: functionCompletions(), paths: pathCompletions(tree, input.forEachPath) };
    },
    unmappedLookupValues: async (input) => ({
      tables: await unmappedLookupValues({
        mapping: input.mapping,
        samples: await samplesOf(input),
        lookups: tables(input.mapping, input.lookups),
      }),
    }),
  };
}

/** Methods on the mapping document alone. */
function expressionHandlers(): AreaHandlers<
  'applySuggestions' | 'checkMappingExpression' | 'sourceToExpression'
> {
  return {
    applySuggestions: async ({ mapping, accepted }) => applySuggestions(mapping, accepted),
    checkMappingExpression: async ({ expression }) => ({ problems: checkExpression(expression) }),
    sourceToExpression: async ({ source }) => ({
      expression: stripOuterParentheses(
        sourceExpression(source, (name) => mappingFunction(name)?.jsonataName),
      ),
    }),
  };
}

// `$lookup("table", ...)` inside expressions: JSONata calls are not traced, so their tables are
// found by name in the text.
const LOOKUP_CALL = /\$lookup\(\s*["']([^"']+)["']/g;

function expressionTables(fields: readonly FieldMapping[]): string[] {
  const text = JSON.stringify(fields);
  return [...text.replaceAll('\\"', '"').matchAll(LOOKUP_CALL)].flatMap((match) =>
    match[1] ? [match[1]] : [],
  );
}

/** The tables a mapping uses: the renderer's unsaved versions first, else the stored ones. */
function tablesUsedBy(
  mapping: Mapping,
  overrides: readonly LookupTableData[],
  repository: LookupTableRepository,
): LookupTableData[] {
  const names = new Set([...lookupTablesUsed(mapping.fields), ...expressionTables(mapping.fields)]);
  const byName = new Map(overrides.map((table) => [table.name, table]));
  return [...names].flatMap((name) => {
    const table = byName.get(name) ?? repository.getTable(name);
    return table ? [table] : [];
  });
}

/** `(…)` around a whole constant or expression is noise in the editor. */
function stripOuterParentheses(expression: string): string {
  if (!expression.startsWith('(') || !expression.endsWith(')')) return expression;
  let depth = 0;
  for (let index = 0; index < expression.length - 1; index++) {
    if (expression[index] === '(') depth++;
    else if (expression[index] === ')') depth--;
    if (depth === 0) return expression;
  }
  return expression.slice(1, -1);
}
