import { afterEach, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../contract/flow-document.ts';
import { exchangesOf, field, outputOf, startBench, type ThreeDCartBench } from '../threedcart-test-bench.ts';

let bench: ThreeDCartBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

const ids = (items: JsonValue[]) => items.map((item) => field(item, 'OrderID'));

describe('threedcart.ordersChanged', () => {
  // start ─▶ node ─▶ (orders)
  //               └─▶ (watermark)
  it('emits the orders changed since the watermark, oldest change first, then the new watermark', async () => {
    bench = await startBench();
    const { runNode, running } = bench;
    const since = '2025-03-10T00:00:00';
    const changed = running.simulator
      .state()
      .orders.filter((order) => order.LastUpdate >= since && order.OrderStatusID !== 7)
      .sort((left, right) => left.LastUpdate.localeCompare(right.LastUpdate) || left.OrderID - right.OrderID);
    expect(changed.length).toBeGreaterThan(3);

    const first = await runNode('threedcart.ordersChanged', { initialWatermark: since }, [{}]);
    expect(first.status).toBe('succeeded');
    expect(ids(outputOf(first))).toEqual(changed.map((order) => order.OrderID));
    const latest = changed.at(-1);
    expect(outputOf(first, 'watermark')).toEqual([
      {
        watermark: latest?.LastUpdate ?? null,
        orderIdsAtWatermark: [latest?.OrderID ?? 0],
        orderCount: changed.length,
      },
    ]);
    // Documented form of the Orders filter: the day only (§8); times are compared here.
    expect(exchangesOf(first)[0]?.url).toContain('lastupdatestart=03%2F10%2F2025');

    // Fed back unchanged, nothing is new.
    const watermark = outputOf(first, 'watermark')[0] ?? null;
    const second = await runNode('threedcart.ordersChanged', {}, [watermark]);
    expect(outputOf(second)).toEqual([]);
    expect(outputOf(second, 'watermark')).toEqual([{ ...(watermark as object), orderCount: 0 }]);
  });

  // start ─▶ node ─▶ (orders) / (watermark)
  it('catches an order changed in the same second as the watermark without repeating the others', async () => {
    bench = await startBench();
    const { runNode, running } = bench;
    running.simulator.setOrderStatus(20001, 2);
    const first = await runNode('threedcart.ordersChanged', { initialWatermark: '2026-01-01' }, [{}]);
    expect(ids(outputOf(first))).toEqual([20001]);
    const stamp = running.simulator.state().orders.find((order) => order.OrderID === 20001)?.LastUpdate;
    expect(outputOf(first, 'watermark')[0]).toMatchObject({ watermark: stamp, orderIdsAtWatermark: [20001] });

    // Same clock second: 3dcart times have no fraction.
    running.simulator.setOrderStatus(20002, 6);
    const second = await runNode('threedcart.ordersChanged', {}, outputOf(first, 'watermark'));
    expect(ids(outputOf(second))).toEqual([20002]);
    expect(outputOf(second, 'watermark')[0]).toMatchObject({
      watermark: stamp,
      orderIdsAtWatermark: [20001, 20002],
    });
  });

  // start ─▶ node ─▶ (orders)
  it('reads every order without a watermark, leaving out abandoned checkouts unless asked', async () => {
    bench = await startBench();
    const { runNode, running } = bench;
    const orders = running.simulator.state().orders;
    const completed = orders.filter((order) => order.OrderStatusID !== 7);
    const skipping = await runNode('threedcart.ordersChanged', {}, [{}]);
    expect(outputOf(skipping)).toHaveLength(completed.length);
    expect(outputOf(skipping, 'watermark')[0]).toMatchObject({ orderCount: completed.length });
    const all = await runNode('threedcart.ordersChanged', { skipNotCompleted: false }, [{}]);
    expect(outputOf(all)).toHaveLength(orders.length);
  });

  it('fails with INPUT_INVALID when the watermark is not a time', async () => {
    bench = await startBench();
    const trace = await bench.runNode('threedcart.ordersChanged', {}, [{ watermark: 'yesterday' }]);
    expect(trace.error).toMatchObject({
      code: 'INPUT_INVALID',
      message: expect.stringContaining('"yesterday"'),
    });
  });
});
