import { useMemo } from 'react';
import { create } from 'zustand';
import type { Mapping } from '../../engine/contract/mapping-document.ts';
import type { SourceTreeField, TargetTreeField } from '../../engine/contract/mapping-editor-data.ts';
import { ROW_HEIGHT } from './field-tree.tsx';
import { mappedTargets, sourcePathsOf } from './mapping-edits.ts';
import { visibleIndexOf } from './visible-rows.ts';

/** Props of {@link MappingLines}. */
export interface MappingLinesProps {
  mapping: Mapping;
  sourceRows: readonly SourceTreeField[];
  allSourceRows: readonly SourceTreeField[];
  targetRows: readonly TargetTreeField[];
  allTargetRows: readonly TargetTreeField[];
  selected: string | undefined;
  onSelect: (target: string) => void;
}

/** Scroll offsets of the two trees, apart from the editor's state so scrolling redraws only the lines. */
export const useTreeScroll = create<{ source: number; target: number }>(() => ({ source: 0, target: 0 }));

/** Records a tree's scroll offset. */
export function setTreeScroll(side: 'source' | 'target', top: number): void {
  useTreeScroll.setState(side === 'source' ? { source: top } : { target: top });
}

interface Line {
  key: string;
  target: string;
  from: number;
  to: number;
}

const WIDTH = 90;

/** Lines from each mapped target back to the source fields it reads, drawn between the two trees. */
export function MappingLines(props: MappingLinesProps) {
  const { mapping, sourceRows, allSourceRows, targetRows, allTargetRows } = props;
  // Which rows each line joins changes with the mapping and the trees; scrolling only moves them.
  const lines = useMemo(
    () => computeLines({ mapping, sourceRows, allSourceRows, targetRows, allTargetRows }),
    [mapping, sourceRows, allSourceRows, targetRows, allTargetRows],
  );
  const sourceScroll = useTreeScroll((state) => state.source);
  const targetScroll = useTreeScroll((state) => state.target);
  return (
    <svg className="mapping-lines" width={WIDTH} data-testid="mapping-lines" aria-label="Mapped fields">
      {lines.map((line) => {
        const y1 = line.from * ROW_HEIGHT + ROW_HEIGHT / 2 - sourceScroll;
        const y2 = line.to * ROW_HEIGHT + ROW_HEIGHT / 2 - targetScroll;
        const d = `M0,${y1} C${WIDTH / 2},${y1} ${WIDTH / 2},${y2} ${WIDTH},${y2}`;
        const selected = line.target === props.selected;
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: a line is also selectable from its target row
          <g
            key={line.key}
            onClick={() => props.onSelect(line.target)}
            data-testid={`mapping-line-${line.target}`}
          >
            <path d={d} className="mapping-line-hit" />
            <path d={d} className={selected ? 'mapping-line selected' : 'mapping-line'} />
          </g>
        );
      })}
    </svg>
  );
}

function computeLines(
  props: Pick<MappingLinesProps, 'mapping' | 'sourceRows' | 'allSourceRows' | 'targetRows' | 'allTargetRows'>,
): Line[] {
  const sourceIndex = new Map(props.sourceRows.map((row, index) => [row.path, index]));
  const targetIndex = new Map(props.targetRows.map((row, index) => [row.path, index]));
  const sourceParents = new Map(props.allSourceRows.map((row) => [row.path, row.parent]));
  const targetParents = new Map(props.allTargetRows.map((row) => [row.path, row.parent]));
  const byMappingPath = new Map(props.allSourceRows.map((row) => [row.mappingPath, row.path]));
  const lines: Line[] = [];
  const blocks = new Map<string, string>();
  for (const field of props.mapping.fields) {
    if ('forEach' in field && 'path' in field.forEach) blocks.set(field.target, field.forEach.path);
  }
  for (const { target, field } of mappedTargets(props.mapping)) {
    const list = target.includes('[].') ? blocks.get(target.slice(0, target.indexOf('[].'))) : undefined;
    const to = visibleIndexOf(target, targetIndex, targetParents);
    if (to === undefined) continue;
    for (const path of sourcePathsOf(field, list)) {
      const treePath = byMappingPath.get(path);
      const from = treePath ? visibleIndexOf(treePath, sourceIndex, sourceParents) : undefined;
      if (from !== undefined) lines.push({ key: `${target}←${path}`, target, from, to });
    }
  }
  return lines;
}
