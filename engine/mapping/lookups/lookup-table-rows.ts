import { z } from 'zod';
import { LOOKUP_MATCH_MODES, type LookupRow, type LookupTableInfo } from './lookup-table.ts';

/**
 * The shapes SQLite hands back for lookup tables, checked with zod on the way out: the database
 * file may have been edited by hand or written by another build, and a bad row should fail loudly
 * here rather than as a wrong value in an ERP order.
 */

/** Columns selected for a table's settings (see {@link TABLE_COLUMNS}). */
const TableRecordSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  key_label: z.string(),
  default_value: z.string().nullable(),
  row_count: z.number().int(),
});

/** A table record: its database id and its settings. */
export interface TableRecord {
  id: number;
  info: LookupTableInfo;
}

/** SELECT list matching {@link toTableRecord}; needs `lookup_tables AS t`. */
export const TABLE_COLUMNS = `t.id, t.name, t.description, t.key_label, t.default_value,
  (SELECT COUNT(*) FROM lookup_rows AS r WHERE r.table_id = t.id) AS row_count`;

/** Checks one `lookup_tables` record selected with {@link TABLE_COLUMNS}. */
export function toTableRecord(record: unknown): TableRecord {
  const checked = TableRecordSchema.parse(record);
  const info: LookupTableInfo = {
    name: checked.name,
    description: checked.description,
    keyLabel: checked.key_label,
    rowCount: checked.row_count,
  };
  if (checked.default_value !== null) info.defaultValue = checked.default_value;
  return { id: checked.id, info };
}

const RowRecordSchema = z.object({
  key: z.string(),
  value: z.string(),
  match: z.enum(LOOKUP_MATCH_MODES),
  note: z.string().nullable(),
});

/** SELECT list matching {@link toLookupRow}. */
export const ROW_COLUMNS = 'key, value, match, note';

/** Checks one `lookup_rows` record selected with {@link ROW_COLUMNS}. */
export function toLookupRow(record: unknown): LookupRow {
  const { note, ...row } = RowRecordSchema.parse(record);
  return note === null ? row : { ...row, note };
}

/** True when two rows for the same key say the same thing. */
export function sameRow(left: LookupRow, right: LookupRow): boolean {
  return left.value === right.value && left.match === right.match && left.note === right.note;
}
