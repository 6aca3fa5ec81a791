import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunTraceSchema } from '../../engine/contract/run-trace.ts';

const root = resolve(import.meta.dirname, '../..');
const example = join(root, 'flows/examples/order-summary.flow.json');
const exampleInput = join(root, 'flows/examples/order-summary.sample.json');

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function bridgeflow(...args: string[]): Promise<CliResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(root, 'engine/cli.ts'), ...args],
      { cwd: root, timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** No command output may ever show a JavaScript stack trace. */
function expectNoStackTrace(result: CliResult): void {
  expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bridgeflow-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | object): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const flowWith = (nodes: object[], edges: object[] = []) => ({
  schemaVersion: 1,
  id: 'f',
  name: 'F',
  nodes: nodes.map((node, index) => ({
    typeVersion: 1,
    position: { x: index * 100, y: 0 },
    parameters: {},
    ...node,
  })),
  edges,
});
const edge = (source: string, target: string, sourceHandle = 'main', targetHandle = 'main') => ({
  id: `${source}-${target}`,
  source,
  sourceHandle,
  target,
  targetHandle,
});

describe('bridgeflow --help', () => {
  it.each([[['--help']], [['run', '--help']], [['validate', '--help']]])(
    '%j prints usage and exits 0',
    async (args) => {
      const result = await bridgeflow(...args);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Usage: bridgeflow/);
    },
  );

  it('prints usage and exits 2 without a command', async () => {
    const result = await bridgeflow();
    expect(result.code).toBe(2);
    expect(result.stdout + result.stderr).toMatch(/Usage: bridgeflow/);
  });

  it('exits 2 on an unknown command or a missing option', async () => {
    expect((await bridgeflow('frobnicate')).code).toBe(2);
    const missing = await bridgeflow('run', example);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--input/);
  });
});

describe('bridgeflow validate', () => {
  it('accepts the example flow', async () => {
    const result = await bridgeflow('validate', example);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/is valid: 2 nodes, 1 edges/);
  });

  it('lists every problem with its path and node, and exits 2', async () => {
    const path = await file(
      'broken.flow.json',
      flowWith(
        [
          { id: 'start', name: 'Start', type: 'core.manualTrigger' },
          { id: 'x', name: 'Mystery', type: 'vendor.mystery' },
          { id: 'set', name: 'Set', type: 'core.setFields', parameters: { fields: 'nope' } },
        ],
        [edge('start', 'x'), edge('start', 'set', 'main', 'nowhere')],
      ),
    );
    const result = await bridgeflow('validate', path);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nodes\[1\].*Mystery/);
    expect(result.stderr).toMatch(/vendor\.mystery/);
    expect(result.stderr).toMatch(/nodes\[2\]\.parameters\.fields.*Set/);
    expect(result.stderr).toMatch(/edges\[1\]/);
    expectNoStackTrace(result);
  });

  it('names the line and column of malformed JSON', async () => {
    const path = await file('malformed.flow.json', '{\n  "schemaVersion": 1,\n  "nodes": [,]\n}\n');
    const result = await bridgeflow('validate', path);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/line 3, column 13/);
    expectNoStackTrace(result);
  });

  it('explains a file of the wrong shape', async () => {
    const path = await file('shape.flow.json', {
      schemaVersion: 1,
      id: 'f',
      name: 'F',
      nodes: {},
      edges: [],
    });
    const result = await bridgeflow('validate', path);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nodes/);
    expectNoStackTrace(result);
  });

  it('says when the file does not exist', async () => {
    const result = await bridgeflow('validate', join(dir, 'missing.json'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/does not exist/);
    expectNoStackTrace(result);
  });
});

describe('bridgeflow run', () => {
  it('runs the example flow and prints the per-node summary and output', async () => {
    const result = await bridgeflow('run', example, '--input', exampleInput);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ok\s+Sample order\s+1 → 1/);
    expect(result.stdout).toMatch(/ok\s+Summarise\s+1 → 1/);
    expect(result.stdout).toContain('"email": "ann.lee@example.com"');
    expect(result.stdout).toMatch(/Run succeeded/);
  });

  it('writes the full trace with --trace and marks a dry run', async () => {
    const tracePath = join(dir, 'trace.json');
    const result = await bridgeflow(
      'run',
      example,
      '--input',
      exampleInput,
      '--dry-run',
      '--trace',
      tracePath,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/dry run/);
    const trace = RunTraceSchema.parse(JSON.parse(await readFile(tracePath, 'utf8')));
    expect(trace.dryRun).toBe(true);
    expect(trace.nodes[1]?.inputs?.[0]).toMatchObject({ OrderID: 20931 });
    expect(trace.nodes[1]?.outputs?.[0]?.from).toEqual([0]);
  });

  it('prints only the output items with --json', async () => {
    const result = await bridgeflow('run', example, '--input', exampleInput, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({
        orderId: 20931,
        total: 49.48,
        customer: { name: 'Ann Lee', email: 'ann.lee@example.com' },
      }),
    ]);
  });

  it('exits 1 when the run fails, naming the node and the reason', async () => {
    const path = await file(
      'failing.flow.json',
      flowWith(
        [
          { id: 'start', name: 'Start', type: 'core.manualTrigger' },
          {
            id: 'calc',
            name: 'Calculate',
            type: 'core.setFields',
            parameters: { fields: [{ path: 'x', mode: 'expression', value: '$notAFunction()' }] },
          },
        ],
        [edge('start', 'calc')],
      ),
    );
    const result = await bridgeflow('run', path, '--input', exampleInput);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAILED\s+Calculate/);
    expect(result.stdout).toMatch(/Run failed in node "Calculate" on item 0.*EXPRESSION_FAILED/);
    expectNoStackTrace(result);
  });

  it('exits 2 without running an invalid flow', async () => {
    const path = await file('invalid.flow.json', flowWith([{ id: 'x', name: 'X', type: 'vendor.mystery' }]));
    const result = await bridgeflow('run', path, '--input', exampleInput);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nothing was run/);
  });

  it('refuses a 100 MB input at once, with the size and the limit', async () => {
    const path = join(dir, 'huge.json');
    await writeFile(path, '');
    await truncate(path, 100 * 1024 * 1024);
    const started = Date.now();
    const result = await bridgeflow('run', example, '--input', path);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Input file ".*huge\.json" is 100 MB, larger than the 50 MB limit/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expectNoStackTrace(result);
  });

  it('names the line and column of a malformed input', async () => {
    const path = await file('bad-input.json', '{\n  "OrderID": 1,\n  "x": tru\n}');
    const result = await bridgeflow('run', example, '--input', path);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not valid JSON: line 3, column 11: Unexpected line break\n$/);
    expectNoStackTrace(result);
  });

  it('stops a code node that loops forever and exits 1 with the reason', async () => {
    const path = await file(
      'loop.flow.json',
      flowWith(
        [
          { id: 'start', name: 'Start', type: 'core.manualTrigger' },
          {
            id: 'code',
            name: 'Loop',
            type: 'core.code',
            parameters: { code: 'while (true) {}', timeoutMs: 300 },
          },
        ],
        [edge('start', 'code')],
      ),
    );
    const result = await bridgeflow('run', path, '--input', exampleInput);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Run failed in node "Loop".*CODE_TIMEOUT/);
    expectNoStackTrace(result);
  });
});

describe('bridgeflow validate, expressions', () => {
  it('points at a JSONata syntax error by node and parameter', async () => {
    const path = await file(
      'syntax.flow.json',
      flowWith(
        [
          { id: 'start', name: 'Start', type: 'core.manualTrigger' },
          {
            id: 'set',
            name: 'Full name',
            type: 'core.setFields',
            parameters: { fields: [{ path: 'name', mode: 'expression', value: 'BillingFirstName &' }] },
          },
        ],
        [edge('start', 'set')],
      ),
    );
    const result = await bridgeflow('validate', path);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /nodes\[1\]\.parameters\.fields\.0\.value \(node "Full name"\).*syntax error/,
    );
    expectNoStackTrace(result);
  });
});
