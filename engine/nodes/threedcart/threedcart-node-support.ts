import { z } from 'zod';
import type { WriteResult } from '../../connectors/threedcart/threedcart-client.ts';
import { ThreeDCartClient } from '../../connectors/threedcart/threedcart-client.ts';
import {
  parseThreeDCartCredentials,
  THREEDCART_CREDENTIAL_TYPE,
} from '../../connectors/threedcart/threedcart-credentials.ts';
import type { JsonObject } from '../../connectors/threedcart/threedcart-records.ts';
import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { checkExpressionSyntax, compileExpression } from '../../expressions/expression.ts';
import { toJsonValue } from '../json-path.ts';
import type { NodeContext, NodeDescriptionSpec, ParameterProblem } from '../node-type.ts';

// What every 3dcart node shares: the `store` credential slot, the request time limit, per-item
// values given as JSONata expressions, and how writes report themselves (dry-run included).

/** The credential slot of every 3dcart node. */
export const STORE_SLOT = 'store';

/** The slot as node descriptions declare it. */
export const STORE_CREDENTIALS: NonNullable<NodeDescriptionSpec['credentials']> = [
  { slot: STORE_SLOT, type: THREEDCART_CREDENTIAL_TYPE, required: true },
];

/** Time limit of one request to 3dcart, in milliseconds. */
export const timeoutParameter = z.number().int().min(100).max(300_000).default(30_000);

/** A JSONata expression evaluated on each item, with its default. */
export function expressionParameter(defaultSource: string) {
  return z.string().trim().min(1, 'An expression is required').default(defaultSource);
}

/** A client for the node's store, reading the credential first so its values are masked in the trace. */
export async function openStore(context: NodeContext<{ timeoutMs: number }>): Promise<ThreeDCartClient> {
  const credentials = parseThreeDCartCredentials(await context.credentials(STORE_SLOT));
  return new ThreeDCartClient(context, credentials, { timeoutMs: context.parameters.timeoutMs });
}

/** The value of a parameter expression on an item; JSONata's "no match" is null. */
export async function evaluate(source: string, item: JsonValue): Promise<JsonValue> {
  return toJsonValue(await compileExpression(source).evaluate(item));
}

/** Syntax problems of the named expression parameters, for `validate`. */
export function expressionProblems<P>(
  parameters: P,
  names: readonly (keyof P & string)[],
): ParameterProblem[] {
  const problems: ParameterProblem[] = [];
  for (const name of names) {
    const source = parameters[name];
    if (typeof source !== 'string') continue;
    const message = checkExpressionSyntax(source);
    if (message) problems.push({ parameter: name, message });
  }
  return problems;
}

/** A whole number from an expression's value (numbers or numeric text), or INPUT_INVALID. */
export function requireId(value: JsonValue, parameter: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  throw new BridgeflowError(
    'INPUT_INVALID',
    `${parameter} must be a whole number; the item gives ${JSON.stringify(value)}`,
    { retryable: false },
  );
}

/** Non-empty text from an expression's value, or INPUT_INVALID. */
export function requireText(value: JsonValue, parameter: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  throw new BridgeflowError(
    'INPUT_INVALID',
    `${parameter} must be text; the item gives ${JSON.stringify(value)}`,
    { retryable: false },
  );
}

export const DRY_RUN_NOTE = 'Dry run: this write was recorded, not sent to 3dcart';

/**
 * How a write reports itself in the node's output: 3dcart's result rows, or in dry-run the marked
 * simulated response and a note saying nothing was sent.
 */
export function writeReport(result: WriteResult): JsonObject {
  if (result.dryRun) return { dryRun: true, note: DRY_RUN_NOTE, simulatedResponse: result.body };
  return {
    dryRun: false,
    response: result.rows.map((row) => ({
      Key: row.Key,
      Value: row.Value,
      Status: row.Status,
      Message: row.Message ?? '',
    })),
  };
}
