import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlowDocument } from '../engine/contract/flow-document.ts';
import { createFlowHost, type FlowHost } from '../engine/host/flow-host.ts';
import { buildFlow } from '../engine/run/testing/flow-builder.ts';
import { readBundle } from '../engine/runtime/bundle.ts';
import { type ExportBundleDialogs, exportBundleInteractively } from './export-bundle.ts';

const flow: FlowDocument = {
  ...buildFlow([{ id: 'a', name: 'Start', type: 'core.manualTrigger' }], []),
  id: 'flow-export',
  name: 'Export me',
};

function dialogs(flowFile: string | undefined, bundleFile: string | undefined) {
  return {
    chooseFlowFile: vi.fn(async () => flowFile),
    chooseBundleFile: vi.fn(async () => bundleFile),
    report: vi.fn(),
  } satisfies ExportBundleDialogs;
}

describe('File → Export Bundle…', () => {
  let workspace: string;
  let host: FlowHost;
  beforeEach(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'bridgeflow-export-'));
    host = createFlowHost({ workspaceDir: workspace, databasePath: ':memory:' });
  });
  afterEach(async () => {
    host.context.dispose();
    await rm(workspace, { recursive: true, force: true });
  });

  it('writes the sealed bundle of a saved flow where the user chose, suggesting a name beside it', async () => {
    const saved = await host.api.saveFlow({ path: 'export-me.flow.json', document: flow });
    if (!saved.ok) throw new Error(saved.error.message);
    const ui = dialogs(join(workspace, 'export-me.flow.json'), join(workspace, 'out.bundle.json'));
    await exportBundleInteractively(host, ui);
    expect(ui.chooseFlowFile).toHaveBeenCalledWith(workspace);
    expect(ui.chooseBundleFile).toHaveBeenCalledWith(join(workspace, 'export-me.bundle.json'));
    const bundle = readBundle(await readFile(join(workspace, 'out.bundle.json'), 'utf8'));
    expect(bundle.manifest).toMatchObject({ flowId: 'flow-export', flowName: 'Export me' });
    expect(ui.report).toHaveBeenCalledWith('info', 'Exported out.bundle.json', undefined);
  });

  it('exports nothing from a flow with errors and shows the problems', async () => {
    const broken = {
      ...flow,
      edges: [{ id: 'e', source: 'a', sourceHandle: 'main', target: 'nowhere', targetHandle: 'main' }],
    };
    await writeFile(join(workspace, 'broken.flow.json'), JSON.stringify(broken));
    const ui = dialogs(join(workspace, 'broken.flow.json'), join(workspace, 'broken.bundle.json'));
    await exportBundleInteractively(host, ui);
    expect(ui.chooseBundleFile).not.toHaveBeenCalled();
    expect(ui.report).toHaveBeenCalledWith(
      'error',
      'broken.flow.json has errors; nothing was exported',
      expect.stringContaining('nowhere'),
    );
    await expect(readFile(join(workspace, 'broken.bundle.json'))).rejects.toThrow();
  });

  it('does nothing when a dialog is cancelled, and reports a file that cannot be read', async () => {
    const cancelled = dialogs(undefined, undefined);
    await exportBundleInteractively(host, cancelled);
    expect(cancelled.report).not.toHaveBeenCalled();
    const missing = dialogs(join(workspace, 'missing.flow.json'), join(workspace, 'x.bundle.json'));
    await exportBundleInteractively(host, missing);
    expect(missing.report).toHaveBeenCalledWith('error', 'The bundle was not exported', expect.any(String));
  });
});
