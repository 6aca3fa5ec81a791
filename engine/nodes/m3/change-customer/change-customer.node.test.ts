import { afterEach, describe, expect, it } from 'vitest';
import type { M3TestState } from '../../../simulators/m3/m3-test-client.ts';
import { type M3NodeBench, m3Node, outputOf, startM3NodeBench } from '../m3-node-test-bench.ts';

let bench: M3NodeBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

//  start ─▶ change (m3.changeCustomer)
describe('m3.changeCustomer', () => {
  it('changes the fields given with CRS610MI/ChgBasicData and leaves the others', async () => {
    bench = await startM3NodeBench();
    const [customer] = ((await bench.state()) as M3TestState).customers;
    const node = m3Node('change', 'm3.changeCustomer', { customerNumber: '{{ id }}', recordPath: 'changes' });
    const item = { id: customer?.CUNO ?? '', changes: { MAIL: 'new@example.com', TOWN: 'Boston', CUNM: '' } };
    const trace = await bench.run([node], ['start -> change'], [item]);
    expect(outputOf(trace, 'change')).toEqual([
      { MAIL: 'new@example.com', TOWN: 'Boston', CUNO: customer?.CUNO },
    ]);
    const changed = ((await bench.state()) as M3TestState).customers.find(
      (entry) => entry.CUNO === customer?.CUNO,
    );
    expect(changed).toMatchObject({
      MAIL: 'new@example.com',
      TOWN: 'Boston',
      CUNM: customer?.CUNM,
      LMDT: '20261122',
    });
  });
});
