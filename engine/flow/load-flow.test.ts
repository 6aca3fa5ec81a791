import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import { loadFlowFile, parseFlowText } from './load-flow.ts';

const webhookNode = {
  id: 'in',
  name: 'New order',
  type: 'test.webhook',
  typeVersion: 1,
  position: { x: 0, y: 0 },
};
const fetchNode = {
  id: 'fetch',
  name: 'Fetch order',
  type: 'test.http',
  typeVersion: 1,
  position: { x: 200, y: 0 },
};
const retry = { maxAttempts: 3, backoffMs: 10 };

/** A valid flow as plain JSON; each case below breaks one thing in a copy of it. */
function validFlow(): Record<string, unknown> {
  return structuredClone({
    schemaVersion: 1,
    id: 'order-to-cash',
    name: 'Order to cash',
    settings: { errorPolicy: 'stopRun', timezone: 'UTC' },
    nodes: [
      { ...webhookNode, parameters: {} },
      { ...fetchNode, parameters: { url: 'https://x' }, credentials: { api: 'c1' }, settings: { retry } },
    ],
    edges: [{ id: 'e1', source: 'in', sourceHandle: 'main', target: 'fetch', targetHandle: 'main' }],
  });
}

/** Sets (or with undefined, deletes) the value at a path like `nodes[1].settings.retry`. */
function setAt(root: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const keys = path.split(/[.[\]]+/).filter((key) => key !== '');
  let parent = root as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return root;
}

const IN = { nodeId: 'in', nodeName: 'New order' };
const FETCH = { nodeId: 'fetch', nodeName: 'Fetch order' };

describe('parseFlowText: document shape', () => {
  it('returns the document with defaults filled in', () => {
    const { description: _none, settings: _default, ...flow } = validFlow();
    const { document, problems } = parseFlowText(JSON.stringify(flow));
    expect(problems).toEqual([]);
    expect(document?.settings).toEqual({ errorPolicy: 'stopRun', timezone: 'UTC' });
    expect(document?.description).toBe('');
  });

  // [path, value put there, message, node named in the problem]
  it.each<[string, unknown, string, { nodeId?: string; nodeName?: string }?]>([
    ['name', undefined, 'missing required property "name"'],
    ['colour', 'red', 'unknown property "colour"'],
    ['nodes', {}, 'expected an array, got object'],
    ['settings.errorPolicy', 'ignore', 'expected one of "stopRun", "continue", got "ignore"'],
    ['settings.timezone', 3, 'expected a string, got number'],
    ['nodes[1].typeVersion', '1', 'expected a number, got string', FETCH],
    ['nodes[1].typeVersion', 1.5, 'expected a whole number, got 1.5', FETCH],
    ['nodes[1].parameters', [], 'expected an object, got array', FETCH],
    ['nodes[1].params', {}, 'unknown property "params"', FETCH],
    ['nodes[1].disabled', 'yes', 'expected true or false, got string', FETCH],
    ['nodes[1].settings.retry.maxAttempts', 50, 'expected at most 20, got 50', FETCH],
    ['nodes[1].credentials.api', 7, 'expected a string, got number', FETCH],
    ['nodes[0].position.y', undefined, 'missing required property "y"', IN],
    ['nodes[0].id', '', 'expected a non-empty string, got an empty string', { nodeName: 'New order' }],
    ['edges[0].target', undefined, 'missing required property "target"'],
    ['edges[0].sourceHandle', null, 'expected a string, got null'],
  ])('reports %s set to %j', (path, value, message, node = {}) => {
    const { document, problems } = parseFlowText(JSON.stringify(setAt(validFlow(), path, value)));
    expect(document).toBeUndefined();
    expect(problems).toEqual([{ severity: 'error', code: 'FLOW_INVALID', path, message, ...node }]);
  });

  it('reports every shape problem, not just the first', () => {
    const flow = validFlow();
    for (const path of ['name', 'edges[0].id']) setAt(flow, path, undefined);
    setAt(setAt(flow, 'nodes[0].typeVersion', 'one'), 'nodes[1].colour', 'blue');
    const { problems } = parseFlowText(JSON.stringify(flow));
    expect(problems.map((problem) => problem.path).sort()).toEqual([
      'edges[0].id',
      'name',
      'nodes[0].typeVersion',
      'nodes[1].colour',
    ]);
  });

  it('keeps a node of an unknown type (validation, not loading, reports it)', () => {
    const flow = setAt(validFlow(), 'nodes[1].type', 'acme.fromTheFuture');
    expect(parseFlowText(JSON.stringify(flow)).document?.nodes[1]?.type).toBe('acme.fromTheFuture');
  });
});

describe('parseFlowText: JSON syntax', () => {
  it.each([
    ['a missing value', '{\n  "id": "a",\n  "name": \n}', "flow.json line 4, column 1: Unexpected token '}'"],
    [
      'a trailing comma',
      '{\n  "id": "a",\n}',
      'flow.json line 3, column 1: Expected double-quoted property name',
    ],
    [
      'a cut-off file',
      '{\n  "id": "a",\n  "nodes": [',
      'flow.json line 3, column 13: Unexpected end of JSON input',
    ],
    [
      'text after the document',
      '{}\n\n  x',
      'flow.json line 3, column 3: Unexpected non-whitespace character after JSON',
    ],
    [
      'a bad token far into a long file',
      `{"description": "${'x'.repeat(200)}",\n\n "a": }`,
      "flow.json line 3, column 7: Unexpected token '}'",
    ],
  ])('locates %s by line and column', (_case, text, message) => {
    expect(parseFlowText(text, { fileName: 'flow.json' })).toEqual({
      problems: [{ severity: 'error', code: 'FLOW_PARSE_FAILED', path: '', message }],
    });
  });

  it('ignores a byte order mark', () => {
    expect(parseFlowText(`\uFEFF${JSON.stringify(validFlow())}`).problems).toEqual([]);
  });
});

describe('parseFlowText: schema versions', () => {
  it('refuses a file from a newer Bridgeflow, naming both versions', () => {
    const [problem] = parseFlowText(JSON.stringify({ ...validFlow(), schemaVersion: 3 })).problems;
    expect(problem).toMatchObject({ code: 'FLOW_SCHEMA_UNSUPPORTED', path: 'schemaVersion' });
    expect(problem?.message).toMatch(/schema version 3.*up to 1/);
  });

  it('refuses a file without schemaVersion', () => {
    const { schemaVersion: _removed, ...flow } = validFlow();
    expect(parseFlowText(JSON.stringify(flow)).problems).toMatchObject([
      { code: 'FLOW_INVALID', path: 'schemaVersion' },
    ]);
  });

  it('upgrades a schema 0 file and says so', () => {
    const old = {
      schemaVersion: 0,
      id: 'f',
      name: 'Old',
      nodes: [
        { id: 'a', name: 'A', type: 'test.webhook', position: { x: 0, y: 0 }, params: { path: '/x' } },
        { id: 'b', name: 'B', type: 'test.http', position: { x: 9, y: 0 }, params: { url: 'u' } },
      ],
      edges: [{ from: 'a:main', to: 'b:main' }],
    };
    const { document, problems, migratedFrom } = parseFlowText(JSON.stringify(old));
    expect(problems).toEqual([]);
    expect(migratedFrom).toBe(0);
    expect(document?.nodes[1]).toMatchObject({ typeVersion: 1, parameters: { url: 'u' } });
    expect(document?.edges).toEqual([
      { id: 'e-a-main-b-main', source: 'a', sourceHandle: 'main', target: 'b', targetHandle: 'main' },
    ]);
  });

  it('names nodes in problems found after an upgrade', () => {
    const old = {
      schemaVersion: 0,
      id: 'f',
      name: 'Old',
      nodes: [{ id: 'a', name: 'A', type: 't', params: {} }],
      edges: [],
    };
    expect(parseFlowText(JSON.stringify(old)).problems).toEqual([
      {
        severity: 'error',
        code: 'FLOW_INVALID',
        path: 'nodes[0].position',
        message: 'missing required property "position"',
        nodeId: 'a',
        nodeName: 'A',
      },
    ]);
  });
});

describe('loadFlowFile', () => {
  async function tempFile(name: string, content: string): Promise<string> {
    const path = join(await mkdtemp(join(tmpdir(), 'bridgeflow-flow-')), name);
    await writeFile(path, content);
    return path;
  }

  it('loads a flow and names the file in syntax errors', async () => {
    expect(
      (await loadFlowFile(await tempFile('good.json', JSON.stringify(validFlow())))).document?.name,
    ).toBe('Order to cash');
    const broken = await loadFlowFile(await tempFile('broken.json', '{\n  "id": 1,,\n}'));
    expect(broken.problems[0]?.message).toBe(
      'broken.json line 2, column 11: Expected double-quoted property name',
    );
  });

  it('throws FILE_NOT_FOUND for a missing file', async () => {
    await expect(loadFlowFile(join(tmpdir(), 'no-such-dir-bridgeflow', 'x.json'))).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
    });
  });

  it('refuses a file over the size limit, saying its size and the limit', async () => {
    const path = await tempFile(
      'big.json',
      JSON.stringify({ ...validFlow(), description: 'x'.repeat(3 * 1024 * 1024) }),
    );
    const failure = await loadFlowFile(path, { maxBytes: 2 * 1024 * 1024 }).catch(
      (thrown: unknown) => thrown,
    );
    expect(failure).toBeInstanceOf(BridgeflowError);
    expect(failure).toMatchObject({
      code: 'INPUT_TOO_LARGE',
      message: expect.stringMatching(/is 3.0 MB, larger than the 2 MB limit/),
    });
  });

  it('throws FILE_READ_FAILED for a directory', async () => {
    await expect(loadFlowFile(tmpdir())).rejects.toMatchObject({ code: 'FILE_READ_FAILED' });
  });
});
