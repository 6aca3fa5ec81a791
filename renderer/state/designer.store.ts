import { create } from 'zustand';
import type { ErrorData } from '../../engine/contract/errors.ts';
import type { FlowDocument, FlowNode } from '../../engine/contract/flow-document.ts';
import type { NodeDescription } from '../../engine/contract/node-description.ts';
import type { FlowProblem } from '../../engine/contract/problems.ts';
import { flowApi } from '../api/flow-api.ts';
import { newFlowDocument } from './flow-commands.ts';
import { emptyHistory, type History, record, redo, undo } from './history.ts';
import { describeNode } from './node-ports.ts';

/** What is selected on the canvas. */
export interface Selection {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
}

/** A parameter to bring into view in the inspector (after clicking a problem). */
export interface FieldFocus {
  nodeId: string;
  parameter?: string;
  /** Changes on every request so the same field can be focused twice. */
  sequence: number;
}

/** The designer's state: one open flow and everything around it. */
export interface DesignerState {
  nodeTypes: readonly NodeDescription[];
  nodeTypesByType: ReadonlyMap<string, NodeDescription>;
  document: FlowDocument;
  /** Workspace path of the open file; undefined for a flow never saved. */
  path: string | undefined;
  /** The document as last opened or saved, to tell whether there are unsaved changes. */
  savedDocument: FlowDocument | undefined;
  history: History<FlowDocument>;
  selection: Selection;
  problems: readonly FlowProblem[];
  focus: FieldFocus | undefined;
  /** Last message for the status bar (saved, refused connection, failed call). */
  notice: { kind: 'info' | 'error'; text: string } | undefined;
}

const initialDocument = newFlowDocument(newId('flow'));

export const useDesignerStore = create<DesignerState>(() => ({
  nodeTypes: [],
  nodeTypesByType: new Map(),
  document: initialDocument,
  path: undefined,
  savedDocument: undefined,
  history: emptyHistory(),
  selection: { nodeIds: [], edgeIds: [] },
  problems: [],
  focus: undefined,
  notice: undefined,
}));

const set = useDesignerStore.setState;
const get = useDesignerStore.getState;

/** A short random id for new nodes, edges and flows. */
export function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}

/** Whether the open flow differs from what is on disk (or was never saved while not empty). */
export function isDirty(state: DesignerState): boolean {
  if (state.savedDocument === undefined)
    return state.document.nodes.length > 0 || state.history.past.length > 0;
  return state.savedDocument !== state.document;
}

/** The description a node is drawn with (placeholder for unknown types). */
export function describeInState(state: DesignerState, node: FlowNode): NodeDescription {
  return describeNode(node, state.document.edges, state.nodeTypesByType);
}

/** Loads node types from the host. */
export async function loadNodeTypes(): Promise<void> {
  const result = await flowApi().listNodeTypes({});
  if (!result.ok) return reportError(result.error);
  set({
    nodeTypes: result.value.nodeTypes,
    nodeTypesByType: new Map(result.value.nodeTypes.map((description) => [description.type, description])),
  });
  void validate();
}

/**
 * Applies an edit as one undoable step. `change` is a pure command from flow-commands.ts; a
 * string answer is a refusal shown in the status bar.
 */
export function edit(
  change: (document: FlowDocument) => FlowDocument | string,
  coalesceKey?: string,
): boolean {
  const state = get();
  const next = change(state.document);
  if (typeof next === 'string') {
    set({ notice: { kind: 'error', text: next } });
    return false;
  }
  if (next === state.document) return true;
  // Typing into one field is one undo step, not one per key.
  const now = Date.now();
  const continues =
    coalesceKey !== undefined && lastEdit.key === coalesceKey && now - lastEdit.at < COALESCE_MS;
  lastEdit = { key: coalesceKey, at: now };
  const history =
    continues && state.history.past.length > 0 ? state.history : record(state.history, state.document);
  set({ document: next, history, notice: undefined });
  scheduleValidation();
  return true;
}

/** Replaces the document without an undo step (during a drag; see beginGesture/endGesture). */
export function editTransient(change: (document: FlowDocument) => FlowDocument): void {
  set({ document: change(get().document) });
}

const COALESCE_MS = 1500;
let lastEdit: { key: string | undefined; at: number } = { key: undefined, at: 0 };
let gestureStart: FlowDocument | undefined;

/** Starts an edit made of many small changes (dragging nodes): one undo step for all of them. */
export function beginGesture(): void {
  gestureStart = get().document;
}

/** Ends a gesture; records an undo step when the document changed. */
export function endGesture(): void {
  const start = gestureStart;
  gestureStart = undefined;
  const state = get();
  if (start === undefined || start === state.document) return;
  set({ history: record(state.history, start) });
  scheduleValidation();
}

export function undoEdit(): void {
  const state = get();
  const step = undo(state.history, state.document);
  if (!step) return;
  set({ document: step.state, history: step.history, selection: keepExisting(state.selection, step.state) });
  scheduleValidation();
}

export function redoEdit(): void {
  const state = get();
  const step = redo(state.history, state.document);
  if (!step) return;
  set({ document: step.state, history: step.history, selection: keepExisting(state.selection, step.state) });
  scheduleValidation();
}

export function select(selection: Selection): void {
  set({ selection });
}

/** Selects a node and asks the inspector to show one of its fields (problems panel clicks). */
export function focusField(nodeId: string, parameter?: string): void {
  const sequence = (get().focus?.sequence ?? 0) + 1;
  set({
    selection: { nodeIds: [nodeId], edgeIds: [] },
    focus: { nodeId, sequence, ...(parameter ? { parameter } : {}) },
  });
}

export function showNotice(kind: 'info' | 'error', text: string): void {
  set({ notice: { kind, text } });
}

export function reportError(error: ErrorData): void {
  set({ notice: { kind: 'error', text: error.message } });
}

/** Puts a document in the editor (new, opened or from a template) with fresh history. */
export function loadDocument(document: FlowDocument, path: string | undefined, saved: boolean): void {
  set({
    document,
    path,
    savedDocument: saved ? document : undefined,
    history: emptyHistory(),
    selection: { nodeIds: [], edgeIds: [] },
    problems: [],
    focus: undefined,
  });
  void validate();
}

/** Marks the current document as the one on disk at `path`. */
export function markSaved(path: string, document: FlowDocument, problems: readonly FlowProblem[]): void {
  set({ path, savedDocument: document, problems });
}

let validationTimer: ReturnType<typeof setTimeout> | undefined;

/** Validates shortly after the last edit, so typing does not send a request per key. */
export function scheduleValidation(delayMs = 150): void {
  if (validationTimer !== undefined) clearTimeout(validationTimer);
  validationTimer = setTimeout(() => void validate(), delayMs);
}

/** Asks the engine for every problem in the open flow. */
export async function validate(): Promise<void> {
  const document = get().document;
  const result = await flowApi().validateFlow({ document });
  if (!result.ok) return reportError(result.error);
  // An edit may have landed while the engine was answering; its own validation follows.
  if (get().document === document) set({ problems: result.value.problems });
}

function keepExisting(selection: Selection, document: FlowDocument): Selection {
  const nodeIds = new Set(document.nodes.map((node) => node.id));
  const edgeIds = new Set(document.edges.map((edge) => edge.id));
  return {
    nodeIds: selection.nodeIds.filter((id) => nodeIds.has(id)),
    edgeIds: selection.edgeIds.filter((id) => edgeIds.has(id)),
  };
}
