import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { LookupTableData } from '../../engine/contract/mapping-editor-data.ts';
import { deleteRow, editRow } from './lookup.store.ts';

const MATCHES = ['exact', 'caseInsensitive', 'pattern'] as const;
const ROW_HEIGHT = 30;

/**
 * The rows of a lookup table as an editable grid, virtualised: an SKU table of thousands of rows
 * keeps only the rows in view in the DOM.
 */
export function LookupGrid({ table }: { table: LookupTableData }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: table.rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  return (
    <div className="lookup-grid" data-testid="lookup-grid">
      <div className="lookup-grid-row lookup-grid-header">
        <span>{table.keyLabel}</span>
        <span>Value</span>
        <span>Match</span>
        <span />
      </div>
      <div ref={scroller} className="lookup-grid-body">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = table.rows[item.index];
            return row ? <GridRow key={item.index} index={item.index} row={row} top={item.start} /> : null;
          })}
        </div>
      </div>
    </div>
  );
}

function GridRow({ index, row, top }: { index: number; row: LookupTableData['rows'][number]; top: number }) {
  const number = index + 1;
  return (
    <div
      className="lookup-grid-row"
      data-testid="lookup-row"
      style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${top}px)` }}
    >
      <input
        aria-label={`Key ${number}`}
        value={row.key}
        onChange={(event) => editRow(index, { key: event.target.value })}
      />
      <input
        aria-label={`Value ${number}`}
        value={row.value}
        onChange={(event) => editRow(index, { value: event.target.value })}
      />
      <select
        aria-label={`Match ${number}`}
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
      <button
        type="button"
        className="icon-button"
        aria-label={`Delete row ${number}`}
        onClick={() => deleteRow(index)}
      >
        ×
      </button>
    </div>
  );
}
