import { useEffect, useState } from 'react';
import type { Mapping } from '../../engine/contract/mapping-document.ts';
import {
  addRow,
  createFromUnmapped,
  deleteRow,
  editRow,
  exportCsv,
  importCsv,
  loadLookups,
  newTable,
  openTable,
  saveTable,
  useLookups,
} from './lookup.store.ts';

const MATCHES = ['exact', 'caseInsensitive', 'pattern'] as const;

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
  const { tables, open, dirty, problems, unmapped } = useLookups();
  const [newName, setNewName] = useState('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the unmapped keys change with the mapping
  useEffect(() => {
    void loadLookups();
  }, [mapping]);
  return (
    <div className="lookup-panel" data-testid="lookup-panel">
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
      {unmapped
        .filter((entry) => entry.values.length > 0)
        .map((entry) => (
          <div key={entry.table} className="unmapped" data-testid={`unmapped-${entry.table}`}>
            <span className="small">
              {entry.values.length} value{entry.values.length === 1 ? '' : 's'} no row of{' '}
              <code>{entry.table}</code> covers:{' '}
              {entry.values
                .slice(0, 5)
                .map((value) => value.key)
                .join(', ')}
            </span>
            <button
              type="button"
              onClick={() =>
                void createFromUnmapped(
                  entry.table,
                  entry.values.map((value) => value.key),
                )
              }
            >
              {entry.exists ? 'Add rows' : 'Create table'}
            </button>
          </div>
        ))}
      {open && (
        <>
          <div className="lookup-bar">
            <strong>{open.name}</strong>
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
                  if (file) void file.text().then((text) => importCsv(open.name, text, 'merge'));
                  event.target.value = '';
                }}
              />
            </label>
            <button
              type="button"
              onClick={() =>
                void exportCsv(open.name).then((csv) => csv !== undefined && download(open.name, csv))
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
          {problems.map((problem) => (
            <p key={`${problem.line}-${problem.message}`} className="status-error small">
              Line {problem.line}: {problem.message}
            </p>
          ))}
          <table className="lookup-grid" data-testid="lookup-grid">
            <thead>
              <tr>
                <th>{open.keyLabel}</th>
                <th>Value</th>
                <th>Match</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {open.rows.map((row, index) => (
                // Rows are edited in place; a row's key can change while it is typed.
                // biome-ignore lint/suspicious/noArrayIndexKey: position is the row's identity while editing
                <tr key={index}>
                  <td>
                    <input
                      aria-label={`Key ${index + 1}`}
                      value={row.key}
                      onChange={(event) => editRow(index, { key: event.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`Value ${index + 1}`}
                      value={row.value}
                      onChange={(event) => editRow(index, { value: event.target.value })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={`Match ${index + 1}`}
                      value={row.match}
                      onChange={(event) => {
                        const match = MATCHES.find((mode) => mode === event.target.value);
                        if (match) editRow(index, { match });
                      }}
                    >
                      {MATCHES.map((mode) => (
                        <option key={mode}>{mode}</option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Delete row ${index + 1}`}
                      onClick={() => deleteRow(index)}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={addRow}>
            Add row
          </button>
        </>
      )}
    </div>
  );
}
