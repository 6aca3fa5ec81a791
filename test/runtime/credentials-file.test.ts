import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('bridgeflow serve with the encrypted credentials file', () => {
  it('stores credentials with the command, lists them without values and runs orders with them', async () => {
    const data = await mkdtemp(join(bench.folder, 'vault-'));
    const path = join(data, 'credentials.enc.json');
    const credentials = sandboxCredentials(bench.sandbox);
    const sage = credentials['sage300-erp'];
    const store = credentials['threedcart-store'];
    if (!sage || !store) throw new Error('the sandbox has no sage300-erp or threedcart-store credential');
    const sageFile = join(data, 'sage.json');
    await writeFile(sageFile, JSON.stringify(sage));
    const fields = Object.entries(store).flatMap(([name, value]) => ['--field', `${name}=${value}`]);
    const setSage = await bridgeflow(
      ['credentials', 'set', 'sage300-erp', '--type', 'sage300', '--file', sageFile, '--data', data],
      KEY,
    );
    expect(setSage).toMatchObject({ code: 0, stderr: '' });
    const setStore = await bridgeflow(
      ['credentials', 'set', 'threedcart-store', '--type', 'threedcart', ...fields, '--data', data],
      KEY,
    );
    expect(setStore.stdout).toBe(
      `Added credential "threedcart-store" (threedcart; fields ${Object.keys(store).join(', ')}) in ${path}\n`,
    );

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

    const wrongKey = randomBytes(32).toString('base64');
    const refused = await bridgeflow(['credentials', 'list', '--data', data], wrongKey);
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr: `error  CREDENTIALS_KEY_INVALID: BRIDGEFLOW_CREDENTIALS_KEY does not open ${path}: it is not the key the file was sealed with\n`,
    });
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

    const removed = await bridgeflow(['credentials', 'remove', 'threedcart-store', '--data', data], KEY);
    expect(removed).toMatchObject({
      code: 0,
      stdout: `Removed credential "threedcart-store" from ${path}\n`,
    });
    const vault = await openCredentialsFile(
      path,
      readKeyMaterial({ BRIDGEFLOW_CREDENTIALS_KEY: KEY }, 'the test'),
    );
    expect([...(vault?.entries.keys() ?? [])]).toEqual(['sage300-erp']);
  });
});
