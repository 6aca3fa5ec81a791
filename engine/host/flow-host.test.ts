import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocument } from '../contract/flow-document.ts';
import { formatFlow } from '../flow/flow-format.ts';
import { buildFlow } from '../run/testing/flow-builder.ts';
import { createFlowHost, type FlowHost } from './flow-host.ts';

const flow: FlowDocument = {
  ...buildFlow(
    [
      { id: 'a', name: 'Start', type: 'core.manualTrigger' },
      { id: 'b', name: 'Call', type: 'core.httpRequest' },
    ],
    ['a -> b'],
  ),
  id: 'flow-1',
  name: 'Orders',
};

describe('FlowHost (the one FlowApi implementation)', () => {
  let workspace: string;
  let host: FlowHost;
  beforeEach(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'bridgeflow-host-'));
    host = createFlowHost({ workspaceDir: workspace, databasePath: ':memory:' });
  });
  afterEach(async () => {
    host.context.dispose();
    await rm(workspace, { recursive: true, force: true });
  });

  it('lists node types with their editor descriptions', async () => {
    const result = await host.api.listNodeTypes({});
    if (!result.ok) throw new Error(result.error.message);
    const http = result.value.nodeTypes.find((type) => type.type === 'core.httpRequest');
    expect(http?.parametersJsonSchema).toHaveProperty('properties.url');
    expect(http?.outputs.map((port) => port.name)).toContain('error');
  });

  it('saves in the stable format, lists and reopens the flow with its problems', async () => {
    const saved = await host.api.saveFlow({ path: 'orders/to-sage.flow.json', document: flow });
    if (!saved.ok) throw new Error(saved.error.message);
    expect(await readFile(join(workspace, 'orders/to-sage.flow.json'), 'utf8')).toBe(formatFlow(flow));
    // The HTTP request node has no URL: the save answers the problem so the designer can show it.
    expect(saved.value.problems.map((problem) => problem.parameter)).toContain('url');

    const listed = await host.api.listWorkspaceFiles({});
    expect(listed.ok && listed.value.files.map((file) => file.path)).toEqual(['orders/to-sage.flow.json']);
    const opened = await host.api.openFlow({ path: 'orders/to-sage.flow.json' });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.document).toEqual(flow);
    expect(opened.value.problems.some((problem) => problem.nodeName === 'Call')).toBe(true);
  });

  it('refuses to overwrite when asked not to, and reports a missing file by name', async () => {
    await host.api.saveFlow({ path: 'a.flow.json', document: flow });
    const again = await host.api.saveFlow({ path: 'a.flow.json', document: flow, overwrite: false });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID', message: 'a.flow.json already exists' },
    });
    const missing = await host.api.openFlow({ path: 'nope.flow.json' });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'FILE_NOT_FOUND', message: 'nope.flow.json does not exist' },
    });
  });

  it('opens a broken file with the syntax problem instead of failing', async () => {
    await writeFile(join(workspace, 'broken.flow.json'), '{ "schemaVersion": 1,\n  "nodes": [ }');
    const opened = await host.api.openFlow({ path: 'broken.flow.json' });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.document).toBeUndefined();
    expect(opened.value.problems[0]?.message).toMatch(/broken\.flow\.json line 2, column/);
  });

  it('keeps every path inside the workspace, also through symbolic links', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'bridgeflow-outside-'));
    try {
      await symlink(outside, join(workspace, 'escape'));
      for (const path of ['../x.flow.json', '/etc/passwd', 'a/../../x.flow.json']) {
        const result = await host.api.saveFlow({ path, document: flow });
        expect(result).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
      }
      const linked = await host.api.saveFlow({ path: 'escape/x.flow.json', document: flow });
      expect(linked).toMatchObject({
        ok: false,
        error: { code: 'INPUT_INVALID', message: expect.stringMatching(/outside the workspace/) },
      });
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('answers bad input and unknown methods as errors, never by throwing', async () => {
    expect(await host.call('dropDatabase', {})).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID', path: 'method' },
    });
    const bad = await host.call('openFlow', { path: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID', path: 'path' } });
    const noDocument = await host.call('validateFlow', { document: { nodes: 'x' } });
    expect(noDocument.ok).toBe(false);
  });

  it('lists the template gallery and opens a template as a new flow', async () => {
    const listed = await host.api.listTemplates({});
    if (!listed.ok) throw new Error(listed.error.message);
    const ids = listed.value.templates.map((template) => template.id);
    expect(ids).toEqual(expect.arrayContaining(['order-to-sage300', 'order-to-m3', 'stock-to-threedcart']));
    const summary = listed.value.templates.find((template) => template.id === 'order-to-sage300');
    expect(summary?.nodeCount).toBeGreaterThan(3);
    expect(summary?.description).not.toMatch(/^#/);
    const opened = await host.api.openTemplate({ id: 'order-to-sage300' });
    expect(opened.ok && opened.value.document?.nodes.length).toBe(summary?.nodeCount);
    expect(await host.api.openTemplate({ id: '../../package' })).toMatchObject({
      ok: false,
      error: { code: 'FILE_NOT_FOUND' },
    });
  });

  it('opens the workspace database with every migration on first use', async () => {
    const tables = host.context
      .database()
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((row) => (row as { name: string }).name);
    expect(tables).toContain('lookup_tables');
  });
});
