import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAMP, lampProduct, unformatted } from '../../../simulators/sage300/sage300-order-fixtures.ts';
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

// start ─▶ item ─▶ (out)
describe('sage300.getItem', () => {
  it('reads an item by its formatted or its unformatted number', async () => {
    expect(LAMP).not.toBe(unformatted(LAMP));
    const trace = await bench.run(
      [
        sageNode('item', 'sage300.getItem', {
          itemNumber: 'sku',
          select: ['ItemNumber', 'Description'],
          resultPath: 'erpItem',
        }),
      ],
      ['start -> item'],
      [{ sku: LAMP }, { sku: unformatted(LAMP) }],
    );
    const expected = { ItemNumber: LAMP, Description: lampProduct?.name };
    expect(outputOf(trace, 'item')).toEqual([
      { sku: LAMP, erpItem: expected },
      { sku: unformatted(LAMP), erpItem: expected },
    ]);
  });

  it('fails with CONNECTOR_NOT_FOUND for an item Sage does not have', async () => {
    const trace = await bench.run(
      [sageNode('item', 'sage300.getItem')],
      ['start -> item'],
      [{ ItemNumber: 'NO-SUCH' }],
    );
    expect(trace.error).toMatchObject({
      code: 'CONNECTOR_NOT_FOUND',
      message: 'Sage 300 has no IC item NO-SUCH',
    });
  });
});
