import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunTrace } from '../contract/run-trace.ts';
import { openDatabase } from '../store/database.ts';
import { appliedVersions } from '../store/migrations.ts';
import { createDesignerRunHistory } from './designer-run-history.ts';

function trace(runId: string, startedAt: string, status: RunTrace['status'] = 'succeeded'): RunTrace {
  return {
    runId,
    flowId: 'order-to-sage300',
    flowName: 'Orders',
    status,
    dryRun: true,
    startedAt,
    durationMs: 12.5,
    nodes: [
      {
        nodeId: 'map',
        nodeName: 'Map',
        type: 'core.mapping',
        status: 'ok',
        startedAt,
        durationMs: 3,
        itemsIn: 1,
        itemsOut: 1,
        portCounts: { main: 1 },
        errors: [],
        http: [],
        outputs: [{ port: 'main', json: { Item: 'AP-1001/RM', Ünïcode: 'Zoë' }, from: [0] }],
      },
    ],
    outputs: [],
    itemErrorCount: 0,
  };
}

describe('designer run history', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'bridgeflow-designer-runs-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('keeps runs per flow and sample with their full traces across a restart', () => {
    const path = join(folder, 'designer.db');
    const database = openDatabase(path);
    expect(appliedVersions(database)).toContain(6);
    const history = createDesignerRunHistory(database);
    const base = { flowId: 'order-to-sage300', sampleSet: 'flow:', environment: 'dry-run' };
    history.record({ ...base, sampleName: 'guest-checkout', trace: trace('r1', '2026-11-22T09:00:00.000Z') });
    history.record({
      ...base,
      sampleName: 'unknown-sku',
      batchId: 'b1',
      trace: trace('r2', '2026-11-22T09:01:00.000Z', 'failed'),
    });
    history.record({ ...base, sampleName: 'guest-checkout', trace: trace('r3', '2026-11-22T09:02:00.000Z') });
    database.close();

    const reopened = openDatabase(path);
    const again = createDesignerRunHistory(reopened);
    expect(again.list({ flowId: 'order-to-sage300' }).map((run) => run.id)).toEqual(['r3', 'r2', 'r1']);
    expect(
      again.list({ flowId: 'order-to-sage300', sampleName: 'guest-checkout' }).map((run) => run.id),
    ).toEqual(['r3', 'r1']);
    expect(again.list({ flowId: 'order-to-sage300', batchId: 'b1' })).toEqual([
      {
        id: 'r2',
        flowId: 'order-to-sage300',
        sampleSet: 'flow:',
        sampleName: 'unknown-sku',
        environment: 'dry-run',
        dryRun: true,
        status: 'failed',
        startedAt: '2026-11-22T09:01:00.000Z',
        durationMs: 12.5,
        itemErrorCount: 0,
        batchId: 'b1',
      },
    ]);
    expect(again.get('r1')?.trace).toEqual(trace('r1', '2026-11-22T09:00:00.000Z'));
    expect(again.get('nope')).toBeUndefined();
    expect(again.list({ flowId: 'other' })).toEqual([]);
    reopened.close();
  });

  it('drops the oldest runs of a flow beyond the number it keeps', () => {
    const database = openDatabase(':memory:');
    const history = createDesignerRunHistory(database, 2);
    for (const [index, id] of ['a', 'b', 'c'].entries()) {
      history.record({
        flowId: 'f',
        sampleSet: '',
        sampleName: 's',
        environment: 'sandbox',
        trace: trace(id, `2026-11-22T09:0${index}:00.000Z`),
      });
    }
    expect(history.list({ flowId: 'f' }).map((run) => run.id)).toEqual(['c', 'b']);
    database.close();
  });
});
