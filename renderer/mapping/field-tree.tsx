import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useEffect, useRef } from 'react';
import type { TreeRow } from './visible-rows.ts';

/** Height of every tree row in pixels; fixed so the lines between the trees can be computed. */
export const ROW_HEIGHT = 26;

/** MIME type of a dragged source field (its source tree path). */
export const SOURCE_FIELD_MIME = 'application/x-bridgeflow-source-field';

/** Props of {@link FieldTree}. */
export interface FieldTreeProps<Row extends TreeRow> {
  side: 'source' | 'target';
  /** Rows to draw, already collapsed and filtered (visible-rows.ts). */
  rows: readonly Row[];
  collapsed: ReadonlySet<string>;
  onToggle: (path: string) => void;
  /** What a row shows after its name (type, examples, value, marks). */
  renderDetail: (row: Row) => ReactNode;
  rowClass?: (row: Row) => string;
  onRowClick?: (row: Row) => void;
  /** Source rows: drag starts with the path. */
  draggable?: boolean;
  /** Target rows: a source path dropped on a row. */
  onDropSource?: (row: Row, sourcePath: string) => void;
  onScroll: (scrollTop: number) => void;
  /** A row to bring into view when it changes (a field clicked in the coverage bar). */
  scrollTo?: string | undefined;
}

/**
 * A field tree drawn with @tanstack/react-virtual: only the rows in view exist in the DOM, so a
 * source with thousands of fields scrolls as smoothly as one with twenty.
 */
export function FieldTree<Row extends TreeRow>(props: FieldTreeProps<Row>) {
  const { rows, side, scrollTo } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  useEffect(() => {
    if (scrollTo === undefined) return;
    const index = rows.findIndex((row) => row.path === scrollTo);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [scrollTo, rows, virtualizer]);
  return (
    <div
      ref={scroller}
      className="mapping-tree-scroll"
      data-testid={`${side}-tree`}
      onScroll={(event) => props.onScroll(event.currentTarget.scrollTop)}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          return row ? <TreeRowView key={row.path} row={row} top={item.start} tree={props} /> : null;
        })}
      </div>
    </div>
  );
}

function TreeRowView<Row extends TreeRow>({
  row,
  top,
  tree,
}: {
  row: Row;
  top: number;
  tree: FieldTreeProps<Row>;
}) {
  const collapsed = tree.collapsed.has(row.path);
  return (
    <div
      className={`mapping-row ${tree.rowClass?.(row) ?? ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      data-testid={`${tree.side}-field-${row.path}`}
      draggable={tree.draggable}
      onDragStart={(event) => {
        event.dataTransfer.setData(SOURCE_FIELD_MIME, row.path);
        event.dataTransfer.setData('text/plain', row.path);
        event.dataTransfer.effectAllowed = 'link';
      }}
      onDragOver={(event) => {
        if (tree.onDropSource) event.preventDefault();
      }}
      onDrop={(event) => {
        const path =
          event.dataTransfer.getData(SOURCE_FIELD_MIME) || event.dataTransfer.getData('text/plain');
        if (!path || !tree.onDropSource) return;
        event.preventDefault();
        tree.onDropSource(row, path);
      }}
      onClick={() => tree.onRowClick?.(row)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') tree.onRowClick?.(row);
      }}
      role="treeitem"
      aria-level={row.depth + 1}
      aria-expanded={row.childCount > 0 ? !collapsed : undefined}
      tabIndex={-1}
    >
      <span style={{ width: row.depth * 14 }} className="mapping-indent" />
      {row.childCount > 0 ? (
        <button
          type="button"
          className="icon-button mapping-twisty"
          aria-label={collapsed ? `Expand ${row.name}` : `Collapse ${row.name}`}
          onClick={(event) => {
            event.stopPropagation();
            tree.onToggle(row.path);
          }}
        >
          {collapsed ? '▸' : '▾'}
        </button>
      ) : (
        <span className="mapping-twisty" />
      )}
      <span className="mapping-row-name">{row.name}</span>
      {tree.renderDetail(row)}
    </div>
  );
}
