import { z } from 'zod';
import { JsonValueSchema } from '../../contract/flow-document.ts';
import { LOOKUP_MATCH_MODES, type LookupTable } from '../lookups/lookup-table.ts';
import { MappingSchema } from '../mapping-model.ts';

// The editor functions take plain JSON (a mapping, samples, lookup tables with their rows), so the
// host can hand them what the renderer sent after one zod parse, and tests can call them directly.

/** A lookup table as the editor holds it: settings and rows, JSON. */
export const EditorLookupTableSchema = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  keyLabel: z.string().min(1).default('Key'),
  defaultValue: z.string().optional(),
  rows: z.array(
    z.object({
      key: z.string(),
      value: z.string(),
      match: z.enum(LOOKUP_MATCH_MODES).default('exact'),
      note: z.string().optional(),
    }),
  ),
});

/** What preview, lineage and unmapped-value search take. */
export const MappingPreviewInputSchema = z.object({
  mapping: MappingSchema,
  samples: z.array(JsonValueSchema),
  lookups: z.array(EditorLookupTableSchema).default([]),
});

/** Input of {@link MappingPreviewInputSchema}, lookups optional. */
export type MappingPreviewInput = z.input<typeof MappingPreviewInputSchema>;

/** A lookup table as the editor holds it (parsed). */
export type EditorLookupTable = z.output<typeof EditorLookupTableSchema>;

/** What preview, lineage and unmapped-value search work on (parsed). */
export type MappingPreviewRequest = z.output<typeof MappingPreviewInputSchema>;

/** A parsed {@link EditorLookupTableSchema} as the lookup engine's {@link LookupTable}. */
export function toLookupTable(table: EditorLookupTable): LookupTable {
  const info: LookupTable = {
    name: table.name,
    description: table.description,
    keyLabel: table.keyLabel,
    rowCount: table.rows.length,
    rows: table.rows.map(({ note, ...row }) => (note === undefined ? row : { ...row, note })),
  };
  if (table.defaultValue !== undefined) info.defaultValue = table.defaultValue;
  return info;
}
