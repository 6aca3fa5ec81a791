import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAGE300_RESOURCES } from '../../../connectors/sage300/sage300-resources.ts';
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

// start ─▶ update ─▶ (out)
const update = (item: Record<string, string>, options = {}) =>
  bench.run(
    [
      sageNode('update', 'sage300.updateCustomer', {
        customerNumber: 'number',
        body: '{ "PhoneNumber": phone, "OnHold": "Yes" }',
      }),
    ],
    ['start -> update'],
    [item],
    options,
  );

describe('sage300.updateCustomer', () => {
  it('patches only the properties in the body', async () => {
    const trace = await update({ number: 'C000001', phone: '+1 555 000 1111' });
    expect(trace.error).toBeUndefined();
    expect(outputOf(trace, 'update')).toEqual([{ CustomerNumber: 'C000001', updated: true }]);
    expect(nodeTrace(trace, 'update')?.http[0]).toMatchObject({ method: 'PATCH', status: 204 });
    const { client } = await bench.client();
    expect(
      await client.get(SAGE300_RESOURCES.customers, 'C000001', ['PhoneNumber', 'OnHold', 'GroupCode']),
    ).toEqual({ PhoneNumber: '+1 555 000 1111', OnHold: 'Yes', GroupCode: 'WEB' });
  });

  it('fails with CONNECTOR_NOT_FOUND for a customer Sage does not have', async () => {
    const trace = await update({ number: 'NOSUCH', phone: '1' });
    expect(trace.error).toMatchObject({ code: 'CONNECTOR_NOT_FOUND', remote: { code: 'RecordNotFound' } });
  });

  it('does not send the PATCH in dry-run', async () => {
    const trace = await update({ number: 'C000001', phone: '1' }, { dryRun: true });
    expect(bench.sent).toEqual([]);
    expect(outputOf(trace, 'update')).toMatchObject([{ dryRun: true, request: { method: 'PATCH' } }]);
  });
});
