import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FlowDocument, JsonValue } from '../../engine/contract/flow-document.ts';
import { parseFlowText } from '../../engine/flow/load-flow.ts';
import { createSampleLookups } from '../../engine/mapping/testing/sample-lookups.ts';
import { createCoreRegistry } from '../../engine/nodes/core-node-types.ts';
import { runFlow } from '../../engine/run/executor.ts';
import { type ClosableHttpTransport, createAxiosTransport } from '../../engine/run/http/axios-transport.ts';
import { createTestServices } from '../../engine/run/testing/test-services.ts';
import { type Sandbox, sandboxCredentials, startSandbox } from '../../engine/simulators/sandbox.ts';

// What the Sage 300 template tests share: a sandbox with the credentials the templates name
// (`threedcart-store`, `sage300-erp`), the sample lookup tables and runs over real HTTP.

export const TEMPLATES = join(import.meta.dirname, '../../flows/templates');

export type JsonRecord = { [key: string]: JsonValue };

export function readJson(path: string): JsonValue {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function loadFlow(path: string): FlowDocument {
  const { document, problems } = parseFlowText(readFileSync(path, 'utf8'));
  if (!document) throw new Error(`${path}: ${JSON.stringify(problems)}`);
  return document;
}

export interface TemplateBench {
  sandbox: Sandbox;
  run(flow: FlowDocument, input: readonly JsonValue[]): ReturnType<typeof runFlow>;
  storeRequest(method: string, path: string, body?: JsonValue): Promise<JsonValue>;
  sageRequest(method: string, path: string, body?: JsonValue): Promise<JsonValue>;
  /** The SAMINC company of the Sage simulator's `_admin/state`. */
  sageState(): Promise<JsonRecord>;
  close(): Promise<void>;
}

export async function startTemplateBench(): Promise<TemplateBench> {
  const sandbox = await startSandbox({ portBase: 0 });
  const transport: ClosableHttpTransport = createAxiosTransport();
  const lookups = createSampleLookups(1);
  const secrets = sandboxCredentials(sandbox);
  const store = sandbox.threedcart.simulator.credentials();
  const registry = createCoreRegistry();
  const storeHeaders = { SecureURL: store.secureUrl, PrivateKey: store.privateKey, Token: store.token };
  const sageHeaders = {
    authorization: `Basic ${Buffer.from(`${secrets['sage300-erp']?.username}:${secrets['sage300-erp']?.password}`).toString('base64')}`,
  };
  const request = async (url: string, headers: Record<string, string>, method: string, body?: JsonValue) => {
    const response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
    return text === '' ? null : JSON.parse(text);
  };
  return {
    sandbox,
    run: (flow, input) =>
      runFlow({
        flow,
        registry,
        input,
        services: createTestServices({ http: transport, secrets, lookups: lookups.resolver }),
      }),
    storeRequest: (method, path, body) =>
      request(`${sandbox.threedcart.apiUrl}/${path}`, storeHeaders, method, body),
    sageRequest: (method, path, body) =>
      request(`${sandbox.sage300.url}/Sage300WebApi/v1.0/-/SAMINC/${path}`, sageHeaders, method, body),
    async sageState() {
      const state = (await request(`${sandbox.sage300.url}/_admin/state`, {}, 'GET')) as {
        companies: { SAMINC: JsonRecord };
      };
      return state.companies.SAMINC;
    },
    async close() {
      transport.close();
      await sandbox.close();
    },
  };
}
