import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RunTraceSchema } from '../../engine/contract/run-trace.ts';
import { type Sandbox, sandboxCredentials, startSandbox } from '../../engine/simulators/sandbox.ts';

// `bridgeflow run --sample-set/--env`: the designer's test run from the command line, on the
// shipped samples and the order-to-Sage 300 template.

const root = resolve(import.meta.dirname, '../..');
const template = join(root, 'flows/templates/order-to-sage300/order-to-sage300.flow.json');
const samples = join(root, 'flows/samples');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function bridgeflow(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(root, 'engine/cli.ts'), ...args],
      { cwd: root, timeout: 90_000, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

const ResultSchema = z.object({
  environment: z.string(),
  dryRun: z.boolean(),
  runs: z.array(z.object({ sample: z.string(), trace: RunTraceSchema })),
  notRun: z.array(z.string()),
  summary: z.object({ samples: z.number(), succeeded: z.number(), nodes: z.array(z.unknown()) }),
});

// Each command starts Node, loads the engine and (for dry-run and sandbox) the simulators.
describe('bridgeflow run --sample-set --env', { timeout: 120_000 }, () => {
  let workspace: string;
  let sandbox: Sandbox;

  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'bridgeflow-sample-run-'));
    sandbox = await startSandbox({ portBase: 0 });
    await mkdir(join(workspace, 'environments'));
    const staging = {
      description: 'A store and a Sage company reached through environment variables',
      dryRun: true,
      credentials: {
        'threedcart-store': { from: 'environment', id: 'staging-store' },
        'sage300-erp': { from: 'environment', id: 'staging-sage' },
      },
    };
    await writeFile(join(workspace, 'environments', 'staging.json'), JSON.stringify(staging));
  });
  afterAll(async () => {
    await sandbox.close();
    await rm(workspace, { recursive: true, force: true });
  });

  it('runs the template on every sample in dry-run and prints the per-node summary', async () => {
    const result = await bridgeflow(['run', template, '--sample-set', samples, '--env', 'dry-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('on 12 sample(s) in dry-run, writes intercepted');
    expect(result.stdout).toMatch(/unknown-sku\s+succeeded\s+\S+ ms\s+map-order:exception ×1/);
    expect(result.stdout).toMatch(
      /status-7-not-completed\s+succeeded\s+\S+ ms\s+completed-only:discarded ×1/,
    );
    expect(result.stdout).toMatch(/Map to Sage sales order\s+9\s+2\s+0\s+1\s+11 → 11/);
    expect(result.stdout).toContain('12 run(s): 12 succeeded, 0 failed, 0 cancelled');
  });

  it('prints every trace as JSON for scripts', async () => {
    const result = await bridgeflow(['run', template, '--sample-set', samples, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const parsed = ResultSchema.parse(JSON.parse(result.stdout));
    expect(parsed).toMatchObject({ environment: 'dry-run', dryRun: true, notRun: [] });
    expect(parsed.runs.map((run) => run.sample)).toHaveLength(12);
    const sixty = parsed.runs.find((run) => run.sample === 'sixty-line-order')?.trace;
    expect(sixty?.nodes.find((node) => node.nodeId === 'map-order')?.inputs).toHaveLength(1);
  });

  it('runs one sample against the sandbox for real', async () => {
    const input = join(samples, 'returning-customer.json');
    const result = await bridgeflow(['run', template, '--input', input, '--env', 'sandbox', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const [run] = ResultSchema.parse(JSON.parse(result.stdout)).runs;
    expect(run?.trace.dryRun).toBe(false);
    const created = run?.trace.nodes.find((node) => node.nodeId === 'create-order');
    expect(created?.http.map((exchange) => [exchange.method, exchange.status, exchange.dryRun])).toEqual([
      ['POST', 201, false],
    ]);
    const writeBack = run?.trace.nodes.find((node) => node.nodeId === 'set-processing')?.http[0];
    expect([writeBack?.method, writeBack?.status, writeBack?.dryRun]).toEqual(['PUT', 200, false]);
    expect(JSON.stringify(writeBack?.requestBody)).toMatch(/Sage order ORD\d+/);
  });

  it('reads a named environment from the workspace, credentials from the variables it names', async () => {
    const credentials = sandboxCredentials(sandbox);
    const result = await bridgeflow(
      [
        'run',
        template,
        '--input',
        join(samples, 'unknown-sku.json'),
        '--env',
        'staging',
        '--workspace',
        workspace,
      ],
      {
        BRIDGEFLOW_CREDENTIAL_STAGING_STORE: JSON.stringify(credentials['threedcart-store']),
        BRIDGEFLOW_CREDENTIAL_STAGING_SAGE: JSON.stringify(credentials['sage300-erp']),
      },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('in staging, writes intercepted');
    expect(result.stdout).toMatch(/unknown-sku\s+succeeded\s+\S+ ms\s+map-order:exception ×1/);
  });

  it('refuses an unknown environment and a missing sample set with exit 2', async () => {
    const unknown = await bridgeflow(['run', template, '--sample-set', samples, '--env', 'production']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('environments/production.json');
    const missing = await bridgeflow(['run', template, '--sample-set', join(workspace, 'nothing-here')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('There is no sample set');
    const neither = await bridgeflow(['run', template]);
    expect(neither.code).toBe(2);
  });
});
