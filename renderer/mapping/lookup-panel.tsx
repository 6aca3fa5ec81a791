import { useEffect, useState } from 'react';
import type { Mapping } from '../../engine/contract/mapping-document.ts';
import type { LookupTableData } from '../../engine/contract/mapping-editor-data.ts';
import {
  addRow,
  createFromUnmapped,
  exportCsv,
  importCsv,
  loadLookups,
  newTable,
  openTable,
  saveTable,
  useLookups,
} from './lookup.store.ts';
import { LookupGrid } from './lookup-grid.tsx';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}.csv`;
  link.click();
  URL.revokeObjectURL(url);
}

/** Lookup tables: pick or create one, edit it in a grid, import/export CSV, add unmapped values. */
export function LookupPanel({ mapping }: { mapping: Mapping }) {
  const open = useLookups((state) => state.open);
  const problems = useLookups((state) => state.problems);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the unmapped keys change with the mapping
  useEffect(() => {
    void loadLookups();
  }, [mapping]);
  return (
    <div className="lookup-panel" data-testid="lookup-panel">
      <TableChooser />
      <UnmappedValues />
      {open && (
        <>
          <OpenTableBar table={open} />
          {problems.map((problem) => (
            <p key={`${problem.line}-${problem.message}`} className="status-error small">
              Line {problem.line}: {problem.message}
            </p>
          ))}
          <LookupGrid table={open} />
          <button type="button" onClick={addRow}>
            Add row
          </button>
        </>
      )}
    </div>
  );
}

function TableChooser() {
  const tables = useLookups((state) => state.tables);
  const open = useLookups((state) => state.open);
  const [newName, setNewName] = useState('');
  return (
    <div className="lookup-bar">
      <select
        aria-label="Lookup table"
        value={open?.name ?? ''}
        onChange={(event) => void openTable(event.target.value)}
      >
        <option value="" disabled>
          {tables.length} tables
        </option>
        {tables.map((table) => (
          <option key={table.name} value={table.name}>
            {table.name} ({table.rowCount})
          </option>
        ))}
      </select>
      <input
        aria-label="New table name"
        placeholder="new-table"
        value={newName}
        onChange={(event) => setNewName(event.target.value)}
      />
      <button type="button" disabled={newName.trim() === ''} onClick={() => newTable(newName.trim())}>
        New
      </button>
    </div>
  );
}

/** Keys the samples looked up that no row covers, with a button to add them as rows. */
function UnmappedValues() {
  const unmapped = useLookups((state) => state.unmapped);
  return unmapped
    .filter((entry) => entry.values.length > 0)
    .map((entry) => {
      const keys = entry.values.map((value) => value.key);
      return (
        <div key={entry.table} className="unmapped" data-testid={`unmapped-${entry.table}`}>
          <span className="small">
            {keys.length} value{keys.length === 1 ? '' : 's'} no row of <code>{entry.table}</code> covers:{' '}
            {keys.slice(0, 5).join(', ')}
          </span>
          <button type="button" onClick={() => void createFromUnmapped(entry.table, keys)}>
            {entry.exists ? 'Add rows' : 'Create table'}
          </button>
        </div>
      );
    });
}

function OpenTableBar({ table }: { table: LookupTableData }) {
  const dirty = useLookups((state) => state.dirty);
  return (
    <div className="lookup-bar">
      <strong>{table.name}</strong>
      <span className="spacer" />
      <label className="button-like">
        Import CSV
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="lookup-import"
          hidden
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void file.text().then((text) => importCsv(table.name, text, 'merge'));
            event.target.value = '';
          }}
        />
      </label>
      <button
        type="button"
        onClick={() =>
          void exportCsv(table.name).then((csv) => csv !== undefined && download(table.name, csv))
        }
      >
        Export CSV
      </button>
      <button
        type="button"
        className="primary"
        disabled={!dirty}
        onClick={() => void saveTable()}
        data-testid="lookup-save"
      >
        Save
      </button>
    </div>
  );
}
