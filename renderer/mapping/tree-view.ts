import { useMemo, useState } from 'react';
import { type TreeRow, visibleRows } from './visible-rows.ts';

/** A tree's collapsed rows and filter, and the rows they leave visible. */
export interface TreeView<Row extends TreeRow> {
  rows: Row[];
  collapsed: ReadonlySet<string>;
  toggle: (path: string) => void;
  filter: string;
  setFilter: (filter: string) => void;
}

/** Collapse and filter state of one tree (local to the editor: not part of the flow). */
export function useTreeView<Row extends TreeRow>(all: readonly Row[]): TreeView<Row> {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => visibleRows(all, collapsed, filter), [all, collapsed, filter]);
  const toggle = (path: string) =>
    setCollapsed((paths) => {
      const next = new Set(paths);
      if (!next.delete(path)) next.add(path);
      return next;
    });
  return { rows, collapsed, toggle, filter, setFilter };
}
