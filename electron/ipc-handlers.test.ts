import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FLOW_API_CHANNEL } from '../engine/contract/flow-api.ts';
import type { FlowDocument } from '../engine/contract/flow-document.ts';
import { createFlowHost, type FlowHost } from '../engine/host/flow-host.ts';
import { buildFlow } from '../engine/run/testing/flow-builder.ts';
import { APP_ENTRY_URL } from './app-protocol.ts';
import { createFlowApiHandler, registerFlowApiHandler } from './ipc-handlers.ts';

const flow: FlowDocument = {
  ...buildFlow([{ id: 'a', name: 'Start', type: 'core.manualTrigger' }], []),
  id: 'flow-ipc',
  name: 'Over IPC',
};

const fromDesigner = { senderFrame: { url: APP_ENTRY_URL } };

describe('FlowApi IPC handler', () => {
  let workspace: string;
  let host: FlowHost;
  beforeEach(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'bridgeflow-ipc-'));
    host = createFlowHost({ workspaceDir: workspace, databasePath: ':memory:' });
  });
  afterEach(async () => {
    host.context.dispose();
    await rm(workspace, { recursive: true, force: true });
  });

  it('passes a call from the designer page to the host: saveFlow writes the file, openFlow reads it back', async () => {
    const handle = createFlowApiHandler({ getHost: () => host });
    const saved = await handle(fromDesigner, 'saveFlow', { path: 'ipc/over-ipc.flow.json', document: flow });
    expect(saved).toMatchObject({ ok: true, value: { path: 'ipc/over-ipc.flow.json' } });
    expect(JSON.parse(await readFile(join(workspace, 'ipc/over-ipc.flow.json'), 'utf8'))).toMatchObject({
      id: 'flow-ipc',
      name: 'Over IPC',
    });
    const opened = await handle(fromDesigner, 'openFlow', { path: 'ipc/over-ipc.flow.json' });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value).toMatchObject({ document: { id: 'flow-ipc', nodes: [{ name: 'Start' }] } });
  });

  it.each([
    ['a web page', 'https://evil.example/index.html'],
    ['a local file', 'file:///home/user/Downloads/page.html'],
    ['another host of the app scheme', 'bridgeflow://other/index.html'],
    ['a frame without URL', ''],
  ])('refuses a call from %s before the host sees it', async (_what, url) => {
    const call = vi.spyOn(host, 'call');
    const handle = createFlowApiHandler({ getHost: () => host });
    const answer = await handle({ senderFrame: { url } }, 'saveFlow', {
      path: 'x.flow.json',
      document: flow,
    });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'INPUT_INVALID', message: 'sender not allowed', retryable: false },
    });
    expect(call).not.toHaveBeenCalled();
  });

  it('refuses a call whose frame is gone (senderFrame null)', async () => {
    const handle = createFlowApiHandler({ getHost: () => host });
    const answer = await handle({ senderFrame: null }, 'listTemplates', {});
    expect(answer).toMatchObject({ ok: false, error: { message: 'sender not allowed' } });
  });

  it('answers an unknown method and invalid input with INPUT_INVALID, writing nothing', async () => {
    const handle = createFlowApiHandler({ getHost: () => host });
    expect(await handle(fromDesigner, 'deleteEverything', {})).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID', message: expect.stringContaining('Unknown FlowApi method') },
    });
    const escaping = await handle(fromDesigner, 'saveFlow', { path: '../outside.flow.json', document: flow });
    expect(escaping).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
    await expect(readFile(join(workspace, '..', 'outside.flow.json'))).rejects.toThrow();
  });

  it('uses the host current at call time (Open Workspace swaps it)', async () => {
    const other = await mkdtemp(join(tmpdir(), 'bridgeflow-ipc-other-'));
    const otherHost = createFlowHost({ workspaceDir: other, databasePath: ':memory:' });
    let current = host;
    const handle = createFlowApiHandler({ getHost: () => current });
    current = otherHost;
    await handle(fromDesigner, 'saveFlow', { path: 'moved.flow.json', document: flow });
    expect(await readFile(join(other, 'moved.flow.json'), 'utf8')).toContain('flow-ipc');
    otherHost.context.dispose();
    await rm(other, { recursive: true, force: true });
  });

  it('registers on the FlowApi channel and unregisters', () => {
    const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() };
    const unregister = registerFlowApiHandler(ipcMain, { getHost: () => host });
    expect(ipcMain.handle).toHaveBeenCalledWith(FLOW_API_CHANNEL, expect.any(Function));
    unregister();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(FLOW_API_CHANNEL);
  });
});
