import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { manualTriggerNode } from '../../nodes/manual-trigger/manual-trigger.node.ts';
import { defineNodeType, emit } from '../../nodes/node-type.ts';
import { NodeRegistry } from '../../nodes/registry.ts';
import { runFlow } from '../../run/executor.ts';
import { createAxiosTransport } from '../../run/http/axios-transport.ts';
import { errorFromResponse } from '../../run/http/http-errors.ts';
import { buildFlow } from '../../run/testing/flow-builder.ts';
import { createTestServices } from '../../run/testing/test-services.ts';
import { connectorRequest } from './connector-http.ts';

/** A server that answers with the statuses queued for it, then 200; it counts requests by method. */
let server: Server | undefined;
let statuses: number[] = [];
const seen: string[] = [];
async function start(): Promise<string> {
  server = createServer((request, response) => {
    seen.push(request.method ?? '');
    const status = statuses.shift() ?? 200;
    response.writeHead(
      status,
      status === 429 ? { 'retry-after': '0' } : { 'content-type': 'application/json' },
    );
    response.end(JSON.stringify(status === 200 ? { ok: true } : { message: `status ${status}` }));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  statuses = [];
  seen.length = 0;
});

const callNode = defineNodeType({
  kind: 'item',
  description: {
    type: 'test.call',
    version: 1,
    label: 'Call',
    category: 'connector',
    icon: 'plug',
    summary: 'calls',
    docs: '',
    trigger: false,
    inputs: [{ name: 'main', label: 'Items' }],
    outputs: [{ name: 'main', label: 'Items' }],
  },
  parameters: z.object({ url: z.string(), method: z.string() }),
  async executeItem(_json, context) {
    const response = await connectorRequest(
      context,
      { system: 'Test', backoffMs: 1, errorOf: (request, answer) => errorFromResponse(request, answer) },
      {
        method: context.parameters.method,
        url: context.parameters.url,
        ...(context.parameters.method === 'POST' ? { body: {} } : {}),
      },
    );
    return emit({ status: response.status, dryRun: response.dryRun ?? false });
  },
});
const registry = new NodeRegistry([manualTriggerNode, callNode]);

async function call(method: string, options: { dryRun?: boolean } = {}) {
  const url = await start();
  const transport = createAxiosTransport();
  try {
    const flow = buildFlow(
      [
        { id: 'start', type: 'core.manualTrigger' },
        { id: 'call', type: 'test.call', parameters: { url: `${url}/x`, method } },
      ],
      ['start -> call'],
    );
    return await runFlow({
      flow,
      registry,
      services: createTestServices({ http: transport }),
      input: [{}],
      dryRun: options.dryRun ?? false,
    });
  } finally {
    transport.close();
  }
}

describe('connectorRequest', () => {
  it('retries a read after 5xx and 429, and records every attempt', async () => {
    statuses = [500, 429];
    const trace = await call('GET');
    expect(trace.status).toBe('succeeded');
    expect(seen).toEqual(['GET', 'GET', 'GET']);
    expect(trace.nodes[1]?.http.map((exchange) => exchange.status)).toEqual([500, 429, 200]);
  });

  it('never repeats a write the server may have processed', async () => {
    statuses = [500];
    const trace = await call('POST');
    expect(trace.status).toBe('failed');
    expect(trace.error).toMatchObject({
      code: 'CONNECTOR_UNAVAILABLE',
      remote: { status: 500, message: 'status 500' },
    });
    expect(seen).toEqual(['POST']);
  });

  it('repeats a write the server refused unprocessed (429)', async () => {
    statuses = [429];
    const trace = await call('POST');
    expect(trace.status).toBe('succeeded');
    expect(seen).toEqual(['POST', 'POST']);
  });

  it('does not retry a validation error', async () => {
    statuses = [400];
    const trace = await call('GET');
    expect(trace.error).toMatchObject({ code: 'CONNECTOR_VALIDATION', retryable: false });
    expect(seen).toEqual(['GET']);
  });

  it('gives up after the last attempt', async () => {
    statuses = [503, 503, 503, 503];
    const trace = await call('GET');
    expect(trace.error?.code).toBe('CONNECTOR_UNAVAILABLE');
    expect(seen).toHaveLength(3);
  });

  it('passes a dry-run write through without sending it', async () => {
    const trace = await call('POST', { dryRun: true });
    expect(trace.outputs[0]?.items).toEqual([{ status: 200, dryRun: true }]);
    expect(seen).toEqual([]);
    expect(trace.nodes[1]?.http[0]?.dryRun).toBe(true);
  });
});
