import { afterEach, describe, expect, it } from 'vitest';
import type { M3TestState } from '../../../simulators/m3/m3-test-client.ts';
import { type M3NodeBench, m3Node, outputOf, startM3NodeBench } from '../m3-node-test-bench.ts';

let bench: M3NodeBench | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
});

/** A CRS610MI/Add record as the mapping node makes it (reference E5). */
const JANE = {
  CUNO: 'WEB000123',
  CUNM: 'Jane Doe',
  CUA1: '12 Main St',
  TOWN: 'Austin',
  ECAR: 'TX',
  PONO: 78701,
  CSCD: 'US',
  MAIL: 'jane@example.com',
  note: 'not an M3 field',
};

//  start ─▶ add (m3.addCustomer)
describe('m3.addCustomer', () => {
  it('creates the customer from the template and outputs what was sent with M3’s answer', async () => {
    bench = await startM3NodeBench();
    const node = m3Node('add', 'm3.addCustomer', { recordPath: 'customer', templateCustomer: 'TMPLWEB' });
    const trace = await bench.run([node], ['start -> add'], [{ customer: JANE }]);
    expect(trace.status).toBe('succeeded');
    const { note: _note, ...fields } = JANE;
    expect(outputOf(trace, 'add')).toEqual([{ ...fields, PONO: '78701', CUTM: 'TMPLWEB', ERRM: '' }]);
    const state = (await bench.state()) as M3TestState;
    expect(state.customers.find((customer) => customer.CUNO === 'WEB000123')).toMatchObject({
      CUNM: 'Jane Doe',
      MAIL: 'jane@example.com',
      ORTP: 'WEB',
      RGDT: '20261122',
    });
  });

  it('in dry-run records the Add with the credential masked and M3 never receives it', async () => {
    bench = await startM3NodeBench();
    const node = m3Node('add', 'm3.addCustomer', { templateCustomer: 'TMPLWEB' });
    const trace = await bench.run([node], ['start -> add'], [JANE], { dryRun: true });
    expect(trace).toMatchObject({ status: 'succeeded', dryRun: true });
    expect(outputOf(trace, 'add')).toEqual([expect.objectContaining({ CUNO: 'WEB000123', dryRun: true })]);
    expect(bench.m3.sent).toHaveLength(0);
    const state = (await bench.state()) as M3TestState;
    expect(state.customers.some((customer) => customer.CUNO === 'WEB000123')).toBe(false);
    const [exchange, ...others] = trace.nodes.find((node) => node.nodeId === 'add')?.http ?? [];
    expect(others).toEqual([]);
    expect(exchange).toMatchObject({
      method: 'GET',
      dryRun: true,
      requestHeaders: { authorization: 'Basic ***' },
    });
    expect(exchange?.url).toContain(
      '/m3api-rest/v2/execute/CRS610MI/Add?cono=100&CUNO=WEB000123&CUNM=Jane+Doe',
    );
    const { password } = bench.m3.simulator.credentials().basic;
    expect(JSON.stringify(trace)).not.toContain(password);
  });

  it('fails with CONNECTOR_VALIDATION naming a missing mandatory field after one request', async () => {
    bench = await startM3NodeBench();
    const { CUA1: _address, ...withoutAddress } = JANE;
    const node = m3Node('add', 'm3.addCustomer', { templateCustomer: 'TMPLWEB' });
    const trace = await bench.run([node], ['start -> add'], [withoutAddress]);
    expect(trace.error).toMatchObject({
      code: 'CONNECTOR_VALIDATION',
      retryable: false,
      remote: { field: 'CUA1', code: 'MandatoryInputFieldNotFound' },
    });
    expect(bench.m3.sent).toHaveLength(1);
  });
});
