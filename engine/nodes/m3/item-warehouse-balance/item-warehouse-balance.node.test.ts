import { afterEach, describe, expect, it } from 'vitest';
import type { M3TestState } from '../../../simulators/m3/m3-test-client.ts';
import { type M3NodeBench, m3Node, outputOf, startM3NodeBench } from '../m3-node-test-bench.ts';

let bench: M3NodeBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

//  start ─▶ balance (m3.itemWarehouseBalance)
describe('m3.itemWarehouseBalance', () => {
  it('reads MMS200MI/GetItmWhsBal for the item and warehouse of each item (v1 and v2 alike)', async () => {
    bench = await startM3NodeBench();
    const [balance] = ((await bench.state()) as M3TestState).balances;
    const { locations: _locations, ...expected } = balance ?? { locations: [] };
    for (const apiVersion of ['v1', 'v2']) {
      const node = m3Node('balance', 'm3.itemWarehouseBalance', { apiVersion, warehouse: '{{ warehouse }}' });
      const trace = await bench.run(
        [node],
        ['start -> balance'],
        [{ ITNO: balance?.ITNO ?? '', warehouse: balance?.WHLO ?? '' }],
      );
      expect(outputOf(trace, 'balance')).toEqual([expected]);
    }
  });
});
