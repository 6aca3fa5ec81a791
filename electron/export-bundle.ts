import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describeProblems, loadValidFlow } from '../engine/cli/load-valid-flow.ts';
import { toErrorData } from '../engine/errors/bridgeflow-error.ts';
import type { FlowHost } from '../engine/host/flow-host.ts';
import { LookupTableRepository } from '../engine/mapping/lookups/lookup-table-repository.ts';
import { createBundle, lookupTablesOf, readBundle } from '../engine/runtime/bundle.ts';

/** The native dialogs export uses, injected so the flow is testable without Electron. */
export interface ExportBundleDialogs {
  /** Asks for a saved flow file; `undefined` when cancelled. */
  chooseFlowFile(workspaceDir: string): Promise<string | undefined>;
  /** Asks where the bundle goes; `undefined` when cancelled. */
  chooseBundleFile(suggestedPath: string): Promise<string | undefined>;
  /** Tells the user how it went. */
  report(kind: 'info' | 'error', message: string, detail?: string): void;
}

/**
 * File → Export Bundle…: the same sealed bundle as `bridgeflow export` (flow, the lookup tables
 * it uses from the workspace database, manifest; never a secret), from a flow file saved in the
 * workspace. A flow with errors is not exported; the problems are shown instead.
 */
export async function exportBundleInteractively(host: FlowHost, dialogs: ExportBundleDialogs): Promise<void> {
  const { workspaceDir, registry } = host.context;
  const flowPath = await dialogs.chooseFlowFile(workspaceDir);
  if (flowPath === undefined) return;
  try {
    const checked = await loadValidFlow(flowPath, registry);
    if (!checked.document) {
      dialogs.report(
        'error',
        `${basename(flowPath)} has errors; nothing was exported`,
        describeProblems(checked.problems),
      );
      return;
    }
    const flow = checked.document;
    // The database is opened only for flows that use lookup tables.
    const repository =
      lookupTablesOf(flow).length > 0 ? new LookupTableRepository(host.context.database()) : undefined;
    const text = createBundle(flow, registry, (name) => repository?.getTable(name));
    const suggested = join(workspaceDir, basename(flowPath).replace(/(\.flow)?\.json$/, '.bundle.json'));
    const bundlePath = await dialogs.chooseBundleFile(suggested);
    if (bundlePath === undefined) return;
    await writeFile(bundlePath, text);
    const { manifest } = readBundle(text);
    const needs = manifest.requiredEnvironment;
    dialogs.report(
      'info',
      `Exported ${basename(bundlePath)}`,
      needs.length > 0 ? `The runtime needs these variables: ${needs.join(', ')}` : undefined,
    );
  } catch (thrown) {
    dialogs.report('error', 'The bundle was not exported', toErrorData(thrown).message);
  }
}
