import { create } from 'zustand';
import type { LookupTableSummary } from '../../engine/contract/flow-api-mapping.ts';
import type { LookupTableData } from '../../engine/contract/mapping-editor-data.ts';
import { flowApi } from '../api/flow-api.ts';
import { reportError, showNotice } from '../state/designer.store.ts';
import { currentMapping, refreshPreview, sampleInput } from './mapping-editor.store.ts';

type Row = LookupTableData['rows'][number];

/** The lookup grid: the stored tables, the one open (as edited, unsaved until Save), import problems. */
export interface LookupState {
  tables: readonly LookupTableSummary[];
  open: LookupTableData | undefined;
  dirty: boolean;
  problems: readonly { line: number; message: string }[];
  /** Keys the samples looked up that no row covers, per table the mapping uses. */
  unmapped: readonly {
    table: string;
    exists: boolean;
    values: { key: string; count: number; targets: string[] }[];
  }[];
}

export const useLookups = create<LookupState>(() => ({
  tables: [],
  open: undefined,
  dirty: false,
  problems: [],
  unmapped: [],
}));

const set = useLookups.setState;
const get = useLookups.getState;

/** Reads the stored tables and the unmapped keys of the current mapping's samples. */
export async function loadLookups(): Promise<void> {
  const [tables, unmapped] = await Promise.all([
    flowApi().listLookupTables({}),
    flowApi().unmappedLookupValues({ mapping: currentMapping(), ...sampleInput() }),
  ]);
  if (!tables.ok) return reportError(tables.error);
  set({ tables: tables.value.tables, unmapped: unmapped.ok ? unmapped.value.tables : [] });
}

/** Opens a stored table in the grid. */
export async function openTable(name: string): Promise<void> {
  const result = await flowApi().getLookupTable({ name });
  if (!result.ok) return reportError(result.error);
  set({ open: result.value, dirty: false, problems: [] });
}

/** Starts a new, empty table (saved on Save). */
export function newTable(name: string): void {
  set({ open: { name, description: '', keyLabel: 'Key', rows: [] }, dirty: true, problems: [] });
}

/** Edits one row of the open table. */
export function editRow(index: number, change: Partial<Row>): void {
  const open = get().open;
  if (!open) return;
  set({
    open: { ...open, rows: open.rows.map((row, at) => (at === index ? { ...row, ...change } : row)) },
    dirty: true,
  });
}

export function addRow(): void {
  const open = get().open;
  if (open)
    set({ open: { ...open, rows: [...open.rows, { key: '', value: '', match: 'exact' }] }, dirty: true });
}

export function deleteRow(index: number): void {
  const open = get().open;
  if (open) set({ open: { ...open, rows: open.rows.filter((_, at) => at !== index) }, dirty: true });
}

/** Saves the open table (rows with a blank key are dropped) and recomputes the preview. */
export async function saveTable(): Promise<void> {
  const open = get().open;
  if (!open) return;
  const result = await flowApi().saveLookupTable({
    ...open,
    rows: open.rows.filter((row) => row.key !== ''),
  });
  if (!result.ok) return reportError(result.error);
  set({ open: result.value, dirty: false });
  showNotice('info', `Saved lookup table ${result.value.name}`);
  await Promise.all([loadLookups(), refreshPreview()]);
}

/** Imports CSV text into the open table (or a table of that name); all rows or none. */
export async function importCsv(name: string, csv: string, mode: 'replace' | 'merge'): Promise<void> {
  const result = await flowApi().importLookupCsv({ name, csv, mode });
  if (!result.ok) return reportError(result.error);
  if (result.value.table) set({ open: result.value.table, dirty: false, problems: [] });
  else set({ problems: result.value.problems });
  await Promise.all([loadLookups(), refreshPreview()]);
}

/** The open table as CSV text (the panel turns it into a download). */
export async function exportCsv(name: string): Promise<string | undefined> {
  const result = await flowApi().exportLookupCsv({ name });
  if (!result.ok) {
    reportError(result.error);
    return undefined;
  }
  return result.value.csv;
}

/** Adds the unmapped keys as rows (values to fill in), creating the table when it does not exist. */
export async function createFromUnmapped(table: string, values: readonly string[]): Promise<void> {
  const result = await flowApi().createLookupFromValues({ name: table, values: [...values] });
  if (!result.ok) return reportError(result.error);
  set({ open: result.value, dirty: false, problems: [] });
  await loadLookups();
}
