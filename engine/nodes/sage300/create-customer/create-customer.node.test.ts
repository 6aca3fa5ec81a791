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

// E3 of the reference: a web customer as a 3dcart → Sage flow creates it.
const JANE = {
  CustomerNumber: 'WEB000123',
  CustomerName: 'Jane Doe',
  GroupCode: 'RTL',
  City: 'Austin',
  Email: 'jane@example.com',
};

// start ─▶ create ─▶ (out)
const create = (item: Record<string, string>, parameters = {}, options = {}) =>
  bench.run([sageNode('create', 'sage300.createCustomer', parameters)], ['start -> create'], [item], options);

describe('sage300.createCustomer', () => {
  it('creates the customer and outputs it with the group defaults Sage filled in', async () => {
    const trace = await create(JANE, { resultPath: 'sage' });
    expect(trace.status).toBe('succeeded');
    const [item] = outputOf(trace, 'create');
    expect(item).toMatchObject({
      ...JANE,
      sage: { ...JANE, Status: 'Active', DateLastMaintained: '2025-06-30T00:00:00Z' },
    });
    const { client } = await bench.client();
    expect(await client.get(SAGE300_RESOURCES.customers, 'WEB000123', ['CustomerName'])).toEqual({
      CustomerName: 'Jane Doe',
    });
  });

  it('sends the body expression’s result in the order written', async () => {
    const trace = await create(
      { id: 'web-9', name: 'Ann Lee', mail: 'ann@example.com' },
      {
        body: '{ "CustomerNumber": $uppercase($replace(id, "-", "")), "GroupCode": "WEB", "CustomerName": name, "Email": mail }',
      },
    );
    expect(outputOf(trace, 'create')).toMatchObject([{ CustomerNumber: 'WEB9', CustomerName: 'Ann Lee' }]);
    expect(Object.keys(Object(nodeTrace(trace, 'create')?.http[0]?.requestBody))).toEqual([
      'CustomerNumber',
      'GroupCode',
      'CustomerName',
      'Email',
    ]);
  });

  it('fails with CONNECTOR_VALIDATION and Sage’s message for a customer number that exists', async () => {
    const trace = await create({ ...JANE, CustomerNumber: 'C000001' });
    expect(trace.status).toBe('failed');
    expect(trace.error).toMatchObject({
      code: 'CONNECTOR_VALIDATION',
      nodeId: 'create',
      retryable: false,
      remote: { status: 409, code: 'RecordDuplicate' },
    });
    expect(trace.error?.message).toContain(trace.error?.remote?.message);
  });

  it('in dry-run sends nothing, says so in its output and records the masked exchange', async () => {
    const trace = await create(JANE, {}, { dryRun: true });
    expect(trace.status).toBe('succeeded');
    expect(bench.sent).toEqual([]);
    expect(outputOf(trace, 'create')).toMatchObject([
      {
        dryRun: true,
        message: 'Write intercepted by dry-run; not sent',
        request: { method: 'POST', body: JANE },
      },
    ]);
    const [exchange] = nodeTrace(trace, 'create')?.http ?? [];
    expect(exchange).toMatchObject({
      method: 'POST',
      dryRun: true,
      requestHeaders: { Authorization: 'Basic ***' },
    });
  });
});
