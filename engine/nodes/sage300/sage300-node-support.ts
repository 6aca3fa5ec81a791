import { z } from 'zod';
import {
  Sage300Client,
  type Sage300Record,
  type Sage300WriteResult,
} from '../../connectors/sage300/sage300-client.ts';
import {
  parseSage300Credentials,
  SAGE300_CREDENTIAL_TYPE,
} from '../../connectors/sage300/sage300-credentials.ts';
import type { JsonValue } from '../../contract/flow-document.ts';
import type { PortDescription } from '../../contract/node-description.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { checkExpressionSyntax, compileExpression } from '../../expressions/expression.ts';
import { splitPath, toJsonValue, withValueAt } from '../json-path.ts';
import type { NodeContext, NodeDescriptionSpec, ParameterProblem } from '../node-type.ts';

/** The credential slot every Sage 300 node reads its account from. */
export const SAGE300_CREDENTIAL_SLOT = 'erp';

/** A Sage 300 node's description, with the parts every one of them shares filled in. */
export function sage300Description(
  spec: Pick<NodeDescriptionSpec, 'type' | 'label' | 'summary' | 'docs' | 'outputs'> &
    Partial<Pick<NodeDescriptionSpec, 'expressionParameters' | 'summaryParameters' | 'trigger' | 'inputs'>>,
): NodeDescriptionSpec {
  const trigger = spec.trigger ?? false;
  return {
    version: 1,
    // The poll trigger too: it sits with the other Sage 300 nodes; `trigger` is what makes it start runs.
    category: 'connector',
    icon: 'database',
    trigger,
    inputs: trigger ? [] : [{ name: 'main', label: 'Items' }],
    credentials: [{ slot: SAGE300_CREDENTIAL_SLOT, type: SAGE300_CREDENTIAL_TYPE, required: true }],
    ...spec,
  };
}

/** Ports of the lookups that branch: the record on `found`, the item unchanged on `notFound`. */
export const FOUND_PORTS: PortDescription[] = [
  { name: 'found', label: 'Found', showLabel: true },
  { name: 'notFound', label: 'Not found', showLabel: true },
];

/** A client for the node's `erp` credential. Read first, so the credential is masked in the trace. */
export async function sage300Client(context: NodeContext<unknown>): Promise<Sage300Client> {
  const fields = await context.credentials(SAGE300_CREDENTIAL_SLOT);
  return new Sage300Client(context, parseSage300Credentials(fields));
}

/** A JSONata expression parameter (evaluated on each item). */
export const expressionParameter = (defaultSource: string) => z.string().trim().min(1).default(defaultSource);

/** Property names for `$select`: identifiers only, since they go into the query unquoted. */
export const selectParameter = z
  .array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'A Sage 300 property name, e.g. CustomerNumber'))
  .default([]);

/**
 * Dotted path where the result goes in the input item (`sage.customer`); empty means the result
 * replaces the item. Keeping the item lets the next node use both the 3dcart order and Sage's answer.
 */
export const resultPathParameter = z.string().trim().default('');

/** Syntax problems of the named expression parameters (blank optional ones skipped), for `validate`. */
export function expressionProblems(
  parameters: Record<string, unknown>,
  names: readonly string[],
): ParameterProblem[] {
  const problems: ParameterProblem[] = [];
  for (const name of names) {
    const source = parameters[name];
    if (typeof source !== 'string' || source.trim() === '') continue;
    const message = checkExpressionSyntax(source);
    if (message !== undefined) problems.push({ parameter: name, message });
  }
  return problems;
}

async function evaluate(source: string, item: JsonValue): Promise<JsonValue> {
  return toJsonValue(await compileExpression(source).evaluate(item));
}

/** An expression's text value on an item (numbers become text); INPUT_INVALID when it gives nothing. */
export async function textOf(source: string, item: JsonValue, what: string): Promise<string> {
  const value = await evaluate(source, item);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  throw new BridgeflowError(
    'INPUT_INVALID',
    `The ${what} expression ${JSON.stringify(source)} gave ${value === null ? 'nothing' : JSON.stringify(value)} for this item; it must give text`,
    { retryable: false },
  );
}

/** Like {@link textOf}, but blank is allowed and gives undefined (an optional criterion). */
export async function optionalTextOf(
  source: string,
  item: JsonValue,
  what: string,
): Promise<string | undefined> {
  if (source.trim() === '') return undefined;
  const value = await evaluate(source, item);
  if (value === null || value === '') return undefined;
  return textOf(source, item, what);
}

/** An expression's value as a request body: it must be a JSON object (a Sage entry). */
export async function bodyOf(source: string, item: JsonValue, what: string): Promise<Sage300Record> {
  const value = await evaluate(source, item);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  throw new BridgeflowError(
    'INPUT_INVALID',
    `The ${what} body expression ${JSON.stringify(source)} must give a JSON object, not ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`,
    { retryable: false },
  );
}

/** The result alone, or the item with the result at `resultPath`. */
export function withResult(item: JsonValue, resultPath: string, result: JsonValue): JsonValue {
  return resultPath === '' ? result : withValueAt(item, splitPath(resultPath), result);
}

/**
 * What a write node emits: Sage's answer, or in dry-run the record as it was to be sent plus the
 * description of the request that was not sent (`{...record, dryRun: true, message, request}`), so
 * the output says the write was simulated and the nodes after it still find the record's fields
 * (a customer number chosen by the flow, the order's PO number). Fields Sage assigns itself
 * (OrderNumber, OrderUniquifier) are absent then.
 */
export function writeOutput(result: Sage300WriteResult, fallback: Sage300Record): JsonValue {
  if (result.dryRun) return dryRunOutput(result.simulated, fallback);
  return result.record ?? fallback;
}

/** The record sent, marked with the dry-run description; see {@link writeOutput}. */
export function dryRunOutput(simulated: JsonValue, record: Sage300Record): JsonValue {
  const isObject = typeof simulated === 'object' && simulated !== null && !Array.isArray(simulated);
  return isObject ? { ...record, ...simulated } : simulated;
}
