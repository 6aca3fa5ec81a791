import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testSage300Connection } from './sage300-connection.ts';
import { type Sage300TestBench, startSage300TestBench } from './sage300-test-bench.ts';

let bench: Sage300TestBench;
beforeEach(async () => {
  bench = await startSage300TestBench();
});
afterEach(async () => {
  await bench.close();
});

describe('testSage300Connection', () => {
  it('is ok when Sage accepts the sign-on, and records the call with secrets masked', async () => {
    const result = await testSage300Connection(bench.fields, bench.services);
    expect(result).toMatchObject({ ok: true, message: 'Signed on to SAMINC as WEBAPI' });
    expect(result.http).toMatchObject([
      { method: 'GET', status: 200, requestHeaders: { Authorization: 'Basic ***' } },
    ]);
  });

  it.each([
    [{ password: 'WRONG-PASSWORD' }, 'The user ID or password is incorrect.'],
    [{ company: 'SAMXYZ' }, 'User WEBAPI cannot sign on to company SAMXYZ.'],
    [{ username: 'OEUSER', password: 'OEUSER' }, 'User OEUSER has no Web API rights for module AR.'],
  ])('gives Sage’s own reason when it refuses %o', async (change, reason) => {
    const result = await testSage300Connection({ ...bench.fields, ...change }, bench.services);
    expect(result).toMatchObject({ ok: false, reason, error: { code: 'CONNECTOR_AUTH', retryable: false } });
  });

  it('names the fields of a credential it cannot use, without calling Sage', async () => {
    const result = await testSage300Connection(
      { ...bench.fields, baseUrl: `${bench.simulator.url}/Sage300WebApi/v1.0/-/SAMINC`, username: '' },
      bench.services,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(/baseUrl must stop at the application path.*username is required/);
    expect(bench.sent).toEqual([]);
  });

  it('reports an unreachable server as CONNECTOR_UNAVAILABLE', async () => {
    const url = bench.simulator.url;
    await bench.simulator.close();
    const result = await testSage300Connection(
      { ...bench.fields, baseUrl: `${url}/Sage300WebApi` },
      bench.services,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'CONNECTOR_UNAVAILABLE' } });
    if (!result.ok) expect(result.reason).toContain('refused the connection');
  });
});
