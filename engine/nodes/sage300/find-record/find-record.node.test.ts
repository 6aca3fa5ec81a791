import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateFlow } from '../../../flow/validate-flow.ts';
import { buildFlow } from '../../../run/testing/flow-builder.ts';
import { createCoreRegistry } from '../../core-node-types.ts';
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

describe('sage300.findRecord', () => {
  // start ─▶ find ─found/notFound─▶ (out)
  it('finds a record of any resource by one property, exact or by prefix', async () => {
    const trace = await bench.run(
      [
        sageNode('exact', 'sage300.findRecord', {
          resource: 'OE/OEOrders',
          property: 'PurchaseOrderNumber',
          value: 'po',
          select: ['OrderNumber'],
        }),
      ],
      ['start -> exact'],
      [{ po: 'HIST-0002' }, { po: 'NOPE-1' }],
    );
    expect(outputOf(trace, 'exact', 'found')).toEqual([{ OrderNumber: 'ORD000002' }]);
    expect(outputOf(trace, 'exact', 'notFound')).toEqual([{ po: 'NOPE-1' }]);

    const prefix = await bench.run(
      [
        sageNode('prefix', 'sage300.findRecord', {
          resource: 'AR/ARCustomers',
          property: 'CustomerNumber',
          operator: 'startsWith',
          value: '"C00000"',
          select: ['CustomerNumber'],
        }),
      ],
      ['start -> prefix'],
      [{}],
    );
    expect(outputOf(prefix, 'prefix', 'found')).toEqual([
      { CustomerNumber: expect.stringMatching(/^C00000/) },
    ]);
  });

  it('reports a resource that is not {module}/{name} when the flow is validated', () => {
    const flow = buildFlow(
      [
        { id: 'start', type: 'core.manualTrigger' },
        {
          id: 'find',
          type: 'sage300.findRecord',
          parameters: { resource: 'ARCustomers' },
          credentials: { erp: 'x' },
        },
      ],
      ['start -> find'],
    );
    const problems = validateFlow(flow, createCoreRegistry());
    expect(problems.map((problem) => problem.path)).toContain('nodes[1].parameters.resource');
  });
});
