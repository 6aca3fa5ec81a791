import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAxiosTransport } from '../../run/http/axios-transport.ts';
import { closedPort } from '../../run/http/test-server.ts';
import { createFakeClock, createMemoryLogger } from '../../run/testing/test-services.ts';
import {
  type RunningThreeDCartSimulator,
  startThreeDCartSimulator,
} from '../../simulators/threedcart/threedcart-simulator.ts';
import { testConnection } from './connection-test.ts';

const transport = createAxiosTransport();
const services = { http: transport, clock: createFakeClock(), logger: createMemoryLogger() };
let running: RunningThreeDCartSimulator | undefined;

beforeAll(async () => {
  running = await startThreeDCartSimulator({ storeUrl: 'https://connection-test.3dcartstores.com' });
});
afterAll(async () => {
  transport.close();
  await running?.close();
});
afterEach(() => running?.faults.configure({}));

function fields(overrides: Record<string, string> = {}): Record<string, string> {
  if (!running) throw new Error('The simulator is not running');
  const { secureUrl, privateKey, token } = running.simulator.credentials();
  return { apiUrl: running.apiUrl, secureUrl, privateKey, token, ...overrides };
}

describe('testConnection', () => {
  it('answers ok with what it found', async () => {
    const result = await testConnection(fields(), services);
    expect(result).toEqual({
      ok: true,
      value: {
        apiUrl: running?.apiUrl,
        secureUrl: 'https://connection-test.3dcartstores.com',
        orderStatusCount: 12,
      },
    });
  });

  it('answers the store’s own reason for a wrong token, the token masked', async () => {
    const result = await testConnection(fields({ token: 'not-the-token' }), services);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      code: 'CONNECTOR_AUTH',
      retryable: false,
      remote: {
        status: 401,
        message: expect.stringContaining('PrivateKey/Token/SecureURL combination is invalid'),
      },
    });
    expect(JSON.stringify(result)).not.toContain('not-the-token');
  });

  it('answers an incomplete credential and an unreachable store without throwing', async () => {
    const incomplete = await testConnection({ secureUrl: 'x' }, services);
    expect(incomplete).toMatchObject({ ok: false, error: { code: 'CONNECTOR_AUTH' } });
    const port = await closedPort();
    const unreachable = await testConnection(
      fields({ apiUrl: `http://127.0.0.1:${port}/3dCartWebAPI/v2` }),
      services,
    );
    expect(unreachable).toMatchObject({
      ok: false,
      error: { code: 'CONNECTOR_UNAVAILABLE', retryable: true },
    });
  });
});
