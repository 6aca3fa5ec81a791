import { afterEach, describe, expect, it } from 'vitest';
import { json, type SimulatorRoute } from './simulator-http.ts';
import { type RunningSimulator, type SimulatorDefinition, startSimulator } from './simulator-server.ts';

let state = { hits: 0 };
const routes: SimulatorRoute[] = [
  {
    method: 'GET',
    pattern: /^\/things\/(?<id>\d+)$/,
    handler: (request) => {
      state.hits++;
      return json(200, { id: Number(request.params.id), q: request.query.get('q') });
    },
  },
  {
    method: 'POST',
    pattern: /^\/things$/,
    handler: (request) => json(201, JSON.parse(request.body.toString())),
  },
];
const definition: SimulatorDefinition = {
  name: 'test',
  routes,
  state: () => state,
  reset: () => {
    state = { hits: 0 };
  },
  faultBody: (status) => ({ message: `fault ${status}` }),
  maxBodyBytes: 1_000,
};

let running: RunningSimulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  definition.reset();
});

async function start(faults = {}): Promise<RunningSimulator> {
  running = await startSimulator(definition, { faults });
  return running;
}

describe('startSimulator', () => {
  it('routes requests with params and query, and answers 404 and 405', async () => {
    const { url } = await start();
    expect(await (await fetch(`${url}/things/7?q=x`)).json()).toEqual({ id: 7, q: 'x' });
    expect((await fetch(`${url}/nothing`)).status).toBe(404);
    expect((await fetch(`${url}/things/7`, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(`${url}/things`, { method: 'POST', body: 'x'.repeat(2_000) })).status).toBe(413);
  });

  it('shows and resets state through the admin endpoints', async () => {
    const { url } = await start();
    await fetch(`${url}/things/1`);
    expect(await (await fetch(`${url}/_admin/state`)).json()).toEqual({ hits: 1 });
    await fetch(`${url}/_admin/reset`, { method: 'POST' });
    expect(await (await fetch(`${url}/_admin/state`)).json()).toEqual({ hits: 0 });
  });

  it('injects server errors in the system shape', async () => {
    const { url } = await start({ errorRate: 1, errorStatus: 502 });
    const response = await fetch(`${url}/things/1`);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ message: 'fault 502' });
    expect(state.hits).toBe(0);
  });

  it('answers a burst of 429s with Retry-After, then serves normally', async () => {
    const { url } = await start({ rateLimitBurst: 2, retryAfterSeconds: 3 });
    const statuses = [];
    for (let index = 0; index < 3; index++) {
      const response = await fetch(`${url}/things/1`);
      statuses.push([response.status, response.headers.get('retry-after')]);
    }
    expect(statuses).toEqual([
      [429, '3'],
      [429, '3'],
      [200, null],
    ]);
  });

  it('adds latency, sends malformed bodies and never answers on timeouts', async () => {
    const simulator = await start({ latencyMs: 120 });
    const started = performance.now();
    await fetch(`${simulator.url}/things/1`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);

    await fetch(`${simulator.url}/_admin/faults`, {
      method: 'PUT',
      body: JSON.stringify({ malformedRate: 1 }),
    });
    await expect((await fetch(`${simulator.url}/things/1`)).json()).rejects.toThrow();

    await fetch(`${simulator.url}/_admin/faults`, {
      method: 'PUT',
      body: JSON.stringify({ timeoutRate: 1 }),
    });
    await expect(fetch(`${simulator.url}/things/1`, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
  });

  it('refuses fault settings it does not understand, naming the field', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/_admin/faults`, {
      method: 'PUT',
      body: JSON.stringify({ errorRate: 2 }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: expect.stringMatching(/errorRate/) });
  });
});
