import { afterEach, describe, expect, it } from 'vitest';
import type { M3TestState } from '../../../simulators/m3/m3-test-client.ts';
import { type M3NodeBench, m3Node, outputOf, startM3NodeBench } from '../m3-node-test-bench.ts';

let bench: M3NodeBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

//  start ─▶ mi (m3.miTransaction)
describe('m3.miTransaction', () => {
  it('runs a transaction with templated fields and gives one item per record when asked', async () => {
    bench = await startM3NodeBench();
    const [order] = ((await bench.state()) as M3TestState).orders;
    for (const apiVersion of ['v1', 'v2']) {
      const node = m3Node('mi', 'm3.miTransaction', {
        program: 'ois100mi',
        transaction: 'LstLine',
        fields: [{ name: 'ORNO', value: '{{ $substringAfter(ref, "#") }}' }],
        maxRecords: 0,
        returnColumns: ['PONR', 'ITNO', 'ORQT'],
        split: true,
        apiVersion,
      });
      const trace = await bench.run([node], ['start -> mi'], [{ ref: `order#${order?.ORNO}` }]);
      expect(outputOf(trace, 'mi')).toEqual(
        order?.lines.map((line) => ({ PONR: line.PONR, ITNO: line.ITNO, ORQT: line.ORQT })),
      );
    }
  });

  it('outputs { program, transaction, records } and fails only the item M3 refused', async () => {
    bench = await startM3NodeBench();
    const [customer] = ((await bench.state()) as M3TestState).customers;
    const node = m3Node('mi', 'm3.miTransaction', {
      program: 'CRS610MI',
      transaction: 'GetBasicData',
      fields: [{ name: 'CUNO', value: '{{ CUNO }}' }],
      returnColumns: ['CUNO', 'CUNM'],
    });
    const tolerant = { ...node, settings: { continueOnError: true } };
    const trace = await bench.run(
      [tolerant],
      ['start -> mi'],
      [{ CUNO: 'NOSUCH' }, { CUNO: customer?.CUNO ?? '' }],
    );
    expect(outputOf(trace, 'mi')).toEqual([
      {
        program: 'CRS610MI',
        transaction: 'GetBasicData',
        records: [{ CUNO: customer?.CUNO, CUNM: customer?.CUNM }],
      },
    ]);
    const errors = trace.nodes.find((entry) => entry.nodeId === 'mi')?.errors;
    expect(errors).toMatchObject([
      {
        itemIndex: 0,
        handling: 'dropped',
        error: { code: 'CONNECTOR_VALIDATION', remote: { code: 'XIM0002' } },
      },
    ]);
  });

  it('lets Write decide dry-run interception: a Chg is recorded, so is a read marked as a write', async () => {
    bench = await startM3NodeBench();
    const [customer] = ((await bench.state()) as M3TestState).customers;
    const change = m3Node('change', 'm3.miTransaction', {
      program: 'CRS610MI',
      transaction: 'ChgBasicData',
      fields: [
        { name: 'CUNO', value: '{{ CUNO }}' },
        { name: 'TOWN', value: 'Nowhere' },
      ],
    });
    const trace = await bench.run([change], ['start -> change'], [{ CUNO: customer?.CUNO ?? '' }], {
      dryRun: true,
    });
    expect(outputOf(trace, 'change')).toEqual([
      { program: 'CRS610MI', transaction: 'ChgBasicData', records: [], dryRun: true },
    ]);
    expect(bench.m3.sent).toHaveLength(0);
    const forcedRead = m3Node('read', 'm3.miTransaction', {
      program: 'CRS610MI',
      transaction: 'LstByNumber',
      maxRecords: 1,
      write: 'write',
    });
    const intercepted = await bench.run([forcedRead], ['start -> read'], [{}], { dryRun: true });
    expect(outputOf(intercepted, 'read')).toEqual([expect.objectContaining({ dryRun: true })]);
    expect(bench.m3.sent).toHaveLength(0);
  });
});
