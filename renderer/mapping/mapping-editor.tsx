import { useEffect, useMemo } from 'react';
import type { Mapping } from '../../engine/contract/mapping-document.ts';
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
import { type TreeView, useTreeView } from './tree-view.ts';
import './mapping-editor.css';

const EMPTY_SOURCE: readonly SourceTreeField[] = [];
const EMPTY_TARGET: readonly TargetTreeField[] = [];

/** The full-screen mapping editor of a `core.mapping` node. */
export function MappingEditor({ nodeId, onClose }: { nodeId: string; onClose: () => void }) {
  const node = useDesignerStore((state) => state.document.nodes.find((candidate) => candidate.id === nodeId));
  const mapping = useMemo(() => mappingOf(node?.parameters ?? {}), [node?.parameters]);
  const trees = useMappingEditor((state) => state.trees);
  const selected = useMappingEditor((state) => state.selectedTarget);
  const source = useTreeView(trees?.source ?? EMPTY_SOURCE);
  const target = useTreeView(trees?.target ?? EMPTY_TARGET);
  useEffect(() => {
    setTreeScroll('source', 0);
    setTreeScroll('target', 0);
    void openMappingEditor(nodeId);
    return closeMappingEditor;
  }, [nodeId]);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: editor-wide keys (undo, redo, delete, close) while focus is inside it
    <div
      className="mapping-editor"
      data-testid="mapping-editor"
      onKeyDown={(event) => onEditorKey(event, mapping, onClose)}
    >
      <MappingHeader title={node?.name ?? 'Mapping'} mapping={mapping} onClose={onClose} />
      <div className="mapping-body">
        <SourcePane view={source} total={trees?.source.length ?? 0} />
        <MappingLines
          mapping={mapping}
          sourceRows={source.rows}
          allSourceRows={trees?.source ?? EMPTY_SOURCE}
          targetRows={target.rows}
          allTargetRows={trees?.target ?? EMPTY_TARGET}
          selected={selected}
          onSelect={selectTarget}
        />
        <TargetPane
          view={target}
          total={trees?.target.length ?? 0}
          mapping={mapping}
          sources={trees?.source ?? EMPTY_SOURCE}
        />
        <SidePanel mapping={mapping} />
      </div>
    </div>
  );
}

function MappingHeader(props: { title: string; mapping: Mapping; onClose: () => void }) {
  const coverage = useMappingEditor((state) => state.preview?.coverage);
  return (
    <header className="mapping-header">
      <strong>{props.title}</strong>
      <span className="muted small">
        {props.mapping.sourceSchema ?? 'samples'} → {props.mapping.targetSchema ?? 'free-form record'}
      </span>
      <CoverageBar coverage={coverage} onSelect={selectTarget} />
      <span className="spacer" />
      <SamplePicker />
      <button type="button" onClick={props.onClose} data-testid="mapping-editor-close">
        Close
      </button>
    </header>
  );
}

function SourcePane({ view, total }: { view: TreeView<SourceTreeField>; total: number }) {
  return (
    <section className="mapping-tree">
      <input
        placeholder={`Filter ${total} source fields`}
        value={view.filter}
        onChange={(event) => view.setFilter(event.target.value)}
        aria-label="Filter source fields"
      />
      <FieldTree
        side="source"
        rows={view.rows}
        collapsed={view.collapsed}
        onToggle={view.toggle}
        renderDetail={(row) => <SourceDetail row={row} />}
        draggable
        onScroll={(top) => setTreeScroll('source', top)}
      />
    </section>
  );
}

/** The target tree with each field's preview value and marks; source fields are dropped here. */
function TargetPane(props: {
  view: TreeView<TargetTreeField>;
  total: number;
  mapping: Mapping;
  sources: readonly SourceTreeField[];
}) {
  const { view, mapping } = props;
  const preview = useMappingEditor((state) => state.preview);
  const sampleIndex = useMappingEditor((state) => state.sampleIndex);
  const selected = useMappingEditor((state) => state.selectedTarget);
  const mapped = useMemo(() => new Set(mappedTargets(mapping).map((entry) => entry.target)), [mapping]);
  const byField = useMemo(() => {
    const samples = preview?.samples ?? [];
    return previewByField(
      sampleIndex === 'all' ? samples : samples.filter((sample) => sample.index === sampleIndex),
    );
  }, [preview, sampleIndex]);
  const sourceByPath = useMemo(() => new Map(props.sources.map((row) => [row.path, row])), [props.sources]);
  const drop = (row: TargetTreeField, sourcePath: string) => {
    const source = sourceByPath.get(sourcePath);
    const request = {
      source: sourcePath,
      sourceIsArray: source?.isArray ?? false,
      target: row.path,
      targetIsArray: row.isArray,
    };
    commitMapping(mapByDrop(mapping, request));
    selectTarget(row.path);
  };
  return (
    <section className="mapping-tree">
      <input
        placeholder={`Filter ${props.total} target fields`}
        value={view.filter}
        onChange={(event) => view.setFilter(event.target.value)}
        aria-label="Filter target fields"
      />
      <FieldTree
        side="target"
        rows={view.rows}
        collapsed={view.collapsed}
        onToggle={view.toggle}
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
        onDropSource={drop}
        onScroll={(top) => setTreeScroll('target', top)}
      />
    </section>
  );
}
