import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../contract/errors.ts';
import type { TestRunState } from '../contract/flow-api-test-runs.ts';
import { FlowDocumentSchema } from '../contract/flow-document.ts';
import { buildFlow } from '../run/testing/flow-builder.ts';
import { createFlowHost, type FlowHost } from './flow-host.ts';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

// start ─▶ price ─▶ (out)
const flow = (factor: number) =>
  buildFlow(
    [
      { id: 'start', type: 'core.manualTrigger' },
      {
        id: 'price',
        type: 'core.setFields',
        parameters: { fields: [{ path: 'total', mode: 'expression', value: `amount * ${factor}` }] },
      },
    ],
    ['start -> price'],
  );

describe('test-run FlowApi methods', () => {
  let workspace: string;
  let host: FlowHost;

  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'bridgeflow-run-host-'));
    host = createFlowHost({ workspaceDir: workspace, databasePath: join(workspace, 'designer.db') });
  });
  afterAll(async () => {
    host.context.dispose();
    await rm(workspace, { recursive: true, force: true });
  });

  async function finished(testRunId: string): Promise<TestRunState> {
    for (;;) {
      const state = value(await host.api.getTestRun({ testRunId }));
      if (state.done) return state;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('keeps samples beside the flow and lists, reads, duplicates and deletes them', async () => {
    const flowPath = 'orders/prices.flow.json';
    const ref = { location: 'flow', set: '', name: 'small' } as const;
    value(await host.api.saveSample({ flowPath, ref, payload: { amount: 2 } }));
    value(await host.api.saveSample({ flowPath, ref: { ...ref, name: 'large' }, payload: { amount: 300 } }));
    const copy = value(await host.api.duplicateSample({ flowPath, ref }));
    expect(copy.ref.name).toBe('small copy');
    value(await host.api.deleteSample({ flowPath, ref: copy.ref }));
    const { sets } = value(await host.api.listSamples({ flowPath }));
    expect(sets.map((set) => [set.location, set.set, set.samples.map((sample) => sample.name)])).toEqual([
      ['flow', '', ['large', 'small']],
    ]);
    expect(value(await host.api.readSample({ flowPath, ref })).payload).toEqual({ amount: 2 });
    const refused = await host.api.saveSample({
      flowPath,
      ref: { ...ref, name: '../../escape' },
      payload: 1,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
  });

  it('runs samples with progress, records them, re-runs with a pin and diffs two runs', async () => {
    const flowPath = 'orders/prices.flow.json';
    const samples = ['small', 'large'].map((name) => ({ location: 'flow', set: '', name }) as const);
    const started = value(
      await host.api.startTestRun({ flowPath, document: flow(2), samples, environment: 'dry-run' }),
    );
    expect(started.total).toBe(2);
    const state = await finished(started.testRunId);
    expect(state).toMatchObject({ completed: 2, done: true, dryRun: true, notRun: [] });
    expect(state.summary?.nodes.map((node) => [node.nodeId, node.outcomes.ok])).toEqual([
      ['start', 2],
      ['price', 2],
    ]);
    const [small] = state.runs;
    if (!small) throw new Error('no run');
    const detail = value(await host.api.getRun({ runId: small.runId }));
    expect(detail.trace.outputs[0]?.items).toEqual([{ amount: 2, total: 4 }]);

    // Pin the trigger's output and re-run from the price node on the recorded run, with a new factor.
    const rerun = value(
      await host.api.startTestRun({
        flowPath,
        document: flow(10),
        samples: [samples[0] ?? { location: 'flow', set: '', name: 'small' }],
        pinned: { start: { main: [{ amount: 5 }] } },
      }),
    );
    const second = (await finished(rerun.testRunId)).runs[0];
    if (!second) throw new Error('no second run');
    const pinnedDetail = value(await host.api.getRun({ runId: second.runId }));
    expect(pinnedDetail.trace.nodes[0]?.pinned).toBe('pin');
    const diff = value(await host.api.diffRuns({ leftRunId: small.runId, rightRunId: second.runId }));
    expect(diff.nodes.find((node) => node.nodeId === 'price')?.changes).toEqual([
      { path: 'main[0].amount', kind: 'changed', before: 2, after: 5 },
      { path: 'main[0].total', kind: 'changed', before: 4, after: 50 },
    ]);

    const fromNode = value(
      await host.api.startTestRun({
        flowPath,
        document: flow(3),
        samples: [{ location: 'flow', set: '', name: 'small' }],
        startAt: { nodeId: 'price', fromRunId: small.runId },
      }),
    );
    const third = (await finished(fromNode.testRunId)).runs[0];
    const thirdDetail = value(await host.api.getRun({ runId: third?.runId ?? '' }));
    expect(thirdDetail.trace.nodes.map((node) => node.pinned ?? 'ran')).toEqual(['previousRun', 'ran']);
    expect(thirdDetail.trace.outputs[0]?.items).toEqual([{ amount: 2, total: 6 }]);

    const history = value(await host.api.listRuns({ flowId: 'test-flow' })).runs;
    expect(history.map((run) => run.sampleName)).toEqual(['small', 'small', 'large', 'small']);
  });

  it('keeps the run history across a restart of the host', async () => {
    const again = createFlowHost({ workspaceDir: workspace, databasePath: join(workspace, 'designer.db') });
    const history = value(await again.api.listRuns({ flowId: 'test-flow', sampleName: 'large' })).runs;
    expect(history).toHaveLength(1);
    again.context.dispose();
  });

  it("gives the sample editor the JSON Schema of the trigger's records", async () => {
    const template = await readFile(
      new URL('../../flows/templates/order-to-sage300/order-to-sage300.flow.json', import.meta.url),
      'utf8',
    );
    const document = FlowDocumentSchema.parse(JSON.parse(template));
    const schema = value(await host.api.sampleSchema({ document }));
    expect(schema.schemaId).toBe('threedcart.Order');
    const text = JSON.stringify(schema.jsonSchema);
    expect(text).toContain('"anyOf"');
    expect(text).toContain('"OrderItemList"');
    expect(value(await host.api.sampleSchema({ document: flow(1) }))).toEqual({
      schemaId: null,
      jsonSchema: null,
    });
    const sample = JSON.parse(
      await readFile(new URL('../../flows/samples/kit-line.json', import.meta.url), 'utf8'),
    );
    expect(value(await host.api.checkSample({ document, payload: sample })).problems).toEqual([]);
    const wrong = value(await host.api.checkSample({ document, payload: [{ OrderID: 'abc' }] }));
    expect(wrong.problems.find((problem) => problem.path === '[0].OrderID')?.message).toMatch(/OrderID/);
    expect(wrong.problems.some((problem) => problem.path === '[0].OrderItemList')).toBe(true);
  });

  it('refuses an invalid flow and an unknown environment up front', async () => {
    const samples = [{ location: 'flow', set: '', name: 'small' }] as const;
    const broken = flow(2);
    broken.nodes.push({
      ...broken.nodes[1],
      id: 'x',
      name: 'x',
      type: 'core.nope',
    } as (typeof broken.nodes)[number]);
    const invalid = await host.api.startTestRun({
      flowPath: 'orders/prices.flow.json',
      document: broken,
      samples: [...samples],
    });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'FLOW_INVALID' } });
    const nowhere = await host.api.startTestRun({
      flowPath: 'orders/prices.flow.json',
      document: flow(2),
      samples: [...samples],
      environment: 'production',
    });
    expect(nowhere).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
  });
});
