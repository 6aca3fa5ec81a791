import { type ChildProcessByStdio, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postOrders, type RuntimeBench, startRuntimeBench, waitForQueue } from './runtime-bench.ts';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'engine/cli.ts');

let bench: RuntimeBench;
beforeAll(async () => {
  bench = await startRuntimeBench();
});
afterAll(() => bench.close());

/**
 * Resolves with the runtime's URL once the child prints it. A listener rather than `for await`,
 * which would destroy the stream on return and make the child's next write fail.
 */
function listeningUrl(child: ChildProcessByStdio<null, Readable, Readable>): Promise<string> {
  return new Promise((resolve, reject) => {
    let printed = '';
    child.stdout.on('data', (chunk) => {
      printed += String(chunk);
      const match = /listening on (http:\/\/\S+)/.exec(printed);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', () => reject(new Error(`bridgeflow serve exited without listening: ${printed}`)));
  });
}

describe('bridgeflow serve (command line)', () => {
  it('serves a bundle, runs its webhook orders and stops cleanly on SIGINT', async () => {
    const data = join(bench.folder, 'cli-data');
    const child = spawn(
      process.execPath,
      [cli, 'serve', bench.bundlePath, '--data', data, '--port', '0', '--workers', '1'],
      { cwd: root, env: { ...process.env, ...bench.environment }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const exited = once(child, 'exit');
    try {
      const url = await listeningUrl(child);
      const order = await bench.createOrder('registered-customer-order');
      expect((await postOrders(url, [order])).body).toEqual({ accepted: 1, duplicates: 0 });
      await waitForQueue(url, (queue) => queue.counts.succeeded === 1);
      expect(await bench.sageOrdersFor([order.OrderID ?? null])).toHaveLength(1);
    } finally {
      child.kill('SIGINT');
    }
    const [code] = await exited;
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    const logLines = stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { message: string });
    expect(logLines.map((line) => line.message)).toEqual(
      expect.arrayContaining(['runtime started', 'job succeeded', 'runtime stopped']),
    );
  });

  it('refuses to start with an invalid bundle, giving the reason (exit 2)', async () => {
    const broken = join(bench.folder, 'broken.json');
    await writeFile(broken, '{"bundleVersion": 1,');
    const result = await new Promise<{ code: number; stderr: string }>((done) => {
      execFile(
        process.execPath,
        [cli, 'serve', broken, '--data', join(bench.folder, 'unused')],
        (error, _out, stderr) => done({ code: typeof error?.code === 'number' ? error.code : 0, stderr }),
      );
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^error {2}The runtime did not start: .*broken\.json: The bundle is not valid JSON/,
    );
  });
});
