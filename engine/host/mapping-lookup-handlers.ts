import type { LookupTableData } from '../contract/mapping-editor-data.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import { lookupTableFromValues } from '../mapping/editor/lookup-drafts.ts';
import type { LookupTableRepository } from '../mapping/lookups/lookup-table-repository.ts';
import type { AreaHandlers } from './host-handlers.ts';

/** Lookup grid methods over the stored tables (LookupTableRepository, SQLite). */
export function createLookupHandlers(
  repository: () => LookupTableRepository,
): AreaHandlers<
  | 'listLookupTables'
  | 'getLookupTable'
  | 'saveLookupTable'
  | 'importLookupCsv'
  | 'exportLookupCsv'
  | 'createLookupFromValues'
> {
  const read = (name: string) => readTable(repository(), name);
  const save = (table: LookupTableData) => saveTable(repository(), table);
  return {
    listLookupTables: async () => ({ tables: repository().listTables() }),
    getLookupTable: async ({ name }) => read(name),
    saveLookupTable: async (table) => save(table),
    importLookupCsv: async ({ name, csv, mode }) => importCsv(repository(), name, csv, mode),
    exportLookupCsv: async ({ name }) => ({ csv: repository().exportCsv(name) }),
    createLookupFromValues: async ({ name, keyLabel, values }) => {
      const existing = repository().getTable(name);
      return save(
        lookupTableFromValues({
          name,
          values,
          ...(keyLabel ? { keyLabel } : {}),
          ...(existing ? { existing } : {}),
        }),
      );
    },
  };
}

function readTable(lookups: LookupTableRepository, name: string): LookupTableData {
  const table = lookups.getTable(name);
  if (!table)
    throw new BridgeflowError('INPUT_INVALID', `There is no lookup table named '${name}'`, { path: 'name' });
  const { rowCount: _rowCount, ...data } = table;
  return data;
}

/** Creates the table or replaces its settings, then makes its rows exactly the given ones. */
function saveTable(lookups: LookupTableRepository, table: LookupTableData): LookupTableData {
  const settings = {
    description: table.description,
    keyLabel: table.keyLabel,
    ...(table.defaultValue === undefined ? {} : { defaultValue: table.defaultValue }),
  };
  if (lookups.getTable(table.name)) {
    lookups.updateTable(table.name, { ...settings, defaultValue: table.defaultValue ?? null });
  } else {
    lookups.createTable({ name: table.name, ...settings });
  }
  lookups.writeRows(table.name, table.rows, 'replace');
  return readTable(lookups, table.name);
}

function importCsv(
  lookups: LookupTableRepository,
  name: string,
  csv: string,
  mode: 'replace' | 'merge',
): { table?: LookupTableData; problems: { line: number; message: string }[] } {
  const created = !lookups.getTable(name);
  if (created) lookups.createTable({ name });
  const result = lookups.importCsv(name, csv, { mode });
  if (result.imported) return { table: readTable(lookups, name), problems: [] };
  // All or nothing: a failed import into a new table leaves no empty table behind.
  if (created) lookups.deleteTable(name);
  return { problems: result.problems };
}
