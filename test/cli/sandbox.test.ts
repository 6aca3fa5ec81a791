import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
const servers: Server[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

function sandbox(args: string[]): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(
    process.execPath,
    [join(root, 'engine/cli.ts'), 'sandbox', '--port-base', '0', ...args],
    { cwd: root },
  );
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('bridgeflow sandbox', () => {
  it('serves the three simulators until interrupted, answering with the printed credentials', async () => {
    const run = sandbox([]);
    await waitFor(() => run.output().includes('press Ctrl+C'), 'the sandbox to start');
    const storeUrl = /3dcart\s+(\S+)/.exec(run.output())?.[1];
    const sageUrl = /Sage 300\s+(\S+)/.exec(run.output())?.[1];
    const privateKey = /PrivateKey: (\S+)/.exec(run.output())?.[1] ?? '';
    const token = /Token: (\S+)/.exec(run.output())?.[1] ?? '';
    const secureUrl = /SecureURL: (\S+)/.exec(run.output())?.[1] ?? '';
    const orders = await fetch(`${storeUrl}/Orders?limit=2`, {
      headers: { SecureURL: secureUrl, PrivateKey: privateKey, Token: token },
    });
    expect(orders.status).toBe(200);
    expect(await orders.json()).toHaveLength(2);
    const customers = await fetch(`${sageUrl}AR/ARCustomers?$top=1`, {
      headers: {
        authorization: `Basic ${Buffer.from('WEBAPI:WEBAPI').toString('base64')}`,
        'content-type': 'application/json',
      },
    });
    expect(customers.status).toBe(200);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  });

  it('drives storefront orders whose webhooks reach the registered URL, and writes the .ionapi file', async () => {
    const received: unknown[] = [];
    const receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        received.push(JSON.parse(body));
        response.end('ok');
      });
    });
    servers.push(receiver);
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', () => done()));
    const address = receiver.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const dir = await mkdtemp(join(tmpdir(), 'bridgeflow-sandbox-'));
    try {
      const ionapi = join(dir, 'sandbox.ionapi');
      const run = sandbox([
        '--orders',
        '3',
        '--rate',
        '100',
        '--webhook-url',
        `http://127.0.0.1:${port}/hooks/orders`,
        '--ionapi',
        ionapi,
        '--exit-after-load',
      ]);
      expect(await run.exited).toBe(0);
      expect(run.output()).toMatch(/Created 3 orders/);
      expect(received).toHaveLength(3);
      expect(received[0]).toEqual([
        expect.objectContaining({ OrderID: expect.any(Number), OrderItemList: expect.any(Array) }),
      ]);
      const file = JSON.parse(await readFile(ionapi, 'utf8'));
      expect(file).toMatchObject({
        ti: 'BRIDGEFLOW_TST',
        ci: expect.any(String),
        cs: expect.any(String),
        iu: expect.any(String),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('injects the faults given on the command line, and refuses bad ones with the field', async () => {
    const run = sandbox(['--faults', '{"errorRate":1,"errorStatus":502}']);
    await waitFor(() => run.output().includes('press Ctrl+C'), 'the sandbox to start');
    const sageUrl = /Sage 300\s+(\S+)/.exec(run.output())?.[1];
    const answer = await fetch(`${sageUrl}AR/ARCustomers`, {
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(502);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);

    const bad = sandbox(['--faults', '{"errorRate":3}', '--exit-after-load']);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toMatch(/--faults: .*errorRate/);
  });
});
