import type { TestRunState } from '../contract/flow-api-test-runs.ts';
import type { LookupResolver } from '../mapping/mapping-function.ts';
import { type ClosableHttpTransport, createAxiosTransport } from '../run/http/axios-transport.ts';
import { createEnvironmentSecretStore } from '../run/system-services.ts';
import { SandboxOnDemand } from '../test-runs/sandbox-on-demand.ts';
import type { EnvironmentSources } from '../test-runs/test-environments.ts';
import type { HostContext } from './host-context.ts';

/** A test run the host is running or has finished, for `getTestRun` and `cancelTestRun`. */
export interface ActiveTestRun {
  state: TestRunState;
  controller: AbortController;
}

/**
 * What the run handlers share for the host's life: the sandbox (started on the first dry-run or
 * sandbox run, stopped with the host), one HTTP transport, the test runs in progress, and the
 * workspace's lookup tables.
 */
export interface RunHostState {
  readonly http: ClosableHttpTransport;
  readonly sandbox: SandboxOnDemand;
  readonly testRuns: Map<string, ActiveTestRun>;
  environmentSources(): EnvironmentSources;
  /** The workspace's lookup tables, with the environment's for tables the workspace lacks. */
  lookups(fallback: LookupResolver | undefined): LookupResolver | undefined;
  close(): Promise<void>;
}

/** Finished test runs kept for `getTestRun` (their runs stay in the history database). */
const FINISHED_KEPT = 20;

export function createRunHostState(context: HostContext): RunHostState {
  const http = createAxiosTransport();
  const sandbox = new SandboxOnDemand();
  const testRuns = new Map<string, ActiveTestRun>();
  const variables = createEnvironmentSecretStore();
  return {
    http,
    sandbox,
    testRuns,
    environmentSources: () => ({
      sandbox,
      vault: context.credentials.secrets,
      environment: variables,
      workspaceDir: context.workspaceDir,
    }),
    lookups(fallback) {
      const own = context.lookups.existingResolver();
      if (!own) return fallback;
      return {
        resolve: (table, key) =>
          own.hasTable(table) || !fallback ? own.resolve(table, key) : fallback.resolve(table, key),
      };
    },
    async close() {
      for (const run of testRuns.values()) run.controller.abort();
      http.close();
      await sandbox.close();
    },
  };
}

/** Forgets the oldest finished test runs beyond {@link FINISHED_KEPT}. */
export function pruneFinished(testRuns: Map<string, ActiveTestRun>): void {
  const finished = [...testRuns.entries()].filter(([, run]) => run.state.done);
  for (const [id] of finished.slice(0, Math.max(0, finished.length - FINISHED_KEPT))) testRuns.delete(id);
}
