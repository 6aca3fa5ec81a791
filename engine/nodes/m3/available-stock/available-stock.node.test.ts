import { afterEach, describe, expect, it } from 'vitest';
import type { M3TestState } from '../../../simulators/m3/m3-test-client.ts';
import { type M3NodeBench, m3Node, outputOf, startM3NodeBench } from '../m3-node-test-bench.ts';

let bench: M3NodeBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

//  start ─▶ stock (m3.availableStock)
describe('m3.availableStock', () => {
  it('sums AV01 over the configured warehouses and counts one without the item as zero', async () => {
    bench = await startM3NodeBench();
    const { balances } = (await bench.state()) as M3TestState;
    const warehousesOf = (item: string) => balances.filter((balance) => balance.ITNO === item);
    const item = balances.find((balance) => warehousesOf(balance.ITNO ?? '').length === 2)?.ITNO ?? '';
    const [central, other] = warehousesOf(item);
    const missing = ['100', '200', '300'].find(
      (warehouse) => !warehousesOf(item).some((b) => b.WHLO === warehouse),
    );
    const node = m3Node('stock', 'm3.availableStock', { warehouses: ['100', '200', '300'] });
    const trace = await bench.run([node], ['start -> stock'], [{ ITNO: item }]);
    expect(trace.status).toBe('succeeded');
    expect(outputOf(trace, 'stock')).toEqual([
      {
        ITNO: item,
        quantityField: 'AV01',
        available: Number(central?.AV01) + Number(other?.AV01),
        warehouses: expect.arrayContaining([
          { WHLO: central?.WHLO, quantity: Number(central?.AV01) },
          { WHLO: other?.WHLO, quantity: Number(other?.AV01) },
          {
            WHLO: missing,
            quantity: 0,
            missing: `Item number ${item} does not exist in warehouse ${missing}`,
          },
        ]),
      },
    ]);
  });

  it('fails the item on a missing balance when told to', async () => {
    bench = await startM3NodeBench();
    const node = m3Node('stock', 'm3.availableStock', { warehouses: ['100', 'XXX'], missingBalance: 'fail' });
    const { balances } = (await bench.state()) as M3TestState;
    const trace = await bench.run([node], ['start -> stock'], [{ ITNO: balances[0]?.ITNO ?? '' }]);
    expect(trace.error).toMatchObject({ code: 'CONNECTOR_VALIDATION', remote: { field: 'WHLO' } });
  });
});
