import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCredentialsVault,
  saveCredentialsFile,
} from '../../engine/runtime/credentials/credentials-file.ts';
import { defaultCredentialsPath } from '../../engine/runtime/credentials/runtime-secrets.ts';
import {
  type RunningSage300Simulator,
  startSage300Simulator,
} from '../../engine/simulators/sage300/sage300-simulator.ts';

// `bridgeflow run` with a connector node, credentials from the environment, against the Sage 300
// simulator over real HTTP: the path a consultant takes before the designer exists.
const root = resolve(import.meta.dirname, '../..');
let sage: RunningSage300Simulator;
let dir: string;

beforeAll(async () => {
  sage = await startSage300Simulator({});
  dir = await mkdtemp(join(tmpdir(), 'bridgeflow-connector-'));
});
afterAll(async () => {
  await sage.close();
  await rm(dir, { recursive: true, force: true });
});

function bridgeflow(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(root, 'engine/cli.ts'), ...args],
      { cwd: root, env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        done({ code: error && typeof error.code === 'number' ? error.code : 0, stdout, stderr }),
    );
  });
}

const flow = {
  schemaVersion: 1,
  id: 'find-customers',
  name: 'Find customers',
  nodes: [
    {
      id: 'start',
      name: 'Start',
      type: 'core.manualTrigger',
      typeVersion: 1,
      position: { x: 0, y: 0 },
      parameters: {},
    },
    {
      id: 'find',
      name: 'Find in Sage',
      type: 'sage300.findCustomer',
      typeVersion: 1,
      position: { x: 200, y: 0 },
      parameters: { by: 'number', value: 'CustomerNumber', select: ['CustomerNumber', 'CustomerName'] },
      credentials: { erp: 'sage-sandbox' },
    },
  ],
  edges: [{ id: 'e', source: 'start', sourceHandle: 'main', target: 'find', targetHandle: 'main' }],
};

describe('bridgeflow run with a connector', () => {
  it('finds customers in Sage 300 with credentials from the environment, and names wrong ones', async () => {
    const flowPath = join(dir, 'find.flow.json');
    const inputPath = join(dir, 'input.json');
    await writeFile(flowPath, JSON.stringify(flow));
    await writeFile(inputPath, JSON.stringify([{ CustomerNumber: 'C000001' }, { CustomerNumber: 'NOBODY' }]));
    const env = {
      BRIDGEFLOW_CREDENTIAL_SAGE_SANDBOX: JSON.stringify({
        baseUrl: `${sage.url}/Sage300WebApi`,
        company: 'SAMINC',
        username: 'WEBAPI',
      }),
      BRIDGEFLOW_CREDENTIAL_SAGE_SANDBOX_PASSWORD: 'WEBAPI',
    };
    const ok = await bridgeflow(['run', flowPath, '--input', inputPath, '--json'], env);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual([
      { CustomerNumber: 'C000001', CustomerName: expect.any(String) },
      { CustomerNumber: 'NOBODY' },
    ]);

    const wrong = await bridgeflow(['run', flowPath, '--input', inputPath], {
      ...env,
      BRIDGEFLOW_CREDENTIAL_SAGE_SANDBOX_PASSWORD: 'wrong',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/CONNECTOR_AUTH/);
    expect(wrong.stdout).not.toContain('wrong');
  });

  it('tests credentials of each system with the system answering, and says why a wrong one fails', async () => {
    const { sandboxCredentials, startSandbox } = await import('../../engine/simulators/sandbox.ts');
    const sandbox = await startSandbox({ portBase: 0 });
    try {
      const credentials = sandboxCredentials(sandbox);
      const env = {
        BRIDGEFLOW_CREDENTIAL_STORE: JSON.stringify(credentials['threedcart-store']),
        BRIDGEFLOW_CREDENTIAL_SAGE: JSON.stringify(credentials['sage300-erp']),
        BRIDGEFLOW_CREDENTIAL_M3: JSON.stringify(credentials['m3-erp']),
      };
      for (const [type, id] of [
        ['threedcart', 'store'],
        ['sage300', 'sage'],
        ['m3', 'm3'],
      ]) {
        const result = await bridgeflow(['test-connection', type ?? '', id ?? ''], env);
        expect(result.stdout, `${type}: ${result.stderr}`).toMatch(/^ok /);
        expect(result.code).toBe(0);
      }
      const refused = await bridgeflow(['test-connection', 'sage300', 'sage'], {
        ...env,
        BRIDGEFLOW_CREDENTIAL_SAGE_PASSWORD: 'nope',
      });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/CONNECTOR_AUTH/);
      const unknown = await bridgeflow(['test-connection', 'sap', 'x'], env);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/use one of threedcart, sage300, m3/);

      // As serve reads it: the encrypted credentials file of --data, variables on top.
      const key = randomBytes(32);
      const data = join(dir, 'data');
      await mkdir(data, { recursive: true });
      const vault = createCredentialsVault(defaultCredentialsPath(data), { kind: 'key', bytes: key });
      const fields = credentials['sage300-erp'] ?? {};
      vault.entries.set('sage-file', { type: 'sage300', fields, updatedAt: new Date().toISOString() });
      await saveCredentialsFile(vault);
      const keyed = { BRIDGEFLOW_CREDENTIALS_KEY: key.toString('hex') };
      const fromFile = await bridgeflow(['test-connection', 'sage300', 'sage-file', '--data', data], keyed);
      expect(fromFile.stdout, fromFile.stderr).toMatch(/^ok /);
      const overridden = await bridgeflow(['test-connection', 'sage300', 'sage-file', '--data', data], {
        ...keyed,
        BRIDGEFLOW_CREDENTIAL_SAGE_FILE_PASSWORD: 'nope',
      });
      expect(overridden.stderr).toMatch(/CONNECTOR_AUTH/);
      const noKey = await bridgeflow(['test-connection', 'sage300', 'sage-file', '--data', data], {
        BRIDGEFLOW_CREDENTIALS_KEY: '',
      });
      expect(noKey.code).toBe(2);
      expect(noKey.stderr).toMatch(/BRIDGEFLOW_CREDENTIALS_KEY is not set/);
    } finally {
      await sandbox.close();
    }
  });
});
