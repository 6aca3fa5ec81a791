import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { FlowDocument, JsonValue } from '../../engine/contract/flow-document.ts';
import type { RunTrace } from '../../engine/contract/run-trace.ts';
import { formatFlow } from '../../engine/flow/flow-format.ts';
import { parseFlowText } from '../../engine/flow/load-flow.ts';
import { validateFlow } from '../../engine/flow/validate-flow.ts';
import { createCoreRegistry } from '../../engine/nodes/core-node-types.ts';
import { runFlow } from '../../engine/run/executor.ts';
import { type ClosableHttpTransport, createAxiosTransport } from '../../engine/run/http/axios-transport.ts';
import { systemClock } from '../../engine/run/system-services.ts';
import { createTestServices } from '../../engine/run/testing/test-services.ts';
import { type Sandbox, sandboxCredentials, startSandbox } from '../../engine/simulators/sandbox.ts';

// Shared by the customer-sync and shipment-to-threedcart template tests: the sandbox over real HTTP,
// the template's credentials, and readers of each simulator's `_admin/state`.

const templates = resolve(import.meta.dirname, '../../flows/templates');
const registry = createCoreRegistry();

/** A template's flow file, parsed. */
export function loadTemplate(folder: string, file: string): FlowDocument {
  const { document, problems } = parseFlowText(readFileSync(join(templates, folder, file), 'utf8'));
  if (!document) throw new Error(`${folder}/${file}: ${JSON.stringify(problems)}`);
  return document;
}

/** A sample payload of a template (`samples/<name>`). */
export function loadSample(folder: string, name: string): JsonValue {
  return JSON.parse(readFileSync(join(templates, folder, 'samples', name), 'utf8'));
}

/** The sandbox plus a transport, and runFlow with the template credentials `threedcart-store` / `sage300-erp`. */
export interface TemplateBench {
  sandbox: Sandbox;
  run(flow: FlowDocument, input: JsonValue): Promise<RunTrace>;
  close(): Promise<void>;
}

export async function startTemplateBench(): Promise<TemplateBench> {
  const sandbox = await startSandbox({ portBase: 0 });
  const http: ClosableHttpTransport = createAxiosTransport();
  const secrets = sandboxCredentials(sandbox);
  return {
    sandbox,
    run: (flow, input) =>
      runFlow({
        flow,
        registry,
        services: createTestServices({ http, secrets, clock: systemClock }),
        input: Array.isArray(input) ? input : [input],
      }),
    close: async () => {
      http.close();
      await sandbox.close();
    },
  };
}

/** Items a node sent out on a port in a run. */
export function itemsOut(trace: RunTrace, nodeId: string, port = 'main'): JsonValue[] {
  const node = trace.nodes.find((each) => each.nodeId === nodeId);
  return (node?.outputs ?? []).filter((output) => output.port === port).map((output) => output.json);
}

const SageCustomerSchema = z.looseObject({ CustomerNumber: z.string(), Email: z.string() });
const SageOrderSchema = z.looseObject({ PurchaseOrderNumber: z.string(), LastShipmentNumber: z.string() });
const SageStateSchema = z.object({
  companies: z.record(
    z.string(),
    z.object({ customers: z.array(SageCustomerSchema), orders: z.array(SageOrderSchema) }),
  ),
});
export type SageCustomer = z.infer<typeof SageCustomerSchema>;

/** The Sage 300 simulator's customers of company SAMINC, from `GET /_admin/state`. */
export async function sageCustomers(sandbox: Sandbox): Promise<SageCustomer[]> {
  const state = SageStateSchema.parse(await (await fetch(`${sandbox.sage300.url}/_admin/state`)).json());
  return state.companies.SAMINC?.customers ?? [];
}

const StoreCustomerSchema = z.looseObject({ CustomerID: z.number(), Email: z.string() });
const StoreShipmentSchema = z.looseObject({
  ShipmentID: z.number(),
  ShipmentTrackingCode: z.string().nullable(),
  ShipmentShippedDate: z.string().nullable(),
  ShipmentOrderStatus: z.number(),
});
const StoreOrderSchema = z.looseObject({
  OrderID: z.number(),
  OrderStatusID: z.number(),
  ShipmentList: z.array(StoreShipmentSchema),
});
const StoreStateSchema = z.object({
  customers: z.array(StoreCustomerSchema),
  orders: z.array(StoreOrderSchema),
});
export type StoreCustomer = z.infer<typeof StoreCustomerSchema>;
export type StoreOrder = z.infer<typeof StoreOrderSchema>;

/** The 3dcart simulator's customers and orders, from `GET /_admin/state`. */
export async function storeState(sandbox: Sandbox): Promise<z.infer<typeof StoreStateSchema>> {
  return StoreStateSchema.parse(await (await fetch(`${sandbox.threedcart.url}/_admin/state`)).json());
}

/** Changes Sage 300 data over its Web API, as a user of the ERP would (`path` after the company). */
export async function sageCall(
  sandbox: Sandbox,
  method: string,
  path: string,
  body: JsonValue,
): Promise<void> {
  const [sage] = sandbox.sage300.credentials();
  if (!sage) throw new Error('The Sage 300 simulator has no user');
  const response = await fetch(`${sandbox.sage300.url}/Sage300WebApi/v1.0/-/${sage.company}/${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${sage.user}:${sage.password}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Sage ${method} ${path}: ${response.status} ${await response.text()}`);
}

/** Changes 3dcart data over its REST API, as the store manager would. */
export async function storeCall(
  sandbox: Sandbox,
  method: string,
  path: string,
  body: JsonValue,
): Promise<void> {
  const store = sandbox.threedcart.simulator.credentials();
  const response = await fetch(`${sandbox.threedcart.apiUrl}/${path}`, {
    method,
    headers: {
      SecureURL: store.secureUrl,
      PrivateKey: store.privateKey,
      Token: store.token,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`3dcart ${method} ${path}: ${response.status} ${await response.text()}`);
}

/** Problems of a template file: flow validation, and whether it is stored in the stable format. */
export function templateProblems(folder: string, file: string): { problems: unknown[]; stable: boolean } {
  const text = readFileSync(join(templates, folder, file), 'utf8');
  const document = loadTemplate(folder, file);
  return { problems: validateFlow(document, registry), stable: formatFlow(document) === text };
}
