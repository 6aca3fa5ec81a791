import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialsRemove, credentialsSet } from '../../engine/cli/credentials-command.ts';
import { createMemoryLogger } from '../../engine/run/testing/test-services.ts';
import { openCredentialsFile } from '../../engine/runtime/credentials/credentials-file.ts';
import { readKeyMaterial } from '../../engine/runtime/credentials/credentials-key.ts';
import { startRuntime } from '../../engine/runtime/serve/runtime.ts';
import { sandboxCredentials } from '../../engine/simulators/sandbox.ts';
import { postOrders, type RuntimeBench, startRuntimeBench, waitForQueue } from './runtime-bench.ts';

//   bridgeflow credentials set … (AES-256-GCM file in <data>)
//   → startRuntime with only BRIDGEFLOW_CREDENTIALS_KEY in its environment
//   → webhook order → Sage 300 simulator sales order (signed in with the file's password)

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'engine/cli.ts');
const KEY = randomBytes(32).toString('base64');

let bench: RuntimeBench;
beforeAll(async () => {
  bench = await startRuntimeBench();
});
afterAll(() => bench.close());

function bridgeflow(
  args: readonly string[],
  key: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  // Only the key: the credentials must come from the file, not from the test's environment.
  const env = { PATH: process.env.PATH ?? '', BRIDGEFLOW_CREDENTIALS_KEY: key };
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { cwd: root, env }, (error, stdout, stderr) =>
      done({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr }),
    );
  });
}

/** `credentials set` in this process, for the credentials the command-line test does not cover. */
async function setInProcess(data: string, id: string, type: string, fields: Record<string, string>) {
  const printed: string[] = [];
  const io = { out: (text: string) => printed.push(text), err: (text: string) => printed.push(text) };
  const pairs = Object.entries(fields).map(([name, value]) => `${name}=${value}`);
  const path = join(data, 'credentials.enc.json');
  const code = await credentialsSet(
    id,
    { type, fields: pairs },
    { path, environment: { BRIDGEFLOW_CREDENTIALS_KEY: KEY }, io },
  );
  expect({ code, printed }).toMatchObject({ code: 0 });
}

function sandboxSecrets() {
  const credentials = sandboxCredentials(bench.sandbox);
  const sage = credentials['sage300-erp'];
  const store = credentials['threedcart-store'];
  if (!sage || !store) throw new Error('the sandbox has no sage300-erp or threedcart-store credential');
  return { sage, store };
}

describe('bridgeflow credentials and serve with the encrypted credentials file', () => {
  it('sets credentials from a file and fields, lists them without values, and shows nothing with a wrong key', async () => {
    const data = await mkdtemp(join(bench.folder, 'vault-'));
    const path = join(data, 'credentials.enc.json');
    const { sage, store } = sandboxSecrets();
    const sageFile = join(data, 'sage.json');
    await writeFile(sageFile, JSON.stringify({ ...sage, company: 'WRONG' }));
    const set = await bridgeflow(
      [
        'credentials',
        'set',
        'sage300-erp',
        '--type',
        'sage300',
        '--file',
        sageFile,
        '--field',
        `company=${sage.company}`,
        '--data',
        data,
      ],
      KEY,
    );
    expect(set).toEqual({
      code: 0,
      stdout: `Added credential "sage300-erp" (sage300; fields ${Object.keys(sage).join(', ')}) in ${path}\n`,
      stderr: '',
    });
    await setInProcess(data, 'threedcart-store', 'threedcart', store);

    const list = await bridgeflow(['credentials', 'list', '--data', data], KEY);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n').map((line) => line.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'id type',
      'sage300-erp sage300',
      'threedcart-store threedcart',
      '',
    ]);
    const fileText = await readFile(path, 'utf8');
    for (const secret of [sage.password, store.privateKey, store.token]) {
      expect(list.stdout).not.toContain(secret);
      expect(fileText).not.toContain(secret);
    }
    const vault = await openCredentialsFile(
      path,
      readKeyMaterial({ BRIDGEFLOW_CREDENTIALS_KEY: KEY }, 'the test'),
    );
    expect(vault?.entries.get('sage300-erp')?.fields).toEqual(sage);

    const refused = await bridgeflow(
      ['credentials', 'list', '--data', data],
      randomBytes(32).toString('base64'),
    );
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr: `error  CREDENTIALS_KEY_INVALID: BRIDGEFLOW_CREDENTIALS_KEY does not open ${path}: it is not the key the file was sealed with\n`,
    });
  }, 60_000);

  it('refuses an unknown credential type or a misspelled field, writing nothing', async () => {
    const data = await mkdtemp(join(bench.folder, 'vault-'));
    const path = join(data, 'credentials.enc.json');
    const attempt = async (type: string, fields: string[]) => {
      const errors: string[] = [];
      const io = { out: () => undefined, err: (text: string) => errors.push(text) };
      const code = await credentialsSet(
        'sage300-erp',
        { type, fields },
        { path, environment: { BRIDGEFLOW_CREDENTIALS_KEY: KEY }, io },
      );
      return { code, errors };
    };
    expect(await attempt('sage', ['company=SAMINC'])).toEqual({
      code: 2,
      errors: [
        'error  INPUT_INVALID: Unknown credential type "sage"; use one of threedcart, sage300, m3, webhookSecret\n',
      ],
    });
    expect(await attempt('sage300', ['company=SAMINC', 'pasword=secret'])).toEqual({
      code: 2,
      errors: [
        'error  INPUT_INVALID: Sage 300 credentials have no field "pasword"; their fields are baseUrl, company, username, password\n',
      ],
    });
    await expect(readFile(path, 'utf8')).rejects.toThrow(/ENOENT/);
    // A field left to a BRIDGEFLOW_CREDENTIAL_ variable is not required in the file.
    expect(await attempt('sage300', ['company=SAMINC'])).toEqual({ code: 0, errors: [] });
  });

  it('runs webhook orders against the simulators with the credentials from the file alone', async () => {
    const data = await mkdtemp(join(bench.folder, 'vault-'));
    const { sage, store } = sandboxSecrets();
    await setInProcess(data, 'sage300-erp', 'sage300', sage);
    await setInProcess(data, 'threedcart-store', 'threedcart', store);
    const wrongKey = randomBytes(32).toString('base64');
    await expect(
      startRuntime({
        bundles: [bench.folder],
        dataDir: data,
        environment: { BRIDGEFLOW_CREDENTIALS_KEY: wrongKey },
      }),
    ).rejects.toThrow(/BRIDGEFLOW_CREDENTIALS_KEY does not open/);

    const runtime = await startRuntime({
      bundles: [bench.folder],
      dataDir: data,
      environment: { BRIDGEFLOW_CREDENTIALS_KEY: KEY },
      logger: createMemoryLogger(),
      pollMs: 20,
    });
    try {
      const order = await bench.createOrder('registered-customer-order');
      expect((await postOrders(runtime.url, [order])).status).toBe(202);
      const queue = await waitForQueue(
        runtime.url,
        (stats) => stats.counts.succeeded + stats.counts.dead === 1,
      );
      expect(queue.counts).toMatchObject({ succeeded: 1, dead: 0 });
      expect(await bench.sageOrdersFor([order.OrderID ?? null])).toHaveLength(1);
    } finally {
      await runtime.close();
    }

    // Without the Sage credential the same order fails: the file, not anything else, signed in.
    const printed: string[] = [];
    const io = { out: (text: string) => printed.push(text), err: (text: string) => printed.push(text) };
    const context = {
      path: join(data, 'credentials.enc.json'),
      environment: { BRIDGEFLOW_CREDENTIALS_KEY: KEY },
      io,
    };
    expect(await credentialsRemove('sage300-erp', context)).toBe(0);
    const without = await startRuntime({
      bundles: [bench.folder],
      dataDir: data,
      environment: { BRIDGEFLOW_CREDENTIALS_KEY: KEY },
      logger: createMemoryLogger(),
      pollMs: 20,
      retry: { maxAttempts: 1, backoffMs: 10, maxBackoffMs: 10 },
    });
    try {
      await postOrders(without.url, [await bench.createOrder('guest-order')]);
      const queue = await waitForQueue(without.url, (stats) => stats.counts.dead === 1);
      expect(without.inbox.listDead()[0]?.lastError?.message).toMatch(/sage300-erp/);
      expect(queue.counts.succeeded).toBe(1);
    } finally {
      await without.close();
    }
  });
});
