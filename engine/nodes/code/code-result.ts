import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import type { SandboxFailure, SandboxReply } from './code-sandbox.protocol.ts';

/**
 * One output item. What the code returns becomes items the same way in both modes:
 * `undefined` gives none, an array gives one item per element, anything else one item
 * (return `[[1, 2]]` to emit an array as one item). Values are converted like JSON.stringify.
 */
export interface CodeOutput {
  json: JsonValue;
  /** `perItem` mode: index of the input item this output came from. */
  inputIndex?: number;
}

/** An item that failed, in `perItem` mode with `itemErrors: 'collect'`. */
export interface CodeItemFailure {
  itemIndex: number;
  error: BridgeflowError;
}

/** What a successful call returns. */
export interface CodeResult {
  outputs: CodeOutput[];
  failures: CodeItemFailure[];
  /** `console` output, one entry per call of a console method. */
  logs: string[];
  droppedLogLines: number;
}

/** A failure of the user's code (CODE_FAILED, CODE_TIMEOUT, CODE_MEMORY_LIMIT) with its console output. */
export class CodeRunError extends BridgeflowError {
  readonly logs: readonly string[];

  constructor(failure: SandboxFailure, logs: readonly string[] = []) {
    super(
      failure.code,
      failure.message,
      failure.itemIndex === undefined ? {} : { itemIndex: failure.itemIndex },
    );
    this.name = 'CodeRunError';
    this.logs = logs;
  }
}

/** Turns the worker's reply into the caller's result. */
export function toResult(reply: Extract<SandboxReply, { type: 'done' }>): CodeResult {
  const values = parseJsonArray(reply.outputsJson);
  const outputs = values.map((json, position): CodeOutput => {
    const inputIndex = reply.inputIndexes[position];
    return inputIndex === undefined ? { json } : { json, inputIndex };
  });
  const failures = reply.itemFailures.map((failure) => ({
    itemIndex: failure.itemIndex,
    error: new CodeRunError(failure),
  }));
  return { outputs, failures, logs: reply.logs, droppedLogLines: reply.droppedLogLines };
}

function parseJsonArray(text: string): JsonValue[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed))
    throw new BridgeflowError('INTERNAL', 'The code sandbox sent outputs that are not a list');
  // JSON.parse produces nothing but JSON values, so every element is a JsonValue.
  return parsed;
}
