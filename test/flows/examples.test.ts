import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFlow } from '../../engine/flow/flow-format.ts';
import { parseFlowText } from '../../engine/flow/load-flow.ts';
import { validateFlow } from '../../engine/flow/validate-flow.ts';
import { createCoreRegistry } from '../../engine/nodes/core-node-types.ts';
import { runFlow } from '../../engine/run/executor.ts';
import { createTestServices } from '../../engine/run/testing/test-services.ts';

// Every example flow runs on its sample and must give the saved output
// (`<name>.expected.json`: the run's outputs, node by node and port by port).
const folder = resolve(import.meta.dirname, '../../flows/examples');
const examples = readdirSync(folder)
  .filter((name) => name.endsWith('.flow.json'))
  .map((name) => name.replace(/\.flow\.json$/, ''));
const registry = createCoreRegistry();

describe.each(examples)('example flow %s', (name) => {
  const text = readFileSync(join(folder, `${name}.flow.json`), 'utf8');

  it('is valid and stored in the stable format', () => {
    const parsed = parseFlowText(text);
    expect(parsed.problems).toEqual([]);
    if (!parsed.document) throw new Error('no document');
    expect(validateFlow(parsed.document, registry)).toEqual([]);
    expect(formatFlow(parsed.document)).toBe(text);
  });

  it('gives the saved output on its sample', async () => {
    const { document } = parseFlowText(text);
    if (!document) throw new Error('no document');
    const sample = JSON.parse(readFileSync(join(folder, `${name}.sample.json`), 'utf8'));
    const expected = JSON.parse(readFileSync(join(folder, `${name}.expected.json`), 'utf8'));
    const trace = await runFlow({
      flow: document,
      registry,
      services: createTestServices(),
      input: [sample],
    });
    expect(trace.status).toBe('succeeded');
    expect(trace.outputs).toEqual(expected);
  });
});
