import { create } from 'zustand';
import type { ErrorData } from '../../engine/contract/errors.ts';
import type {
  DesignerRunDetail,
  DesignerRunRecord,
  EnvironmentInfo,
  RunDiff,
  SampleRef,
  SampleSet,
  TestRunState,
} from '../../engine/contract/flow-api-test-runs.ts';
import type { NodePortItems } from '../../engine/contract/run-trace.ts';
import { flowApi } from '../api/flow-api.ts';
import { useDesignerStore } from '../state/designer.store.ts';
import { nodeTraceOf, outputsByPort, parseSampleText, sampleKey } from './test-run-view.ts';

/** The test-run panel's state: samples, environment, the current run, pins and history. */
export interface TestRunsState {
  environments: readonly EnvironmentInfo[];
  environment: string;
  sets: readonly SampleSet[];
  selected: SampleRef | undefined;
  sampleText: string;
  sampleDirty: boolean;
  /** The test run in progress or last finished. */
  testRun: TestRunState | undefined;
  /** The recorded run shown on the canvas badges and in the node detail. */
  run: DesignerRunDetail | undefined;
  pins: Readonly<Record<string, NodePortItems>>;
  history: readonly DesignerRunRecord[];
  /** Up to two run ids chosen for the diff. */
  compare: readonly string[];
  diff: RunDiff | undefined;
  message: { kind: 'info' | 'error'; text: string } | undefined;
  /** What is wrong with the edited sample: not JSON, or not the trigger's records. */
  sampleProblems: readonly { path: string; message: string }[];
}

export const useTestRunsStore = create<TestRunsState>(() => ({
  environments: [],
  environment: 'dry-run',
  sets: [],
  selected: undefined,
  sampleText: '',
  sampleDirty: false,
  testRun: undefined,
  run: undefined,
  pins: {},
  history: [],
  compare: [],
  diff: undefined,
  message: undefined,
  sampleProblems: [],
}));

const set = useTestRunsStore.setState;
const get = useTestRunsStore.getState;
const POLL_MS = 150;

function flowPath(): { flowPath?: string } {
  const path = useDesignerStore.getState().path;
  return path ? { flowPath: path } : {};
}

function fail(error: ErrorData): void {
  set({ message: { kind: 'error', text: `${error.code}: ${error.message}` } });
}

/** Environments for the picker. */
export async function loadEnvironments(): Promise<void> {
  const result = await flowApi().listEnvironments({});
  if (result.ok) set({ environments: result.value.environments });
  else fail(result.error);
}

export function chooseEnvironment(environment: string): void {
  set({ environment });
}

/** The sample sets of the open flow and the workspace. */
export async function refreshSamples(): Promise<void> {
  const result = await flowApi().listSamples(flowPath());
  if (result.ok) set({ sets: result.value.sets });
  else fail(result.error);
}

export async function selectSample(ref: SampleRef): Promise<void> {
  const result = await flowApi().readSample({ ...flowPath(), ref });
  if (!result.ok) return fail(result.error);
  set({ selected: ref, sampleText: JSON.stringify(result.value.payload, null, 2), sampleDirty: false });
  await checkSampleText();
}

let checkTimer: ReturnType<typeof setTimeout> | undefined;

export function editSampleText(sampleText: string): void {
  set({ sampleText, sampleDirty: true });
  // Checked a moment after typing stops, not on every key.
  clearTimeout(checkTimer);
  checkTimer = setTimeout(() => void checkSampleText(), 300);
}

/** Checks the edited sample against the trigger's source record schema (through the engine's validator). */
export async function checkSampleText(): Promise<void> {
  const parsed = parseSampleText(get().sampleText);
  if (!parsed.ok) return set({ sampleProblems: [{ path: '', message: `Not JSON: ${parsed.reason}` }] });
  const { document } = useDesignerStore.getState();
  const result = await flowApi().checkSample({ document, payload: parsed.value });
  if (result.ok) set({ sampleProblems: result.value.problems });
}

/** Saves the edited sample; a payload that is not JSON is refused with the parser's reason. */
export async function saveSelectedSample(): Promise<void> {
  const { selected, sampleText } = get();
  if (!selected) return;
  const parsed = parseSampleText(sampleText);
  if (!parsed.ok) return set({ message: { kind: 'error', text: `Not saved: ${parsed.reason}` } });
  const result = await flowApi().saveSample({ ...flowPath(), ref: selected, payload: parsed.value });
  if (!result.ok) return fail(result.error);
  set({ sampleDirty: false, message: { kind: 'info', text: `Saved ${selected.name}` } });
  await refreshSamples();
}

/** A new empty sample beside the flow (or in the workspace when the flow has no file yet). */
export async function newSample(name: string): Promise<void> {
  const ref: SampleRef = { location: flowPath().flowPath ? 'flow' : 'workspace', set: '', name };
  const result = await flowApi().saveSample({ ...flowPath(), ref, payload: {}, create: true });
  if (!result.ok) return fail(result.error);
  await refreshSamples();
  await selectSample(ref);
}

export async function duplicateSelected(): Promise<void> {
  const { selected } = get();
  if (!selected) return;
  const result = await flowApi().duplicateSample({ ...flowPath(), ref: selected });
  if (!result.ok) return fail(result.error);
  await refreshSamples();
  await selectSample(result.value.ref);
}

export async function deleteSelected(): Promise<void> {
  const { selected } = get();
  if (!selected) return;
  const result = await flowApi().deleteSample({ ...flowPath(), ref: selected });
  if (!result.ok) return fail(result.error);
  set({ selected: undefined, sampleText: '', sampleDirty: false });
  await refreshSamples();
}

/**
 * Fetches 3dcart orders by id from the chosen environment's store (the sandbox for dry-run) and
 * saves them as a new sample, with personal data replaced by fakes unless `anonymise` is off.
 */
export async function captureSample(orderIds: readonly number[], anonymise: boolean): Promise<void> {
  const { environment } = get();
  const name = `order ${orderIds.join(' ')}`;
  const ref: SampleRef = { location: flowPath().flowPath ? 'flow' : 'workspace', set: '', name };
  // Dry-run reads from the sandbox, so a capture there reads the sandbox store too.
  const source = environment === 'dry-run' ? 'sandbox' : environment;
  const result = await flowApi().captureSample({
    ...flowPath(),
    ref,
    orderIds: [...orderIds],
    environment: source,
    anonymise,
  });
  if (!result.ok) return fail(result.error);
  set({ message: { kind: 'info', text: `Captured ${result.value.orders} order(s) as "${name}"` } });
  await refreshSamples();
  await selectSample(ref);
}

/** Runs the flow as it is in the editor on samples; polls the host for progress until it ends. */
export async function runSamples(samples: readonly SampleRef[], startAt?: { nodeId: string }): Promise<void> {
  const { document } = useDesignerStore.getState();
  const { environment, pins, run } = get();
  if (get().sampleDirty) await saveSelectedSample();
  const from = startAt && run ? { startAt: { nodeId: startAt.nodeId, fromRunId: run.id } } : {};
  const result = await flowApi().startTestRun({
    ...flowPath(),
    document,
    samples: [...samples],
    environment,
    pinned: { ...pins },
    ...from,
  });
  if (!result.ok) return fail(result.error);
  set({ message: undefined, diff: undefined });
  await followTestRun(result.value.testRunId);
}

async function followTestRun(testRunId: string): Promise<void> {
  for (;;) {
    const result = await flowApi().getTestRun({ testRunId });
    if (!result.ok) return fail(result.error);
    set({ testRun: result.value });
    if (result.value.done) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const state = get().testRun;
  if (state?.error)
    return set({ message: { kind: 'error', text: `${state.error.code}: ${state.error.message}` } });
  const last = state?.runs.at(-1);
  if (last) await showRun(last.runId);
  await loadHistory();
}

export async function cancelTestRun(): Promise<void> {
  const testRunId = get().testRun?.testRunId;
  if (testRunId) await flowApi().cancelTestRun({ testRunId });
}

/** Shows a recorded run on the canvas and in the node detail. */
export async function showRun(runId: string): Promise<void> {
  const result = await flowApi().getRun({ runId });
  if (result.ok) set({ run: result.value });
  else fail(result.error);
}

/** Pins the node's output of the shown run: later runs use it instead of running the node. */
export function pinNode(nodeId: string): void {
  const node = nodeTraceOf(get().run?.trace, nodeId);
  if (!node?.outputs) return;
  set((state) => ({ pins: { ...state.pins, [nodeId]: outputsByPort(node) } }));
}

export function unpinNode(nodeId: string): void {
  set((state) => {
    const { [nodeId]: _removed, ...pins } = state.pins;
    return { pins };
  });
}

/** Re-runs the sample of the shown run (or the selected one) from scratch, or from a node. */
export async function rerun(fromNodeId?: string): Promise<void> {
  const { run, selected, sets } = get();
  const sample = run ? findSample(sets, run.sampleSet, run.sampleName) : selected;
  if (!sample) return set({ message: { kind: 'error', text: 'Choose a sample to run first' } });
  await runSamples([sample], fromNodeId ? { nodeId: fromNodeId } : undefined);
}

function findSample(sets: readonly SampleSet[], sampleSet: string, name: string): SampleRef | undefined {
  for (const each of sets) {
    const ref: SampleRef = { location: each.location, set: each.set, name };
    if (`${each.location}:${each.set}` === sampleSet && each.samples.some((sample) => sample.name === name))
      return ref;
  }
  return undefined;
}

/** The open flow's recorded runs, newest first. */
export async function loadHistory(): Promise<void> {
  const flowId = useDesignerStore.getState().document.id;
  const result = await flowApi().listRuns({ flowId });
  if (result.ok) set({ history: result.value.runs });
  else fail(result.error);
}

/** Adds a run to the two being compared (the oldest choice drops out). */
export function toggleCompare(runId: string): void {
  set((state) => ({
    compare: state.compare.includes(runId)
      ? state.compare.filter((id) => id !== runId)
      : [...state.compare, runId].slice(-2),
  }));
}

export async function diffChosenRuns(): Promise<void> {
  const [left, right] = get().compare;
  if (!left || !right) return;
  const result = await flowApi().diffRuns({ leftRunId: left, rightRunId: right });
  if (result.ok) set({ diff: result.value });
  else fail(result.error);
}

/** Whether a sample is the selected one. */
export function isSelected(state: TestRunsState, ref: SampleRef): boolean {
  return state.selected !== undefined && sampleKey(state.selected) === sampleKey(ref);
}
