import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunTrace } from '../../contract/run-trace.ts';
import { openDatabase, type StoreDatabase } from '../../store/database.ts';
import { createRunHistory, type RecordRunInput, type RunHistory } from './run-history.ts';
import { readRunStatistics } from './run-statistics.ts';

let database: StoreDatabase;
let history: RunHistory;
beforeEach(() => {
  database = openDatabase(':memory:');
  history = createRunHistory(database);
});
afterEach(() => database.close());

function run(id: string, overrides: Partial<RecordRunInput> = {}): RecordRunInput {
  return {
    id,
    jobId: `job-${id}`,
    flowId: 'order-to-sage300',
    businessKey: `key-${id}`,
    attempt: 1,
    status: 'succeeded',
    startedAt: 1_000,
    finishedAt: 1_400,
    durationMs: 400,
    error: null,
    itemErrorCount: 0,
    trace: null,
    ...overrides,
  };
}

const trace: RunTrace = {
  runId: 'r2',
  flowId: 'order-to-sage300',
  flowName: 'Order to Sage 300',
  status: 'failed',
  dryRun: false,
  startedAt: new Date(2_000).toISOString(),
  durationMs: 3_000,
  nodes: [],
  outputs: [],
  itemErrorCount: 1,
  error: { code: 'CONNECTOR_VALIDATION', message: 'Customer W1 is on hold.', retryable: false },
};

describe('run history', () => {
  it('answers runs newest first, filtered by status, flow, key and time, and one run with its trace', () => {
    history.record(run('r1'));
    history.record(
      run('r2', { status: 'failed', startedAt: 2_000, durationMs: 3_000, error: trace.error ?? null, trace }),
    );
    history.record(run('r3', { flowId: 'stock-sync', startedAt: 3_000, attempt: 2, businessKey: null }));

    expect(history.list().map((each) => each.id)).toEqual(['r3', 'r2', 'r1']);
    expect(history.list({ limit: 1 }).map((each) => each.id)).toEqual(['r3']);
    expect(history.list({ status: 'failed' }).map((each) => each.id)).toEqual(['r2']);
    expect(history.list({ flowId: 'order-to-sage300' }).map((each) => each.id)).toEqual(['r2', 'r1']);
    expect(history.list({ businessKey: 'key-r1' }).map((each) => each.id)).toEqual(['r1']);
    expect(history.list({ since: 2_000, until: 3_000 }).map((each) => each.id)).toEqual(['r2']);
    expect(history.get('r2')).toMatchObject({ status: 'failed', error: trace.error, trace });
    expect(history.get('r1')?.trace).toBeNull();
    expect(history.get('missing')).toBeUndefined();
  });

  it('counts runs, retries and durations per flow for the metrics', () => {
    history.record(run('r1'));
    history.record(run('r2', { status: 'failed', durationMs: 3_000 }));
    history.record(run('r3', { attempt: 2, durationMs: 50 }));
    const statistics = readRunStatistics(database);
    expect(statistics.runsByFlowAndStatus).toEqual([
      { flowId: 'order-to-sage300', status: 'failed', count: 1 },
      { flowId: 'order-to-sage300', status: 'succeeded', count: 2 },
    ]);
    expect(statistics.retriesByFlow).toEqual([{ flowId: 'order-to-sage300', count: 1 }]);
    // Buckets 0.1, 0.25, 0.5, 1, 2.5, 5, … seconds, cumulative.
    expect(statistics.durations).toEqual([
      {
        flowId: 'order-to-sage300',
        bucketCounts: [1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3],
        count: 3,
        sumSeconds: 3.45,
      },
    ]);
  });
});
