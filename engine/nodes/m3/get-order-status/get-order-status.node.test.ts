import { afterEach, describe, expect, it } from 'vitest';
import type { M3TestState } from '../../../simulators/m3/m3-test-client.ts';
import { type M3NodeBench, m3Node, outputOf, startM3NodeBench } from '../m3-node-test-bench.ts';
import { describeLineStatus } from './order-status.ts';

let bench: M3NodeBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

//  start ─▶ status (m3.getOrderStatus)
describe('m3.getOrderStatus', () => {
  it('reads the order head with its status in words, and the lines when asked', async () => {
    bench = await startM3NodeBench();
    const [order] = ((await bench.state()) as M3TestState).orders;
    const node = m3Node('status', 'm3.getOrderStatus', { includeLines: true }, 'm3-ion');
    const trace = await bench.run([node], ['start -> status'], [{ orderNumber: order?.ORNO ?? '' }]);
    expect(outputOf(trace, 'status')).toEqual([
      expect.objectContaining({
        ORNO: order?.ORNO,
        STAT: '20',
        ORSL: '33',
        ORST: '33',
        lowestStatusText: 'allocated',
        highestStatusText: 'allocated',
        lines: order?.lines.map((line) => expect.objectContaining({ PONR: line.PONR, ITNO: line.ITNO })),
      }),
    ]);
  });
});

describe('describeLineStatus', () => {
  it('reads two-digit line statuses and the exceptions (reference B9)', () => {
    expect(describeLineStatus('22')).toBe('left to allocate');
    expect(describeLineStatus('23')).toBe('left to allocate / allocated');
    expect(describeLineStatus('77')).toBe('invoiced');
    expect(describeLineStatus('05')).toBe('quotation');
    expect(describeLineStatus('99')).toBe('completed without delivery');
    expect(describeLineStatus('')).toBe('');
  });
});
