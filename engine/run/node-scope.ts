import type { FlowNode, FlowSettings } from '../contract/flow-document.ts';
import type { HttpExchange } from '../contract/run-trace.ts';
import { BridgeflowError } from '../errors/bridgeflow-error.ts';
import type { LookupResolver } from '../mapping/mapping-function.ts';
import type { ItemContext, TriggerMeta } from '../nodes/node-type.ts';
import { exchangeOf, sendRecorded } from './http/http-recorder.ts';
import type { EngineServices, HttpRequest, HttpResponse, Logger } from './services.ts';

/** What every scope of one node run shares. */
export interface NodeScopeShared {
  readonly node: FlowNode;
  readonly parameters: unknown;
  readonly flowSettings: FlowSettings;
  readonly dryRun: boolean;
  readonly services: EngineServices;
  readonly trigger: TriggerMeta;
  /** Exchanges made by this node, appended as they complete. */
  readonly http: HttpExchange[];
  /** Secret values this node has read, masked wherever they would be recorded. */
  readonly secrets: string[];
}

/**
 * The context a node runs in. One per node for batch nodes and one per item for per-item
 * nodes (then `itemIndex` is set and HTTP exchanges are tagged with it).
 */
export class NodeScope implements ItemContext<unknown> {
  readonly #shared: NodeScopeShared;
  readonly itemIndex: number;
  readonly signal: AbortSignal;

  constructor(shared: NodeScopeShared, itemIndex: number, signal: AbortSignal) {
    this.#shared = shared;
    this.itemIndex = itemIndex;
    this.signal = signal;
  }

  get node(): FlowNode {
    return this.#shared.node;
  }
  get parameters(): unknown {
    return this.#shared.parameters;
  }
  get flowSettings(): FlowSettings {
    return this.#shared.flowSettings;
  }
  get dryRun(): boolean {
    return this.#shared.dryRun;
  }
  get logger(): Logger {
    return this.#shared.services.logger;
  }
  get trigger(): TriggerMeta {
    return this.#shared.trigger;
  }

  async http(request: HttpRequest): Promise<HttpResponse> {
    const shared = this.#shared;
    const record = (exchange: HttpExchange): void => {
      shared.http.push(this.itemIndex >= 0 ? { itemIndex: this.itemIndex, ...exchange } : exchange);
    };
    try {
      const { response, exchange } = await sendRecorded(shared.services.http, request, {
        dryRun: shared.dryRun,
        signal: this.signal,
        secrets: shared.secrets,
        now: shared.services.clock.now,
      });
      record(exchange);
      return response;
    } catch (thrown) {
      const exchange = exchangeOf(thrown);
      if (exchange) record(exchange);
      throw thrown;
    }
  }

  async credentials(slot: string): Promise<Record<string, string>> {
    const node = this.#shared.node;
    const credentialId = node.credentials?.[slot];
    if (!credentialId) {
      throw new BridgeflowError(
        'CONNECTOR_AUTH',
        `Node "${node.name}" has no credential selected for "${slot}"`,
        {
          nodeId: node.id,
        },
      );
    }
    const fields = await this.#shared.services.secrets.get(credentialId);
    if (!fields) {
      throw new BridgeflowError(
        'CONNECTOR_AUTH',
        `Credential "${credentialId}" used by node "${node.name}" was not found in the credential store`,
        { nodeId: node.id },
      );
    }
    for (const value of secretValuesOf(fields)) {
      if (!this.#shared.secrets.includes(value)) this.#shared.secrets.push(value);
    }
    return fields;
  }

  get lookups(): LookupResolver | undefined {
    return this.#shared.services.lookups;
  }

  now(): number {
    return this.#shared.services.clock.now();
  }

  sleep(ms: number): Promise<void> {
    return this.#shared.services.clock.sleep(ms, this.signal);
  }
}

// Credential fields are secret unless their name says they are an address or a name: URLs, company
// and division ids, user names and the .ionapi file's non-secret entries (ti tenant, ci client id,
// iu/pu/oa/ot/or URLs, ev/v versions) stay readable in traces, which is what a user debugging a
// run needs to see. Everything else (passwords, keys, tokens, header values, cs, saak, sask) is masked.
const NOT_SECRET =
  /^(baseurl|apiurl|url|secureurl|host|company|division|username|user|name|mode|tenant|ti|ci|iu|pu|oa|ot|or|ev|v)$/i;

/**
 * The values of a credential that must never appear in a trace or a message. A field holding a
 * JSON document (an imported .ionapi file) is searched too.
 */
export function secretValuesOf(fields: Record<string, unknown>): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string' && value.trim().startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(value);
        if (typeof parsed === 'object' && parsed !== null)
          values.push(...secretValuesOf(Object.fromEntries(Object.entries(parsed))));
        continue;
      } catch {
        // not JSON: judged by its name below
      }
    }
    if (typeof value === 'string' && value.length >= 4 && !NOT_SECRET.test(name)) values.push(value);
  }
  return values;
}
