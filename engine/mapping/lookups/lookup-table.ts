import { z } from 'zod';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { formatJsonPath } from '../../flow/json-path.ts';
import { describeZodIssues } from '../../flow/zod-issues.ts';

/**
 * How a row's key is compared with the looked-up value. The mode belongs to each row, not to the
 * table: one SKU table commonly mixes exact SKUs with a few `AP-1001-*` family patterns.
 * - `exact`: the same text, character for character.
 * - `caseInsensitive`: the same text ignoring letter case (`ups ground` matches `UPS Ground`).
 * - `pattern`: a glob over the whole value, case-sensitive; `*` is any run of characters (also
 *   none), `?` exactly one. There is no escape: a key that needs a literal `*` uses `exact`.
 */
export const LOOKUP_MATCH_MODES = ['exact', 'caseInsensitive', 'pattern'] as const;

/** One of {@link LOOKUP_MATCH_MODES}. */
export type LookupMatchMode = (typeof LOOKUP_MATCH_MODES)[number];

/** One row of a lookup table. Keys are unique within a table (compared exactly). */
export interface LookupRow {
  key: string;
  value: string;
  match: LookupMatchMode;
  /** Why the row exists ("discontinued 2024, maps to successor"), for the people editing it. */
  note?: string;
}

/** A lookup table's settings, without its rows. */
export interface LookupTableInfo {
  /** What mappings call it by, e.g. `sku-to-sage-item`; case-sensitive, unique. */
  name: string;
  description: string;
  /** What the keys are, used in miss messages: "SKU 'AP-9999' is not in table ...". */
  keyLabel: string;
  /** Returned for a key no row covers; absent means such a key is a miss. */
  defaultValue?: string;
  rowCount: number;
}

/** A lookup table with its rows in order (pattern rows are tried in this order). */
export interface LookupTable extends LookupTableInfo {
  rows: LookupRow[];
}

const TableNameSchema = z
  .string()
  .min(1)
  .max(100)
  .refine((name) => name.trim() === name, 'a table name cannot start or end with spaces');

const LookupRowInputSchema = z.strictObject({
  key: z.string().min(1),
  value: z.string(),
  match: z.enum(LOOKUP_MATCH_MODES).default('exact'),
  note: z.string().optional(),
});

/** A row as callers give it: `match` defaults to `exact`. */
export type LookupRowInput = z.input<typeof LookupRowInputSchema>;

const CreateTableInputSchema = z.strictObject({
  name: TableNameSchema,
  description: z.string().default(''),
  keyLabel: z.string().min(1).default('Key'),
  defaultValue: z.string().optional(),
});

/** What {@link LookupTableRepository.createTable} takes. */
export type CreateLookupTableInput = z.input<typeof CreateTableInputSchema>;

const UpdateTableInputSchema = z.strictObject({
  description: z.string().optional(),
  keyLabel: z.string().min(1).optional(),
  /** `null` removes the default. */
  defaultValue: z.string().nullable().optional(),
});

/** What {@link LookupTableRepository.updateTable} takes; absent fields stay as they are. */
export type UpdateLookupTableInput = z.input<typeof UpdateTableInputSchema>;

/** Parses caller input, throwing INPUT_INVALID with every problem in plain words. */
function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  what: string,
): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = describeZodIssues(parsed.error.issues, input, 'property').map((finding) => {
    const path = formatJsonPath(finding.path);
    return path === '' ? finding.message : `${path}: ${finding.message}`;
  });
  throw new BridgeflowError('INPUT_INVALID', `Invalid ${what}: ${problems.join('; ')}`);
}

/** A checked table name. */
export function parseTableName(name: unknown): string {
  return parseInput(TableNameSchema, name, 'lookup table name');
}

/** A checked row with `match` filled in and an empty note dropped. */
export function parseLookupRow(input: unknown): LookupRow {
  const { note, ...row } = parseInput(LookupRowInputSchema, input, 'lookup row');
  return note === undefined || note === '' ? row : { ...row, note };
}

/** Checked settings for a new table. */
export function parseCreateTableInput(input: unknown): z.output<typeof CreateTableInputSchema> {
  return parseInput(CreateTableInputSchema, input, 'lookup table');
}

/** Checked changes to a table's settings. */
export function parseUpdateTableInput(input: unknown): z.output<typeof UpdateTableInputSchema> {
  return parseInput(UpdateTableInputSchema, input, 'lookup table changes');
}

/** True for one of {@link LOOKUP_MATCH_MODES}. */
export function isLookupMatchMode(text: string): text is LookupMatchMode {
  return LOOKUP_MATCH_MODES.some((mode) => mode === text);
}
