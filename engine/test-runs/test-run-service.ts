import { randomUUID } from 'node:crypto';
import type { FlowDocument, JsonValue } from '../contract/flow-document.ts';
import type { NodePortItems, RunStatus, RunTrace } from '../contract/run-trace.ts';
import type { LookupResolver } from '../mapping/mapping-function.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import { getExecutionPlan } from '../run/execution-plan.ts';
import { runFlow } from '../run/executor.ts';
import type { StartAt } from '../run/run-start.ts';
import type { Clock, HttpTransport, Logger } from '../run/services.ts';
import { silentLogger, systemClock } from '../run/system-services.ts';
import type { SamplePayload } from '../samples/sample-files.ts';
import { summariseRuns, type TestRunSummary } from './run-summary.ts';
import type { TestEnvironment } from './test-environments.ts';

/** Progress of a test run, after each sample (and once before the first). */
export interface TestRunProgress {
  /** Samples finished so far. */
  completed: number;
  total: number;
  /** The sample that just finished (absent in the first report). */
  sample?: string;
  status?: RunStatus;
}

/** A test run: one flow over one sample or a set, in one environment. */
export interface TestRunRequest {
  flow: FlowDocument;
  registry: NodeRegistry;
  samples: readonly SamplePayload[];
  environment: TestEnvironment;
  http: HttpTransport;
  /** The host's lookup tables; without them the environment's (the sandbox's) are used. */
  lookups?: LookupResolver;
  /** Pinned node outputs, for every sample. */
  pinned?: Readonly<Record<string, NodePortItems>>;
  /** Start from a node with the output of the nodes before it (a re-run of one sample). */
  startAt?: StartAt;
  triggerNodeId?: string;
  /** `full` (default) keeps every item, for the node detail view and diffs. */
  trace?: 'full' | 'summary';
  signal?: AbortSignal;
  onProgress?(progress: TestRunProgress): void;
  /** Called with each sample's run as soon as it ends (to record it), `index` into `samples`. */
  onSampleRun?(run: SampleRun, index: number): void;
  clock?: Clock;
  logger?: Logger;
}

/** One sample's run. */
export interface SampleRun {
  sample: string;
  trace: RunTrace;
}

/** What a test run returns: every sample's trace and the per-node summary. JSON throughout. */
export interface TestRunResult {
  environment: string;
  dryRun: boolean;
  runs: SampleRun[];
  /** Samples not run because the run was cancelled first. */
  notRun: string[];
  summary: TestRunSummary;
}

/**
 * Runs a flow on each sample in turn through the one executor, reporting progress after each and
 * stopping at the next sample boundary (or inside the running node) when `signal` aborts. Samples
 * run one after another, not at once: they usually share a store's rate limit and a sandbox, and a
 * sample set's runs should read in the order the user sees them.
 */
export async function runTestSamples(request: TestRunRequest): Promise<TestRunResult> {
  const { environment, samples } = request;
  const signal = request.signal ?? new AbortController().signal;
  const pinnedTrigger = remoteTriggerId(request);
  const lookups = request.lookups ?? environment.lookups;
  const services = {
    clock: request.clock ?? systemClock,
    logger: request.logger ?? silentLogger,
    http: request.http,
    secrets: environment.secrets,
    ...(lookups ? { lookups } : {}),
  };
  const runs: SampleRun[] = [];
  request.onProgress?.({ completed: 0, total: samples.length });
  for (const sample of samples) {
    if (signal.aborted) break;
    const items = sampleItems(sample.payload);
    const pinned =
      pinnedTrigger && !request.startAt
        ? { [pinnedTrigger]: { main: items }, ...request.pinned }
        : request.pinned;
    const trace = await runFlow({
      flow: request.flow,
      registry: request.registry,
      services,
      input: [sample.payload],
      dryRun: environment.dryRun,
      signal,
      trace: request.trace ?? 'full',
      runId: randomUUID(),
      ...(pinned ? { pinned } : {}),
      ...(request.startAt ? { startAt: request.startAt } : {}),
      ...(request.triggerNodeId ? { triggerNodeId: request.triggerNodeId } : {}),
    });
    const run = { sample: sample.name, trace };
    runs.push(run);
    request.onSampleRun?.(run, runs.length - 1);
    request.onProgress?.({
      completed: runs.length,
      total: samples.length,
      sample: sample.name,
      status: trace.status,
    });
  }
  return {
    environment: environment.name,
    dryRun: environment.dryRun,
    runs,
    notRun: samples.slice(runs.length).map((sample) => sample.name),
    summary: summariseRuns(runs.map((run) => run.trace)),
  };
}

/**
 * The trigger a sample stands in for, when the trigger would read its records from a remote
 * system (it needs a credential: 3dcart's order webhook reads each order again by id, polling
 * triggers list changed records). A sample is the record itself, so the trigger does not run and
 * the sample's items are its pinned output: an edited sample is run as edited, and a sample need
 * not exist in the environment's store. Triggers that only receive a payload (manual, webhook)
 * run on the sample as usual.
 */
function remoteTriggerId(request: TestRunRequest): string | undefined {
  const plan = getExecutionPlan(request.flow, request.registry);
  const triggers = plan.nodes.filter((planned) => planned.trigger && !planned.node.disabled);
  const trigger = request.triggerNodeId
    ? triggers.find((planned) => planned.node.id === request.triggerNodeId)
    : triggers.length === 1
      ? triggers[0]
      : undefined;
  if (!trigger) return undefined;
  const described = request.registry.get(trigger.node.type, trigger.node.typeVersion)?.description;
  return described?.credentials.some((slot) => slot.required) ? trigger.node.id : undefined;
}

/** The items a sample hands to a flow: an array gives one item per element. */
export function sampleItems(payload: JsonValue): JsonValue[] {
  return Array.isArray(payload) ? payload : [payload];
}
