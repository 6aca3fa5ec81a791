import type { Statement } from 'better-sqlite3';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import type { StoreDatabase } from '../../store/database.ts';
import { withStoreErrors } from '../../store/store-error.ts';
import { type CsvProblem, formatLookupCsv, parseLookupCsv } from './lookup-csv.ts';
import {
  type CreateLookupTableInput,
  type LookupRow,
  type LookupRowInput,
  type LookupTable,
  type LookupTableInfo,
  parseCreateTableInput,
  parseLookupRow,
  parseTableName,
  parseUpdateTableInput,
  type UpdateLookupTableInput,
} from './lookup-table.ts';
import {
  ROW_COLUMNS,
  sameRow,
  TABLE_COLUMNS,
  type TableRecord,
  toLookupRow,
  toTableRecord,
} from './lookup-table-rows.ts';

/** `replace`: the rows become exactly the given ones. `merge`: add new keys, update existing, keep the rest. */
export type LookupWriteMode = 'replace' | 'merge';

/** What a bulk write changed, for the confirmation the user sees after an import. */
export interface LookupWriteSummary {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
}

/** A CSV import either wrote the whole file or nothing, listing every problem. */
export type LookupCsvImportResult =
  | ({ imported: true } & LookupWriteSummary)
  | { imported: false; problems: CsvProblem[] };

/** Called with a table's name after each committed change to it (a rename reports both names). */
export type LookupTableListener = (tableName: string) => void;

/**
 * Lookup tables kept in the Bridgeflow SQLite database. Every method is synchronous (better-sqlite3)
 * and every multi-statement change runs in one transaction. Bad input throws INPUT_INVALID, naming
 * the table; an unknown table is INPUT_INVALID too; SQLite failures are STORE_FAILED.
 */
export class LookupTableRepository {
  readonly #database: StoreDatabase;
  readonly #listeners = new Set<LookupTableListener>();
  readonly #statements = new Map<string, Statement>();

  constructor(database: StoreDatabase) {
    this.#database = database;
  }

  /** Subscribes to changes (the resolver's cache uses it); returns the unsubscribe function. */
  onChange(listener: LookupTableListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Every table's settings and row count, by name. */
  listTables(): LookupTableInfo[] {
    return this.#read('list lookup tables', () =>
      this.#prepare(`SELECT ${TABLE_COLUMNS} FROM lookup_tables AS t ORDER BY t.name`)
        .all()
        .map((record) => toTableRecord(record).info),
    );
  }

  /** A table with all its rows in order, or undefined when there is none by that name. */
  getTable(name: string): LookupTable | undefined {
    return this.#read(`read lookup table '${name}'`, () => {
      const table = this.#findTable(name);
      return table && { ...table.info, rows: this.#rowsOf(table.id) };
    });
  }

  createTable(input: CreateLookupTableInput): LookupTableInfo {
    const table = parseCreateTableInput(input);
    this.#write(table.name, `create lookup table '${table.name}'`, () => {
      if (this.#findTable(table.name)) throw alreadyExists(table.name);
      this.#prepare(
        'INSERT INTO lookup_tables (name, description, key_label, default_value) VALUES (?, ?, ?, ?)',
      ).run(table.name, table.description, table.keyLabel, table.defaultValue ?? null);
    });
    return this.#tableOrThrow(table.name).info;
  }

  /** Renames a table. Mappings refer to tables by name, so callers should update them too. */
  renameTable(from: string, to: string): LookupTableInfo {
    const newName = parseTableName(to);
    this.#write([from, newName], `rename lookup table '${from}' to '${newName}'`, () => {
      const table = this.#tableOrThrow(from);
      if (newName !== from && this.#findTable(newName)) throw alreadyExists(newName);
      this.#prepare('UPDATE lookup_tables SET name = ? WHERE id = ?').run(newName, table.id);
    });
    return this.#tableOrThrow(newName).info;
  }

  /** Changes description, key label or default (`defaultValue: null` removes the default). */
  updateTable(name: string, changes: UpdateLookupTableInput): LookupTableInfo {
    const checked = parseUpdateTableInput(changes);
    this.#write(name, `update lookup table '${name}'`, () => {
      const { id, info } = this.#tableOrThrow(name);
      const defaultValue = checked.defaultValue === undefined ? info.defaultValue : checked.defaultValue;
      this.#prepare(
        'UPDATE lookup_tables SET description = ?, key_label = ?, default_value = ? WHERE id = ?',
      ).run(
        checked.description ?? info.description,
        checked.keyLabel ?? info.keyLabel,
        defaultValue ?? null,
        id,
      );
    });
    return this.#tableOrThrow(name).info;
  }

  /** Deletes a table and its rows; false when there was no such table. */
  deleteTable(name: string): boolean {
    return this.#write(name, `delete lookup table '${name}'`, () => {
      return this.#prepare('DELETE FROM lookup_tables WHERE name = ?').run(name).changes > 0;
    });
  }

  /** A table's rows in order. */
  listRows(table: string): LookupRow[] {
    return this.#read(`read lookup table '${table}'`, () => this.#rowsOf(this.#tableOrThrow(table).id));
  }

  getRow(table: string, key: string): LookupRow | undefined {
    return this.#read(`read lookup table '${table}'`, () => {
      const record = this.#prepare(
        `SELECT ${ROW_COLUMNS} FROM lookup_rows WHERE table_id = ? AND key = ?`,
      ).get(this.#tableOrThrow(table).id, key);
      return record === undefined ? undefined : toLookupRow(record);
    });
  }

  /** Adds a row at the end, or changes the row with the same key in place (keeping its position). */
  upsertRow(table: string, input: LookupRowInput): LookupRow {
    const row = parseLookupRow(input);
    this.#write(table, `save a row in lookup table '${table}'`, () => {
      this.#upsert(this.#tableOrThrow(table).id, row);
    });
    return row;
  }

  /** Deletes the row with `key`; false when there was none. */
  deleteRow(table: string, key: string): boolean {
    return this.#write(table, `delete a row from lookup table '${table}'`, () => {
      const { id } = this.#tableOrThrow(table);
      return this.#prepare('DELETE FROM lookup_rows WHERE table_id = ? AND key = ?').run(id, key).changes > 0;
    });
  }

  /**
   * Writes many rows in one transaction: all or none. In `replace` mode the table ends up with
   * exactly `inputs`, in that order; in `merge` mode new keys are appended in that order.
   */
  writeRows(table: string, inputs: readonly LookupRowInput[], mode: LookupWriteMode): LookupWriteSummary {
    const rows = inputs.map((input) => parseLookupRow(input));
    const seen = new Set<string>();
    for (const { key } of rows) {
      if (seen.has(key)) throw new BridgeflowError('INPUT_INVALID', `Key '${key}' is given twice`);
      seen.add(key);
    }
    return this.#write(table, `write rows to lookup table '${table}'`, () => {
      const { id } = this.#tableOrThrow(table);
      const before = new Map(this.#rowsOf(id).map((row) => [row.key, row]));
      const summary = summarise(before, rows, mode);
      if (mode === 'replace') this.#prepare('DELETE FROM lookup_rows WHERE table_id = ?').run(id);
      for (const row of rows) this.#upsert(id, row);
      return summary;
    });
  }

  /** Imports a whole CSV file (see {@link parseLookupCsv}) or, when any row is bad, nothing. */
  importCsv(table: string, text: string, options: { mode: LookupWriteMode }): LookupCsvImportResult {
    const parsed = parseLookupCsv(text);
    if (!parsed.ok) return { imported: false, problems: parsed.problems };
    return { imported: true, ...this.writeRows(table, parsed.rows, options.mode) };
  }

  /** The table's rows as CSV that {@link importCsv} reads back unchanged. */
  exportCsv(table: string): string {
    return formatLookupCsv(this.listRows(table));
  }

  #findTable(name: string): TableRecord | undefined {
    const record = this.#prepare(`SELECT ${TABLE_COLUMNS} FROM lookup_tables AS t WHERE t.name = ?`).get(
      name,
    );
    return record === undefined ? undefined : toTableRecord(record);
  }

  #tableOrThrow(name: string): TableRecord {
    const table = this.#findTable(name);
    if (!table) throw new BridgeflowError('INPUT_INVALID', `There is no lookup table named '${name}'`);
    return table;
  }

  #rowsOf(tableId: number): LookupRow[] {
    return this.#prepare(`SELECT ${ROW_COLUMNS} FROM lookup_rows WHERE table_id = ? ORDER BY position`)
      .all(tableId)
      .map(toLookupRow);
  }

  /** New keys go after the last row; an existing key keeps its place, since pattern order matters. */
  #upsert(tableId: number, row: LookupRow): void {
    this.#prepare(
      `INSERT INTO lookup_rows (table_id, position, key, value, match, note)
         VALUES (@tableId, (SELECT COALESCE(MAX(position), 0) + 1 FROM lookup_rows WHERE table_id = @tableId),
                 @key, @value, @match, @note)
         ON CONFLICT (table_id, key) DO UPDATE SET value = excluded.value, match = excluded.match, note = excluded.note`,
    ).run({ tableId, key: row.key, value: row.value, match: row.match, note: row.note ?? null });
  }

  /** Statements are compiled once per repository: bulk writes run the same one thousands of times. */
  #prepare(sql: string): Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#database.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #read<T>(action: string, work: () => T): T {
    return withStoreErrors(action, work);
  }

  /** Runs `work` in a transaction, then tells listeners about the table(s) once it committed. */
  #write<T>(tables: string | readonly string[], action: string, work: () => T): T {
    const result = withStoreErrors(action, () => this.#database.transaction(work).immediate());
    for (const table of typeof tables === 'string' ? [tables] : tables) {
      for (const listener of this.#listeners) listener(table);
    }
    return result;
  }
}

function alreadyExists(name: string): BridgeflowError {
  return new BridgeflowError('INPUT_INVALID', `A lookup table named '${name}' already exists`);
}

function summarise(
  before: ReadonlyMap<string, LookupRow>,
  rows: readonly LookupRow[],
  mode: LookupWriteMode,
): LookupWriteSummary {
  const summary: LookupWriteSummary = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  for (const row of rows) {
    const previous = before.get(row.key);
    if (!previous) summary.added += 1;
    else if (sameRow(previous, row)) summary.unchanged += 1;
    else summary.updated += 1;
  }
  if (mode === 'replace') {
    const kept = new Set(rows.map((row) => row.key));
    summary.removed = [...before.keys()].filter((key) => !kept.has(key)).length;
  }
  return summary;
}
