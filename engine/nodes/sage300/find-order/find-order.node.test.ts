import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonRecord } from '../../../connectors/sage300/sage300-test-bench.ts';
import { customerNumber, webOrder } from '../../../simulators/sage300/sage300-order-fixtures.ts';
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

describe('sage300.findOrder', () => {
  it('finds a seeded order by PO number and sends an unknown one on notFound', async () => {
    const trace = await bench.run(
      [
        sageNode('find', 'sage300.findOrder', {
          purchaseOrderNumber: 'po',
          select: ['OrderNumber', 'PurchaseOrderNumber'],
        }),
      ],
      ['start -> find'],
      [{ po: 'HIST-0002' }, { po: '3DC-999' }],
    );
    expect(outputOf(trace, 'find', 'found')).toEqual([
      { OrderNumber: 'ORD000002', PurchaseOrderNumber: 'HIST-0002' },
    ]);
    expect(outputOf(trace, 'find', 'notFound')).toEqual([{ po: '3DC-999' }]);
  });

  it('narrows the search to a customer when asked', async () => {
    const trace = await bench.run(
      [sageNode('find', 'sage300.findOrder', { purchaseOrderNumber: 'po', customerNumber: 'customer' })],
      ['start -> find'],
      [
        { po: 'HIST-0001', customer: 'C000001' },
        { po: 'HIST-0001', customer: 'C999999' },
      ],
    );
    expect(outputOf(trace, 'find', 'found')).toMatchObject([{ PurchaseOrderNumber: 'HIST-0001' }]);
    expect(outputOf(trace, 'find', 'notFound')).toEqual([{ po: 'HIST-0001', customer: 'C999999' }]);
    expect(decodeURIComponent(bench.sent[0]?.url ?? '')).toContain(
      "$filter=(PurchaseOrderNumber eq 'HIST-0001') and (CustomerNumber eq 'C000001')",
    );
  });

  // start ─▶ find ─notFound─▶ create ─▶ (out)
  //               ─found─▶ (out)
  it('makes order creation idempotent: a redelivered order is found instead of created twice', async () => {
    const nodes = [
      sageNode('find', 'sage300.findOrder', { select: ['OrderUniquifier', 'OrderNumber'] }),
      sageNode('create', 'sage300.createOrder'),
    ];
    const order = jsonRecord(webOrder({ PurchaseOrderNumber: '3DC-100300', CustomerNumber: customerNumber }));
    const first = await bench.run(nodes, ['start -> find', 'find:notFound -> create'], [order]);
    expect(outputOf(first, 'create')).toMatchObject([
      { OrderNumber: 'ORD000007', PurchaseOrderNumber: '3DC-100300' },
    ]);
    const again = await bench.run(nodes, ['start -> find', 'find:notFound -> create'], [order]);
    expect(outputOf(again, 'find', 'found')).toEqual([{ OrderUniquifier: 100007, OrderNumber: 'ORD000007' }]);
    expect(outputOf(again, 'create')).toEqual([]);
    expect(bench.sent.filter((request) => request.method === 'POST')).toHaveLength(1);
  });
});
