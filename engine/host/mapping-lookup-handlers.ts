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
  const read = (name: string): LookupTableData => {
    const lookups = repository();
    const table = lookups.getTable(name);
    if (!table)
      throw new BridgeflowError('INPUT_INVALID', `There is no lookup table named '${name}'`, {
        path: 'name',
      });
    const { rowCount: _rowCount, ...data } = table;
    return data;
  };
  const save = (table: LookupTableData): LookupTableData => {
    const lookups = repository();
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
    return read(table.name);
  };
  return {
    listLookupTables: async () => ({ tables: repository().listTables() }),
    getLookupTable: async ({ name }) => read(name),
    saveLookupTable: async (table) => save(table),
    importLookupCsv: async ({ name, csv, mode }) => {
      const lookups = repository();
      const created = !lookups.getTable(name);
      if (created) lookups.createTable({ name });
      const result = lookups.importCsv(name, csv, { mode });
      if (result.imported) return { table: read(name), problems: [] };
      // All or nothing: a failed import into a new table leaves no empty table behind.
      if (created) lookups.deleteTable(name);
      return { problems: result.problems };
    },
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
