import { randomUUID } from 'node:crypto';
import type { SampleRef, TestRunState } from '../contract/flow-api-test-runs.ts';
import type { FlowDocument } from '../contract/flow-document.ts';
import { BridgeflowError, toErrorData } from '../errors/bridgeflow-error.ts';
import { getExecutionPlan } from '../run/execution-plan.ts';
import { outputsOfTrace, type StartAt } from '../run/run-start.ts';
import type { SamplePayload } from '../samples/sample-files.ts';
import { createDesignerRunHistory, type DesignerRunHistory } from '../test-runs/designer-run-history.ts';
import { diffRunOutputs } from '../test-runs/run-diff.ts';
import { resolveEnvironment, type TestEnvironment } from '../test-runs/test-environments.ts';
import { runTestSamples } from '../test-runs/test-run-service.ts';
import type { HostContext } from './host-context.ts';
import type { AreaHandlers, HandlerInput } from './host-handlers.ts';
import { pruneFinished, type RunHostState } from './run-host-state.ts';
import { libraryFor } from './run-sample-handlers.ts';

/** Test runs with progress and cancel, the run history and diffs. */
export function createRunTestHandlers(
  context: HostContext,
  state: RunHostState,
): AreaHandlers<'startTestRun' | 'getTestRun' | 'cancelTestRun' | 'listRuns' | 'getRun' | 'diffRuns'> {
  let history: DesignerRunHistory | undefined;
  const runs = (): DesignerRunHistory => {
    history ??= createDesignerRunHistory(context.database());
    return history;
  };
  const recorded = (runId: string) => {
    const run = runs().get(runId);
    if (!run)
      throw new BridgeflowError('INPUT_INVALID', `There is no recorded run ${runId}`, { retryable: false });
    return run;
  };
  return {
    startTestRun: async (input) => {
      const library = await libraryFor(context, input.flowPath);
      const samples = await Promise.all(
        input.samples.map(async (ref) => ({ name: ref.name, payload: await library.read(ref) })),
      );
      // An invalid flow is refused now, with its reason, not reported later through getTestRun.
      getExecutionPlan(input.document, context.registry);
      const environment = await resolveEnvironment(input.environment, state.environmentSources());
      const startAt: StartAt | undefined = input.startAt && {
        nodeId: input.startAt.nodeId,
        upstream: outputsOfTrace(recorded(input.startAt.fromRunId).trace.nodes),
      };
      const testRunId = randomUUID();
      const runState: TestRunState = {
        testRunId,
        environment: environment.name,
        dryRun: environment.dryRun,
        total: samples.length,
        completed: 0,
        done: false,
        runs: [],
        notRun: [],
      };
      const controller = new AbortController();
      state.testRuns.set(testRunId, { state: runState, controller });
      pruneFinished(state.testRuns);
      const job = {
        input,
        samples,
        environment,
        startAt,
        runState,
        signal: controller.signal,
        registry: context.registry,
      };
      void runInBackground(job, state, runs());
      return { testRunId, total: samples.length };
    },
    getTestRun: async ({ testRunId }) => {
      const active = state.testRuns.get(testRunId);
      if (!active)
        throw new BridgeflowError('INPUT_INVALID', `There is no test run ${testRunId}`, { retryable: false });
      return active.state;
    },
    cancelTestRun: async ({ testRunId }) => {
      state.testRuns.get(testRunId)?.controller.abort();
      return {};
    },
    listRuns: async ({ flowId, sampleName, limit }) => ({
      runs: runs().list({ flowId, limit, ...(sampleName ? { sampleName } : {}) }),
    }),
    getRun: async ({ runId }) => recorded(runId),
    diffRuns: async ({ leftRunId, rightRunId }) =>
      diffRunOutputs(recorded(leftRunId).trace, recorded(rightRunId).trace),
  };
}

interface BackgroundJob {
  input: HandlerInput<'startTestRun'>;
  registry: HostContext['registry'];
  samples: SamplePayload[];
  environment: TestEnvironment;
  startAt: StartAt | undefined;
  runState: TestRunState;
  signal: AbortSignal;
}

/** Runs the samples, recording each run in the history as it ends and updating the state polled by the panel. */
async function runInBackground(
  job: BackgroundJob,
  state: RunHostState,
  history: DesignerRunHistory,
): Promise<void> {
  const { input, runState } = job;
  const document: FlowDocument = input.document;
  const lookups = state.lookups(job.environment.lookups);
  try {
    const result = await runTestSamples({
      flow: document,
      registry: job.registry,
      samples: job.samples,
      environment: job.environment,
      http: state.http,
      signal: job.signal,
      ...(lookups ? { lookups } : {}),
      ...(Object.keys(input.pinned).length > 0 ? { pinned: input.pinned } : {}),
      ...(job.startAt ? { startAt: job.startAt } : {}),
      onSampleRun: (run, index) => {
        const ref: SampleRef | undefined = input.samples[index];
        history.record({
          flowId: document.id,
          sampleSet: `${ref?.location ?? 'workspace'}:${ref?.set ?? ''}`,
          sampleName: run.sample,
          environment: job.environment.name,
          batchId: runState.testRunId,
          trace: run.trace,
        });
        runState.runs.push({ sample: run.sample, runId: run.trace.runId, status: run.trace.status });
        runState.completed = runState.runs.length;
      },
    });
    runState.summary = result.summary;
    runState.notRun = result.notRun;
  } catch (thrown) {
    const error = toErrorData(thrown);
    runState.error = { code: error.code, message: error.message };
  } finally {
    runState.done = true;
  }
}
