import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { BridgeflowError, toErrorData } from '../errors/bridgeflow-error.ts';
import { CachedLookupResolver } from '../mapping/lookups/lookup-resolver.ts';
import { LookupTableRepository } from '../mapping/lookups/lookup-table-repository.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import { createAxiosTransport } from '../run/http/axios-transport.ts';
import { createEnvironmentSecretStore } from '../run/system-services.ts';
import { readSampleFile, readSampleFolder, type SamplePayload } from '../samples/sample-files.ts';
import { openDatabase, type StoreDatabase } from '../store/database.ts';
import { SandboxOnDemand } from '../test-runs/sandbox-on-demand.ts';
import { resolveEnvironment, type TestEnvironment } from '../test-runs/test-environments.ts';
import { runTestSamples } from '../test-runs/test-run-service.ts';
import { type CliIo, EXIT } from './cli-io.ts';
import { describeProblems, loadValidFlow } from './load-valid-flow.ts';
import { formatTestRunReport } from './test-run-report.ts';

/** Options of `bridgeflow run` in test-run mode (`--sample-set` or `--env`). */
export interface SampleRunOptions {
  /** One sample file, or */
  input?: string;
  /** a folder of samples. */
  sampleSet?: string;
  /** `dry-run` (default), `sandbox` or the name of `environments/<name>.json` in the workspace. */
  env?: string;
  /** Where named environments are looked up; default the current folder. */
  workspace?: string;
  /** SQLite database with the lookup tables; default the environment's (the sandbox's). */
  lookups?: string;
  /** Intercept writes whatever the environment says. */
  dryRun?: boolean;
  /** Print the traces (the whole result) as JSON instead of the summary. */
  json?: boolean;
  /** Write the whole result (every trace) to this file. */
  trace?: string;
  trigger?: string;
}

/**
 * `bridgeflow run <flow> --sample-set <dir> --env dry-run|sandbox|<name>`: the designer's test run
 * from the command line, through the same test-run service. Exit 0 when every sample's run
 * succeeded, 1 when one failed or the run was cancelled, 2 for an invalid flow, sample or environment.
 */
export async function sampleRunCommand(
  flowPath: string,
  options: SampleRunOptions,
  registry: NodeRegistry,
  io: CliIo,
): Promise<number> {
  const sandbox = new SandboxOnDemand();
  const transport = createAxiosTransport();
  const controller = new AbortController();
  const onInterrupt = (): void => controller.abort();
  process.once('SIGINT', onInterrupt);
  let lookupsDatabase: StoreDatabase | undefined;
  try {
    const checked = await loadValidFlow(flowPath, registry);
    if (!checked.document) {
      io.err(describeProblems(checked.problems));
      io.err(`${flowPath} is not a valid flow; nothing was run\n`);
      return EXIT.invalid;
    }
    const samples = await readSamples(options);
    const environment = await environmentOf(options, sandbox);
    lookupsDatabase = options.lookups ? openDatabase(options.lookups) : undefined;
    const result = await runTestSamples({
      flow: checked.document,
      registry,
      samples,
      environment,
      http: transport,
      signal: controller.signal,
      ...(lookupsDatabase
        ? { lookups: new CachedLookupResolver(new LookupTableRepository(lookupsDatabase)) }
        : {}),
      ...(options.trigger ? { triggerNodeId: options.trigger } : {}),
      onProgress: (progress) => {
        if (!options.json && progress.sample)
          io.err(`${progress.completed}/${progress.total} ${progress.sample}\n`);
      },
    });
    const json = `${JSON.stringify(result, null, 2)}\n`;
    if (options.trace) await writeFile(options.trace, json);
    io.out(options.json ? json : formatTestRunReport(result, checked.document.name));
    const allSucceeded =
      result.notRun.length === 0 && result.runs.every((run) => run.trace.status === 'succeeded');
    return allSucceeded ? EXIT.ok : EXIT.runFailed;
  } catch (thrown) {
    io.err(`error  ${toErrorData(thrown).message}\n`);
    return EXIT.invalid;
  } finally {
    process.off('SIGINT', onInterrupt);
    lookupsDatabase?.close();
    transport.close();
    await sandbox.close();
  }
}

/** `--env` resolved against the workspace; `--dry-run` intercepts writes whatever the environment says. */
async function environmentOf(options: SampleRunOptions, sandbox: SandboxOnDemand): Promise<TestEnvironment> {
  const variables = createEnvironmentSecretStore();
  const resolved = await resolveEnvironment(options.env ?? 'dry-run', {
    sandbox,
    vault: variables,
    environment: variables,
    workspaceDir: resolve(options.workspace ?? '.'),
  });
  return options.dryRun ? { ...resolved, dryRun: true } : resolved;
}

async function readSamples(options: SampleRunOptions): Promise<SamplePayload[]> {
  if (options.sampleSet) return readSampleFolder(options.sampleSet);
  if (options.input) {
    const name = basename(options.input).replace(/\.json$/i, '');
    return [{ name, payload: await readSampleFile(options.input) }];
  }
  throw new BridgeflowError('INPUT_INVALID', 'Give the samples with --sample-set <folder> or --input <file>');
}
