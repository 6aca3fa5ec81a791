import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreRegistry } from '../nodes/core-node-types.ts';
import { buildFlow } from '../run/testing/flow-builder.ts';
import { noNetwork } from '../run/testing/test-services.ts';
import { SandboxOnDemand } from './sandbox-on-demand.ts';
import { listEnvironments, resolveEnvironment, type TestEnvironment } from './test-environments.ts';
import { runTestSamples, type TestRunProgress } from './test-run-service.ts';

const registry = createCoreRegistry();
const offline: TestEnvironment = {
  name: 'offline',
  kind: 'named',
  dryRun: true,
  secrets: { get: async () => undefined },
};

// start ─▶ mark ─▶ big? ─true─▶ (out)
//                     └false─▶ (out)
const flow = buildFlow(
  [
    { id: 'start', type: 'core.manualTrigger' },
    {
      id: 'mark',
      type: 'core.setFields',
      parameters: { fields: [{ path: 'seen', mode: 'value', value: true }] },
    },
    { id: 'big', type: 'core.if', parameters: { condition: 'total > 100' } },
  ],
  ['start -> mark', 'mark -> big'],
);
const samples = [
  { name: 'small', payload: { total: 5 } },
  { name: 'big', payload: { total: 500 } },
  { name: 'both', payload: [{ total: 1 }, { total: 1000 }] },
];

describe('runTestSamples', () => {
  it('runs each sample, reports progress after each and sums the nodes', async () => {
    const progress: TestRunProgress[] = [];
    const result = await runTestSamples({
      flow,
      registry,
      samples,
      environment: offline,
      http: noNetwork,
      onProgress: (each) => progress.push(each),
    });
    expect(progress.map((each) => [each.completed, each.total, each.sample ?? null])).toEqual([
      [0, 3, null],
      [1, 3, 'small'],
      [2, 3, 'big'],
      [3, 3, 'both'],
    ]);
    expect(
      result.runs.map((run) => [run.sample, run.trace.dryRun, run.trace.outputs.map((out) => out.port)]),
    ).toEqual([
      ['small', true, ['false']],
      ['big', true, ['true']],
      ['both', true, ['false', 'true']],
    ]);
    const big = result.summary.nodes.find((node) => node.nodeId === 'big');
    expect(big).toMatchObject({
      itemsIn: 4,
      itemsOut: 4,
      outcomes: { ok: 3, error: 0, exception: 0, skipped: 0 },
    });
    // JSON in, JSON out: the designer receives this over the FlowApi.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('stops at the next sample when cancelled and names the samples not run', async () => {
    const controller = new AbortController();
    const result = await runTestSamples({
      flow,
      registry,
      samples,
      environment: offline,
      http: noNetwork,
      signal: controller.signal,
      onProgress: (each) => {
        if (each.completed === 1) controller.abort();
      },
    });
    expect(result.runs.map((run) => run.sample)).toEqual(['small']);
    expect(result.notRun).toEqual(['big', 'both']);
  });

  it('applies pins to every sample', async () => {
    const result = await runTestSamples({
      flow,
      registry,
      samples: samples.slice(0, 2),
      environment: offline,
      http: noNetwork,
      pinned: { mark: { main: [{ total: 101, pinned: true }] } },
    });
    expect(result.runs.map((run) => run.trace.outputs[0]?.items)).toEqual([
      [{ total: 101, pinned: true }],
      [{ total: 101, pinned: true }],
    ]);
    expect(result.summary.nodes.find((node) => node.nodeId === 'mark')?.pinned).toBe(2);
  });
});

describe('test environments', () => {
  let workspace: string;
  const sandbox = new SandboxOnDemand();
  const vault = {
    get: async (id: string) => (id === 'sage-staging' ? { username: 'from-vault' } : undefined),
  };
  const variables = {
    get: async (id: string) => (id === 'store-staging' ? { token: 'from-env' } : undefined),
  };

  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'bridgeflow-environments-'));
    await mkdir(join(workspace, 'environments'));
    const staging = {
      description: 'Staging store and Sage test company',
      dryRun: true,
      credentials: {
        'sage300-erp': { from: 'vault', id: 'sage-staging' },
        'threedcart-store': { from: 'environment', id: 'store-staging' },
      },
    };
    await writeFile(join(workspace, 'environments', 'staging.json'), JSON.stringify(staging));
    const leaky = { credentials: { 'sage300-erp': { from: 'vault', id: 'x', password: 'hunter2' } } };
    await writeFile(join(workspace, 'environments', 'leaky.json'), JSON.stringify(leaky));
  });
  afterAll(async () => {
    await sandbox.close();
    await rm(workspace, { recursive: true, force: true });
  });

  it('resolves a named environment credential by credential, with no secret in its file', async () => {
    const sources = { sandbox, vault, environment: variables, workspaceDir: workspace };
    const staging = await resolveEnvironment('staging', sources);
    expect([staging.kind, staging.dryRun]).toEqual(['named', true]);
    expect(await staging.secrets.get('sage300-erp')).toEqual({ username: 'from-vault' });
    expect(await staging.secrets.get('threedcart-store')).toEqual({ token: 'from-env' });
    expect(await staging.secrets.get('m3-erp')).toBeUndefined();
    expect(sandbox.started).toBe(false);
    await expect(resolveEnvironment('leaky', sources)).rejects.toThrow(/password/);
    await expect(resolveEnvironment('../etc', sources)).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await expect(resolveEnvironment('nowhere', sources)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });

  it('starts the sandbox only when dry-run or sandbox is chosen, and hands out its credentials', async () => {
    const sources = { sandbox, vault, environment: variables, workspaceDir: workspace };
    const dryRun = await resolveEnvironment('dry-run', sources);
    expect(sandbox.started).toBe(true);
    expect(dryRun.dryRun).toBe(true);
    const sage = await dryRun.secrets.get('sage300-erp');
    expect(sage?.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/Sage300WebApi$/);
    const live = await resolveEnvironment('sandbox', sources);
    expect(live.dryRun).toBe(false);
    expect(await live.secrets.get('sage300-erp')).toEqual(sage);
  });

  it('lists the built-ins and the valid environment files', async () => {
    const names = (await listEnvironments(workspace)).map((each) => [each.name, each.kind, each.dryRun]);
    expect(names).toEqual([
      ['dry-run', 'dry-run', true],
      ['sandbox', 'sandbox', false],
      ['saved', 'saved', false],
      ['saved-dry-run', 'saved', true],
      ['staging', 'named', true],
    ]);
  });
});
