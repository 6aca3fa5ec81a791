import type { ErrorData } from '../contract/errors.ts';
import type { FlowSettings, JsonValue, RetrySettings } from '../contract/flow-document.ts';
import type { NodeTrace, TraceItemError, TraceOutput } from '../contract/run-trace.ts';
import { BridgeflowError, toErrorData } from '../errors/bridgeflow-error.ts';
import type { ItemResult, TriggerMeta } from '../nodes/node-type.ts';
import type { PlannedNode, PortItems } from './execution-plan.ts';
import { createSecretMasker } from './http/secret-masking.ts';
import type { NodeScopeShared } from './node-scope.ts';
import { NO_RETRY, retryDelayMs } from './retry-policy.ts';
import type { EngineServices } from './services.ts';

/** What every node of a run shares. */
export interface RunEnvironment {
  readonly flowSettings: FlowSettings;
  readonly services: EngineServices;
  readonly dryRun: boolean;
  readonly signal: AbortSignal;
  readonly fullTrace: boolean;
  readonly trigger: TriggerMeta;
}

/** Items reaching a node: their data, and the input port of each (only batch nodes look). */
export interface NodeInput {
  readonly items: readonly JsonValue[];
  portOf(index: number): string;
}

/** What a node run produced. `stop` is set when an unhandled failure ends the run. */
export interface NodeOutcome {
  readonly outputs: PortItems;
  readonly trace: NodeTrace;
  readonly stop?: ErrorData;
}

/** Raised inside a node run when an item fails and nothing handles it. */
export class UnhandledItemFailure extends Error {
  readonly data: ErrorData;
  constructor(data: ErrorData) {
    super(data.message);
    this.data = data;
  }
}

/** Mutable state of one node run. */
export class NodeRun {
  readonly outputs: PortItems = new Map();
  readonly traceOutputs: TraceOutput[] | undefined;
  readonly errors: TraceItemError[] = [];
  readonly shared: NodeScopeShared;
  readonly retry: RetrySettings;
  readonly continueOnError: boolean;
  readonly planned: PlannedNode;
  readonly environment: RunEnvironment;

  constructor(planned: PlannedNode, environment: RunEnvironment) {
    this.planned = planned;
    this.environment = environment;
    const { node } = planned;
    this.traceOutputs = environment.fullTrace ? [] : undefined;
    this.retry = node.settings?.retry ?? environment.flowSettings.retry ?? NO_RETRY;
    this.continueOnError =
      node.settings?.continueOnError ?? environment.flowSettings.errorPolicy === 'continue';
    this.shared = {
      node,
      parameters: planned.parameters,
      flowSettings: environment.flowSettings,
      dryRun: environment.dryRun,
      services: environment.services,
      trigger: environment.trigger,
      http: [],
      secrets: [],
    };
  }

  emit(port: string, json: JsonValue, from: number[]): void {
    let list = this.outputs.get(port);
    if (!list) {
      list = [];
      this.outputs.set(port, list);
    }
    list.push(json);
    this.traceOutputs?.push({ port, json, from });
  }

  collect(result: ItemResult, index: number): void {
    if (result === undefined) return;
    if (isOutputList(result)) {
      for (const output of result) this.emit(output.port, output.json, [index]);
    } else {
      this.emit(result.port, result.json, [index]);
    }
  }

  /** Time limit of one item (or of the whole batch). */
  withTimeout<T>(start: (signal: AbortSignal) => T | Promise<T>, itemIndex: number): T | Promise<T> {
    const timeoutMs = this.planned.node.settings?.timeoutMs;
    if (timeoutMs === undefined) return start(this.environment.signal);
    const controller = new AbortController();
    const result = start(AbortSignal.any([this.environment.signal, controller.signal]));
    if (!(result instanceof Promise)) return result;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        controller.abort();
        const where = itemIndex >= 0 ? ` on item ${itemIndex}` : '';
        reject(
          new BridgeflowError(
            'NODE_TIMEOUT',
            `Node "${this.planned.node.name}" took longer than ${timeoutMs} ms${where}`,
          ),
        );
      }, timeoutMs);
      result.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (thrown: unknown) => {
          clearTimeout(timer);
          reject(thrown);
        },
      );
    });
  }

  /** Error data with the node's credential values masked: remote systems echo them in messages. */
  masked(error: ErrorData): ErrorData {
    if (this.shared.secrets.length === 0) return error;
    const masker = createSecretMasker(this.shared.secrets);
    const data: ErrorData = { ...error, message: masker.text(error.message) };
    if (error.remote?.message !== undefined)
      data.remote = { ...error.remote, message: masker.text(error.remote.message) };
    return data;
  }

  /**
   * Retries a failed attempt while the error is retryable and attempts remain; then routes the
   * failure: the error port when wired, else dropped under continue-on-error, else the run stops.
   */
  async recover<T>(first: unknown, itemIndex: number, again: () => T | Promise<T>): Promise<T | ErrorData> {
    const { node } = this.planned;
    const context = { nodeId: node.id, nodeName: node.name, ...(itemIndex >= 0 ? { itemIndex } : {}) };
    let error = toErrorData(first, context);
    let attempts = 1;
    while (error.retryable && attempts < this.retry.maxAttempts && !this.environment.signal.aborted) {
      await this.environment.services.clock.sleep(
        retryDelayMs(this.retry, attempts, error.retryAfterMs),
        this.environment.signal,
      );
      attempts++;
      try {
        return await again();
      } catch (thrown) {
        error = toErrorData(thrown, context);
      }
    }
    return this.route(error, itemIndex, attempts);
  }

  /**
   * Decides what happens to a failure that retries did not cure: recorded, then the error port
   * when wired, else dropped under continue-on-error, else the run stops (throws).
   */
  route(failure: ErrorData, itemIndex: number, attempts: number): ErrorData {
    const error = this.masked(failure);
    if (error.code === 'RUN_CANCELLED' || this.environment.signal.aborted)
      throw new UnhandledItemFailure(error);
    const handling = this.planned.wiredOutputs.has('error')
      ? 'errorPort'
      : this.continueOnError
        ? 'dropped'
        : 'stoppedRun';
    this.errors.push({ itemIndex, attempts, handling, error });
    if (handling === 'stoppedRun') throw new UnhandledItemFailure(error);
    return error;
  }
}

function isOutputList(
  result: NonNullable<ItemResult>,
): result is readonly { port: string; json: JsonValue }[] {
  return Array.isArray(result);
}

/** The item sent to a node's error port: what failed, and the input it failed on. */
export function errorItem(error: ErrorData, input: JsonValue): JsonValue {
  const json: { [key: string]: JsonValue } = { error: { ...error }, input };
  return json;
}

export function isErrorData(value: unknown): value is ErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    'retryable' in value &&
    'message' in value
  );
}

export function cancelledError(): BridgeflowError {
  return new BridgeflowError('RUN_CANCELLED', 'The run was cancelled');
}
