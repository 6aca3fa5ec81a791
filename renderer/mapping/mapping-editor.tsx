import { useEffect, useMemo, useState } from 'react';
import type { SourceTreeField, TargetTreeField } from '../../engine/contract/mapping-editor-data.ts';
import { useDesignerStore } from '../state/designer.store.ts';
import { CoverageBar } from './coverage-bar.tsx';
import { onEditorKey } from './editor-keys.ts';
import { FieldTree } from './field-tree.tsx';
import {
  closeMappingEditor,
  commitMapping,
  explainValue,
  openMappingEditor,
  selectTarget,
  useMappingEditor,
} from './mapping-editor.store.ts';
import { mapByDrop, mappedTargets, mappingOf } from './mapping-edits.ts';
import { MappingLines, setTreeScroll } from './mapping-lines.tsx';
import { SamplePicker } from './sample-picker.tsx';
import { SidePanel } from './side-panel.tsx';
import { previewByField, SourceDetail, TargetDetail } from './tree-details.tsx';
import { visibleRows } from './visible-rows.ts';
import './mapping-editor.css';

const EMPTY_SOURCE: readonly SourceTreeField[] = [];
const EMPTY_TARGET: readonly TargetTreeField[] = [];

/** The full-screen mapping editor of a `core.mapping` node. */
export function MappingEditor({ nodeId, onClose }: { nodeId: string; onClose: () => void }) {
  const node = useDesignerStore((state) => state.document.nodes.find((candidate) => candidate.id === nodeId));
  const mapping = useMemo(() => mappingOf(node?.parameters ?? {}), [node?.parameters]);
  const trees = useMappingEditor((state) => state.trees);
  const preview = useMappingEditor((state) => state.preview);
  const sampleIndex = useMappingEditor((state) => state.sampleIndex);
  const selected = useMappingEditor((state) => state.selectedTarget);
  const [collapsedSource, setCollapsedSource] = useState<ReadonlySet<string>>(new Set());
  const [collapsedTarget, setCollapsedTarget] = useState<ReadonlySet<string>>(new Set());
  const [sourceFilter, setSourceFilter] = useState('');
  const [targetFilter, setTargetFilter] = useState('');

  useEffect(() => {
    setTreeScroll('source', 0);
    setTreeScroll('target', 0);
    void openMappingEditor(nodeId);
    return closeMappingEditor;
  }, [nodeId]);

  const allSource = trees?.source ?? EMPTY_SOURCE;
  const allTarget = trees?.target ?? EMPTY_TARGET;
  const sourceRows = useMemo(
    () => visibleRows(allSource, collapsedSource, sourceFilter),
    [allSource, collapsedSource, sourceFilter],
  );
  const targetRows = useMemo(
    () => visibleRows(allTarget, collapsedTarget, targetFilter),
    [allTarget, collapsedTarget, targetFilter],
  );
  const mapped = useMemo(() => new Set(mappedTargets(mapping).map((entry) => entry.target)), [mapping]);
  const byField = useMemo(() => {
    const samples = preview?.samples ?? [];
    return previewByField(
      sampleIndex === 'all' ? samples : samples.filter((sample) => sample.index === sampleIndex),
    );
  }, [preview, sampleIndex]);
  const sourceByPath = useMemo(() => new Map(allSource.map((row) => [row.path, row])), [allSource]);
  const toggle = (paths: ReadonlySet<string>, path: string) => {
    const next = new Set(paths);
    if (!next.delete(path)) next.add(path);
    return next;
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: editor-wide keys (undo, redo, delete, close) while focus is inside it
    <div
      className="mapping-editor"
      data-testid="mapping-editor"
      onKeyDown={(event) => onEditorKey(event, mapping, onClose)}
    >
      <header className="mapping-header">
        <strong>{node?.name ?? 'Mapping'}</strong>
        <span className="muted small">
          {mapping.sourceSchema ?? 'samples'} → {mapping.targetSchema ?? 'free-form record'}
        </span>
        <CoverageBar coverage={preview?.coverage} onSelect={selectTarget} />
        <span className="spacer" />
        <SamplePicker />
        <button type="button" onClick={onClose} data-testid="mapping-editor-close">
          Close
        </button>
      </header>
      <div className="mapping-body">
        <section className="mapping-tree">
          <input
            placeholder={`Filter ${allSource.length} source fields`}
            value={sourceFilter}
            onChange={(event) => setSourceFilter(event.target.value)}
            aria-label="Filter source fields"
          />
          <FieldTree
            side="source"
            rows={sourceRows}
            collapsed={collapsedSource}
            onToggle={(path) => setCollapsedSource((paths) => toggle(paths, path))}
            renderDetail={(row) => <SourceDetail row={row} />}
            draggable
            onScroll={(top) => setTreeScroll('source', top)}
          />
        </section>
        <MappingLines
          mapping={mapping}
          sourceRows={sourceRows}
          allSourceRows={allSource}
          targetRows={targetRows}
          allTargetRows={allTarget}
          selected={selected}
          onSelect={selectTarget}
        />
        <section className="mapping-tree">
          <input
            placeholder={`Filter ${allTarget.length} target fields`}
            value={targetFilter}
            onChange={(event) => setTargetFilter(event.target.value)}
            aria-label="Filter target fields"
          />
          <FieldTree
            side="target"
            rows={targetRows}
            collapsed={collapsedTarget}
            onToggle={(path) => setCollapsedTarget((paths) => toggle(paths, path))}
            rowClass={(row) => (row.path === selected ? 'selected' : '')}
            scrollTo={selected}
            onRowClick={(row) => selectTarget(row.path)}
            renderDetail={(row) => (
              <TargetDetail
                row={row}
                mapped={mapped.has(row.path)}
                preview={byField.get(row.path)}
                wholeSet={sampleIndex === 'all'}
                onExplain={(path) => void explainValue(path)}
              />
            )}
            onDropSource={(row, sourcePath) => {
              const source = sourceByPath.get(sourcePath);
              commitMapping(
                mapByDrop(mapping, {
                  source: sourcePath,
                  sourceIsArray: source?.isArray ?? false,
                  target: row.path,
                  targetIsArray: row.isArray,
                }),
              );
              selectTarget(row.path);
            }}
            onScroll={(top) => setTreeScroll('target', top)}
          />
        </section>
        <SidePanel mapping={mapping} />
      </div>
    </div>
  );
}
