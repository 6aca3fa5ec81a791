import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAMP, quantities, unformatted } from '../../../simulators/sage300/sage300-order-fixtures.ts';
import { startTestSimulator } from '../../../simulators/sage300/sage300-test-client.ts';
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

/** Seeded quantities of the lamp at locations 1 and 2, read straight from a fresh simulator. */
async function seededLamp(): Promise<Record<string, unknown>[]> {
  const simulator = await startTestSimulator();
  try {
    return [await quantities(simulator, LAMP, '1'), await quantities(simulator, LAMP, '2')];
  } finally {
    await simulator.close();
  }
}

// start ─▶ stock ─▶ (out)
describe('sage300.getQuantities', () => {
  it('sums the quantities of every location and lists them', async () => {
    const trace = await bench.run(
      [sageNode('stock', 'sage300.getQuantities')],
      ['start -> stock'],
      [{ ItemNumber: LAMP }],
    );
    const seeded = await seededLamp();
    const sum = (name: string) => seeded.reduce((total, row) => total + Number(row[name]), 0);
    expect(outputOf(trace, 'stock')).toEqual([
      {
        ItemNumber: unformatted(LAMP),
        QuantityOnHand: sum('QuantityOnHand'),
        QuantityCommitted: sum('QuantityCommitted'),
        QuantityAvailableToShip: sum('QuantityAvailableToShip'),
        locations: seeded,
      },
    ]);
  });

  it('reads one location per item with perLocation output', async () => {
    const node = sageNode('stock', 'sage300.getQuantities', {
      itemNumber: 'sku',
      location: 'warehouse',
      output: 'perLocation',
      resultPath: 'stock',
    });
    const trace = await bench.run([node], ['start -> stock'], [{ sku: LAMP, warehouse: '2' }]);
    const [, atTwo] = await seededLamp();
    expect(outputOf(trace, 'stock')).toEqual([{ sku: LAMP, warehouse: '2', stock: atTwo }]);
  });

  it('gives zeros for an item no location holds', async () => {
    const trace = await bench.run(
      [sageNode('stock', 'sage300.getQuantities')],
      ['start -> stock'],
      [{ ItemNumber: 'ZZ-0' }],
    );
    expect(outputOf(trace, 'stock')).toEqual([
      {
        ItemNumber: 'ZZ0',
        QuantityOnHand: 0,
        QuantityCommitted: 0,
        QuantityAvailableToShip: 0,
        locations: [],
      },
    ]);
  });
});
