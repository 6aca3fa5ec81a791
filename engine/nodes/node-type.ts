import type { z } from 'zod';
import type { FlowNode, FlowSettings, JsonValue } from '../contract/flow-document.ts';
import type { NodeDescription } from '../contract/node-description.ts';
import type { LookupResolver } from '../mapping/mapping-function.ts';
import type { HttpRequest, HttpResponse, Logger } from '../run/services.ts';

/**
 * The data part of a node type's description, written by hand in each `<type>.node.ts`.
 * The registry adds the `error` output port, the defaults and the JSON Schema.
 */
export type NodeDescriptionSpec = Omit<
  NodeDescription,
  'defaults' | 'parametersJsonSchema' | 'credentials' | 'expressionParameters' | 'summaryParameters'
> &
  Partial<Pick<NodeDescription, 'credentials' | 'expressionParameters' | 'summaryParameters'>>;

/** One item a per-item node emits, on a named output port. */
export interface ItemOutput {
  port: string;
  json: JsonValue;
}

/** What a per-item node returns for one input item: nothing, one output, or several. */
export type ItemResult = undefined | ItemOutput | readonly ItemOutput[];

/** An item as a batch node receives it: the port it arrived on and its index in the node's input. */
export interface InputItem {
  port: string;
  json: JsonValue;
  index: number;
}

/** One item a batch node emits, with the input indices it came from (lineage). */
export interface BatchOutput {
  port: string;
  json: JsonValue;
  from: readonly number[];
}

/** How the run was started, for triggers that want request details. */
export interface TriggerMeta {
  headers?: Record<string, string>;
  query?: Record<string, string>;
  method?: string;
  receivedAt?: string;
}

/** What a node sees while it runs. */
export interface NodeContext<P> {
  readonly node: FlowNode;
  readonly parameters: P;
  readonly flowSettings: FlowSettings;
  /** Writes must not reach remote systems; connectors record them instead. */
  readonly dryRun: boolean;
  /** Aborts when the run is cancelled or the item's time limit passes. */
  readonly signal: AbortSignal;
  readonly logger: Logger;
  readonly trigger: TriggerMeta;
  /** Sends an HTTP request, records it in the trace and intercepts writes in dry-run. */
  http(request: HttpRequest): Promise<HttpResponse>;
  /** The fields of the credential wired to `slot`; CONNECTOR_AUTH when none is wired or found. */
  credentials(slot: string): Promise<Record<string, string>>;
  /** Waits, honouring cancellation. */
  sleep(ms: number): Promise<void>;
  /** The run's clock, in milliseconds since the epoch (injected: tests control it). */
  now(): number;
  /** Lookup tables, when the host configured them (mapping nodes). */
  readonly lookups: LookupResolver | undefined;
}

/** What a per-item node sees for one item. */
export interface ItemContext<P> extends NodeContext<P> {
  /** Index of the item in the node's input. */
  readonly itemIndex: number;
}

/** Problem found in a node's parameters beyond what the zod schema checks (e.g. JSONata syntax). */
export interface ParameterProblem {
  /** Dotted path inside `parameters`. */
  parameter: string;
  message: string;
}

interface NodeTypeBase<P> {
  description: NodeDescriptionSpec;
  /** Zod schema of the parameters; `.default()` values become the editor's defaults. */
  parameters: z.ZodType<P>;
  /** Extra checks at validation time, on parameters that already passed the schema. */
  validate?(parameters: P): ParameterProblem[];
}

/** A node that handles each item on its own (the common case); the executor adds retries and timeouts. */
export interface ItemNodeType<P> extends NodeTypeBase<P> {
  kind: 'item';
  executeItem(json: JsonValue, context: ItemContext<P>): ItemResult | Promise<ItemResult>;
}

/**
 * What a batch node returns: its outputs, and optionally the items that failed on their own
 * (the executor routes each like a per-item failure: error port, dropped, or stop the run).
 */
export type BatchResult =
  | BatchOutput[]
  | { outputs: BatchOutput[]; failures: readonly { itemIndex: number; error: unknown }[] };

/** A node that needs all its input at once (aggregate, merge, delay, code). */
export interface BatchNodeType<P> extends NodeTypeBase<P> {
  kind: 'batch';
  execute(items: readonly InputItem[], context: NodeContext<P>): Promise<BatchResult>;
}

/** A node type: description (data) plus execute (code). */
export type NodeType<P = unknown> = ItemNodeType<P> | BatchNodeType<P>;

/** Emits `json` on `port` (default `main`). */
export function emit(json: JsonValue, port = 'main'): ItemOutput {
  return { port, json };
}

/**
 * Declares a node type with its parameter type inferred from the schema. Keeps each
 * `<type>.node.ts` free of casts.
 */
export function defineNodeType<S extends z.ZodType>(
  definition: (ItemNodeType<z.output<S>> | BatchNodeType<z.output<S>>) & { parameters: S },
): NodeType<z.output<S>> {
  return definition;
}
