import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  nodeTrace,
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

// start ─▶ find ─found─▶ (out)
//               ─notFound─▶ (out)
const find = (parameters: Parameters<typeof sageNode>[2]) =>
  bench.run(
    [sageNode('find', 'sage300.findCustomer', parameters)],
    ['start -> find'],
    [
      { CustomerNumber: 'C000001', BillingEmail: 'carlos.garcia1@example.com', OrderID: 7 },
      { CustomerNumber: 'NOSUCH', BillingEmail: 'nobody@example.com', OrderID: 8 },
    ],
  );

describe('sage300.findCustomer', () => {
  it('finds customers by number and sends the others on notFound unchanged', async () => {
    const trace = await find({ by: 'number', value: 'CustomerNumber', select: ['CustomerNumber', 'Email'] });
    expect(trace.status).toBe('succeeded');
    expect(outputOf(trace, 'find', 'found')).toEqual([
      { CustomerNumber: 'C000001', Email: 'carlos.garcia1@example.com' },
    ]);
    expect(outputOf(trace, 'find', 'notFound')).toEqual([
      { CustomerNumber: 'NOSUCH', BillingEmail: 'nobody@example.com', OrderID: 8 },
    ]);
    expect(nodeTrace(trace, 'find')?.http.map((exchange) => exchange.url)).toEqual([
      expect.stringMatching(/\/AR\/ARCustomers\('C000001'\)\?\$select=CustomerNumber,Email$/),
      expect.stringMatching(/\/AR\/ARCustomers\('NOSUCH'\)\?\$select=CustomerNumber,Email$/),
    ]);
  });

  it('finds customers by e-mail and keeps the item with the customer at the result path', async () => {
    const trace = await find({
      by: 'email',
      value: 'BillingEmail',
      select: ['CustomerNumber'],
      resultPath: 'sage.customer',
    });
    expect(outputOf(trace, 'find', 'found')).toEqual([
      {
        CustomerNumber: 'C000001',
        BillingEmail: 'carlos.garcia1@example.com',
        OrderID: 7,
        sage: { customer: { CustomerNumber: 'C000001' } },
      },
    ]);
    expect(outputOf(trace, 'find', 'notFound')).toHaveLength(1);
    expect(bench.sent[0]?.url).toContain(
      "$filter=Email%20eq%20'carlos.garcia1%40example.com'&$select=CustomerNumber&$top=2",
    );
  });

  it('still looks up in dry-run, because lookups are reads', async () => {
    const trace = await bench.run(
      [sageNode('find', 'sage300.findCustomer', { value: 'CustomerNumber' })],
      ['start -> find'],
      [{ CustomerNumber: 'C000002' }],
      { dryRun: true },
    );
    expect(outputOf(trace, 'find', 'found')).toMatchObject([{ CustomerNumber: 'C000002', GroupCode: 'WHL' }]);
    expect(nodeTrace(trace, 'find')?.http[0]?.dryRun).toBe(false);
  });

  it('fails the item with INPUT_INVALID when the expression gives nothing', async () => {
    const trace = await bench.run(
      [sageNode('find', 'sage300.findCustomer', { value: 'CustomerNumber' })],
      ['start -> find'],
      [{ OrderID: 1 }],
    );
    expect(trace.error).toMatchObject({ code: 'INPUT_INVALID', nodeId: 'find', itemIndex: 0 });
    expect(bench.sent).toEqual([]);
  });
});
