import { create } from 'zustand';
import type { MappingSampleSet, SampleSetRef } from '../../engine/contract/flow-api-mapping.ts';
import type { FlowNode } from '../../engine/contract/flow-document.ts';
import { JsonValueSchema } from '../../engine/contract/flow-document.ts';
import type { Mapping } from '../../engine/contract/mapping-document.ts';
import type {
  FunctionCompletion,
  MappingPreview,
  MappingTrees,
  PathCompletion,
  TargetSuggestions,
  ValueExplanation,
} from '../../engine/contract/mapping-editor-data.ts';
import { flowApi } from '../api/flow-api.ts';
import { edit, reportError, useDesignerStore } from '../state/designer.store.ts';
import { setParameter } from '../state/flow-commands.ts';
import { mappingOf } from './mapping-edits.ts';

/** Which side panel of the editor is showing. */
export type MappingPanel = 'field' | 'why' | 'suggestions' | 'lookups';

/** The mapping editor's state. The mapping itself stays in the designer's document (undoable). */
export interface MappingEditorState {
  nodeId: string | undefined;
  trees: MappingTrees | undefined;
  sampleSets: readonly MappingSampleSet[];
  setIndex: number;
  /** A sample's index in the set, or `all` for the whole set. */
  sampleIndex: number | 'all';
  preview: MappingPreview | undefined;
  /** Time from the edit to the preview on screen, in ms (shown beside the sample picker). */
  previewMs: number | undefined;
  /** Target tree path of the selected field or line. */
  selectedTarget: string | undefined;
  explanation: ValueExplanation | undefined;
  suggestions: readonly TargetSuggestions[];
  dismissed: readonly { target: string; source: string }[];
  threshold: number;
  panel: MappingPanel;
  /** Autocomplete for the expression editor, for the selected field's place (line or root). */
  completions: { functions: readonly FunctionCompletion[]; paths: readonly PathCompletion[] };
}

export const useMappingEditor = create<MappingEditorState>(() => ({
  nodeId: undefined,
  trees: undefined,
  sampleSets: [],
  setIndex: 0,
  sampleIndex: 0,
  preview: undefined,
  previewMs: undefined,
  selectedTarget: undefined,
  explanation: undefined,
  suggestions: [],
  dismissed: [],
  threshold: 0.8,
  panel: 'field',
  completions: { functions: [], paths: [] },
}));

const set = useMappingEditor.setState;
const get = useMappingEditor.getState;

/** The mapping node being edited, from the designer's document. */
export function editedNode(nodeId: string | undefined): FlowNode | undefined {
  return useDesignerStore.getState().document.nodes.find((node) => node.id === nodeId);
}

/** The mapping being edited. */
export function currentMapping(): Mapping {
  const node = editedNode(get().nodeId);
  return node ? mappingOf(node.parameters) : { fields: [] };
}

/**
 * The chosen sample set as the host methods take it: by reference, so an edit's preview does not
 * carry the whole set across the transport (the host reads and keeps it).
 */
export function sampleInput(state: MappingEditorState = get()): { sampleSet?: SampleSetRef } {
  const chosen = state.sampleSets[state.setIndex];
  if (!chosen) return {};
  const flowPath = useDesignerStore.getState().path;
  return { sampleSet: { location: chosen.location, set: chosen.set, ...(flowPath ? { flowPath } : {}) } };
}

/** Opens the editor on a node: loads the sample sets, the trees, the preview and suggestions. */
export async function openMappingEditor(nodeId: string): Promise<void> {
  set({ nodeId, trees: undefined, preview: undefined, selectedTarget: undefined, explanation: undefined });
  const path = useDesignerStore.getState().path;
  const result = await flowApi().mappingSampleSets(path ? { flowPath: path } : {});
  if (!result.ok) reportError(result.error);
  set({ sampleSets: result.ok ? result.value.sets : [], setIndex: 0, sampleIndex: 0 });
  await refreshAll();
}

/** Re-reads the trees for the current schemas and samples, then the preview and suggestions. */
export async function refreshAll(): Promise<void> {
  const mapping = currentMapping();
  const trees = await flowApi().mappingTrees({
    ...(mapping.sourceSchema ? { sourceSchema: mapping.sourceSchema } : {}),
    ...(mapping.targetSchema ? { targetSchema: mapping.targetSchema } : {}),
    ...sampleInput(),
  });
  if (!trees.ok) return reportError(trees.error);
  set({ trees: trees.value });
  await refreshPreview();
  await refreshSuggestions();
}

let previewSequence = 0;

/** Recomputes the preview of the current mapping; answers that arrive late are dropped. */
export async function refreshPreview(): Promise<void> {
  const sequence = ++previewSequence;
  const started = performance.now();
  const result = await flowApi().previewMapping({ mapping: currentMapping(), ...sampleInput() });
  if (sequence !== previewSequence) return;
  if (!result.ok) return reportError(result.error);
  set({ preview: result.value, previewMs: performance.now() - started });
  const selected = get().explanation;
  if (selected) await explainValue(selected.target);
}

let suggestionTimer: ReturnType<typeof setTimeout> | undefined;

/** Recomputes suggestions once edits pause (typing an expression changes the mapping per key). */
function scheduleSuggestions(): void {
  clearTimeout(suggestionTimer);
  suggestionTimer = setTimeout(() => void refreshSuggestions(), 400);
}

/** Recomputes suggestions for the unmapped target fields. */
export async function refreshSuggestions(): Promise<void> {
  const result = await flowApi().suggestMappings({
    mapping: currentMapping(),
    ...sampleInput(),
    dismissed: [...get().dismissed],
  });
  if (result.ok) set({ suggestions: result.value.suggestions });
}

/** Chooses a sample set; the trees change with the samples. */
export async function chooseSampleSet(setIndex: number): Promise<void> {
  set({ setIndex, sampleIndex: 0 });
  await refreshAll();
}

/** Chooses one sample, or the whole set. */
export function chooseSample(sampleIndex: number | 'all'): void {
  set({ sampleIndex });
  const selected = get().explanation;
  if (selected && sampleIndex !== 'all') void explainValue(selected.target);
}

/**
 * Writes a changed mapping into the node (one undoable step) and recomputes the preview. Typing
 * passes a `coalesceKey` (the field being typed in), so one field's keystrokes undo together.
 */
export function commitMapping(mapping: Mapping, coalesceKey?: string): void {
  const nodeId = get().nodeId;
  if (!nodeId) return;
  const fields = JsonValueSchema.parse(mapping.fields);
  edit((document) => setParameter(document, nodeId, ['fields'], fields), coalesceKey);
  // The preview first: suggestions are slower and can wait for it.
  void refreshPreview().then(scheduleSuggestions);
}

/** Selects a target field (or line) for editing. */
export function selectTarget(target: string | undefined): void {
  set({ selectedTarget: target, panel: 'field' });
}

/** Shows the side panel. */
export function showPanel(panel: MappingPanel): void {
  set({ panel });
}

/** "Why is this value here" for a target value (with element indices) on the current sample. */
export async function explainValue(target: string): Promise<void> {
  const state = get();
  const sampleIndex = state.sampleIndex === 'all' ? 0 : state.sampleIndex;
  const result = await flowApi().explainMappingValue({
    mapping: currentMapping(),
    ...sampleInput(),
    sampleIndex,
    target,
  });
  if (!result.ok) return reportError(result.error);
  set({ explanation: result.value, panel: 'why' });
}

/** Closes the editor's state (the shell closes the panel). */
export function closeMappingEditor(): void {
  previewSequence++;
  set({ nodeId: undefined, trees: undefined, preview: undefined, explanation: undefined, suggestions: [] });
}

/** Loads autocomplete for an expression inside the "for each" over `forEachPath` (or at the root). */
export async function loadCompletions(forEachPath: string | undefined): Promise<void> {
  const mapping = currentMapping();
  const result = await flowApi().mappingCompletions({
    ...(mapping.sourceSchema ? { sourceSchema: mapping.sourceSchema } : {}),
    ...sampleInput(),
    ...(forEachPath ? { forEachPath } : {}),
  });
  if (result.ok) set({ completions: result.value });
}
