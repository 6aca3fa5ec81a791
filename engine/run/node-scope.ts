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
    for (const value of Object.values(fields)) {
      if (value.length >= 4 && !this.#shared.secrets.includes(value)) this.#shared.secrets.push(value);
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
