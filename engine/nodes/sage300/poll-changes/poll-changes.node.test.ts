import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAGE300_RESOURCES } from '../../../connectors/sage300/sage300-resources.ts';
import {
  outputOf,
  type Sage300NodeBench,
  sageNode,
  startSage300NodeBench,
} from '../sage300-node-test-bench.ts';

let bench: Sage300NodeBench;
beforeEach(async () => {
  bench = await startSage300NodeBench();
});
afterEach(async () => {
  await bench.close();
});

/** Creates `count` customers; the simulator stamps them DateLastMaintained 2025-06-30. */
async function createCustomers(count: number): Promise<string[]> {
  const { client } = await bench.client();
  const numbers = Array.from({ length: count }, (_, index) => `NEW${String(index).padStart(3, '0')}`);
  for (const number of numbers)
    await client.create(SAGE300_RESOURCES.customers, { CustomerNumber: number, GroupCode: 'WEB' });
  bench.sent.length = 0;
  return numbers;
}

// poll ─▶ (out: main, watermark)
const poll = (input: Record<string, string>, parameters = {}) =>
  bench.run(
    [sageNode('poll', 'sage300.pollChanges', { select: ['CustomerNumber'], ...parameters })],
    [],
    [input],
    {
      trigger: false,
    },
  );

describe('sage300.pollChanges', () => {
  it('emits the records changed since the watermark, then the new watermark', async () => {
    const created = await createCustomers(2);
    const trace = await poll({ since: '2025-06-01' });
    expect(trace.status).toBe('succeeded');
    expect(outputOf(trace, 'poll')).toEqual(
      created.map((CustomerNumber) => ({ CustomerNumber, DateLastMaintained: '2025-06-30T00:00:00Z' })),
    );
    expect(outputOf(trace, 'poll', 'watermark')).toEqual([
      { watermark: '2025-06-30T00:00:00Z', since: '2025-06-01', count: 2 },
    ]);
    expect(decodeURIComponent(bench.sent[0]?.url ?? '')).toContain(
      "$filter=DateLastMaintained ge datetime'2025-06-01T00:00:00'",
    );
  });

  it('streams more than 100 customers over several pages, each exactly once', async () => {
    await createCustomers(25);
    const trace = await poll({ since: '2024-01-01' });
    const numbers = outputOf(trace, 'poll').map((record) => JSON.stringify(record));
    expect(numbers.length).toBeGreaterThan(100);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(bench.sent.map((request) => new URL(request.url).searchParams.get('$skip'))).toEqual([
      null,
      '100',
    ]);
    expect(outputOf(trace, 'poll', 'watermark')).toMatchObject([
      { watermark: '2025-06-30T00:00:00Z', count: numbers.length },
    ]);
  });

  it('keeps the watermark when nothing changed, and uses the initial since without one', async () => {
    const unchanged = await poll({ since: '2025-07-01' });
    expect(outputOf(unchanged, 'poll')).toEqual([]);
    expect(outputOf(unchanged, 'poll', 'watermark')).toEqual([
      { watermark: '2025-07-01', since: '2025-07-01', count: 0 },
    ]);
    await createCustomers(1);
    const first = await poll({}, { initialSince: '2025-06-30', comparison: 'gt' });
    expect(outputOf(first, 'poll', 'watermark')).toEqual([
      { watermark: '2025-06-30', since: '2025-06-30', count: 0 },
    ]);
  });

  it('fails with INPUT_INVALID for a since that is not a date', async () => {
    const trace = await poll({ since: 'yesterday' });
    expect(trace.error).toMatchObject({ code: 'INPUT_INVALID' });
    expect(bench.sent).toEqual([]);
  });
});
