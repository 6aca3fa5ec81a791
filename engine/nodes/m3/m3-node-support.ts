import { z } from 'zod';
import type { M3Client } from '../../connectors/m3/m3-client.ts';
import { m3ClientFor } from '../../connectors/m3/m3-connection.ts';
import { M3_CREDENTIAL_TYPE } from '../../connectors/m3/m3-credentials.ts';
import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { type CompiledTemplate, compileTemplate } from '../../expressions/template.ts';
import { splitPath, valueAt, withValueAt } from '../json-path.ts';
import type { NodeContext, NodeDescriptionSpec, ParameterProblem } from '../node-type.ts';

/** The slot every M3 node reads its `m3` credential from. */
export const M3_CREDENTIAL_SLOT = 'erp';

/** The credential entry of every M3 node's description. */
export const M3_CREDENTIALS: NodeDescriptionSpec['credentials'] = [
  { slot: M3_CREDENTIAL_SLOT, type: M3_CREDENTIAL_TYPE, required: true },
];

/** `v2` (the Infor SDK's default, reference B1) or `v1`; both answer the same records here. */
export const apiVersionParameter = z.enum(['v1', 'v2']).default('v2');

/**
 * Where the result goes: empty = the result is the item; a dotted path = the input item with the
 * result at that path, so the order or customer the flow is working on travels on.
 */
export const outputFieldParameter = z.string().trim().default('');

/** The M3 client for a node run, from the `erp` credential. */
export function m3ClientOf(context: NodeContext<{ apiVersion: 'v1' | 'v2' }>): Promise<M3Client> {
  return m3ClientFor(context, M3_CREDENTIAL_SLOT, { version: context.parameters.apiVersion });
}

const templates = new Map<string, CompiledTemplate>();

/** Renders a `{{ expression }}` template on the item, trimmed (M3 values are fixed-width text). */
export async function renderText(source: string, item: JsonValue): Promise<string> {
  let template = templates.get(source);
  if (!template) {
    template = compileTemplate(source);
    if (templates.size > 1_000) templates.clear();
    templates.set(source, template);
  }
  return (await template.render(item)).trim();
}

/** Renders a template that must give a value; INPUT_INVALID naming the parameter otherwise. */
export async function requiredText(source: string, item: JsonValue, parameter: string): Promise<string> {
  const value = await renderText(source, item);
  if (value === '') {
    throw new BridgeflowError('INPUT_INVALID', `"${parameter}" (${source}) is empty for this item`, {
      retryable: false,
      path: parameter,
    });
  }
  return value;
}

/** Syntax problems of the named template parameters, for the node's `validate`. */
export function templateProblems(templatesByParameter: Record<string, string>): ParameterProblem[] {
  const problems: ParameterProblem[] = [];
  for (const [parameter, source] of Object.entries(templatesByParameter)) {
    try {
      compileTemplate(source);
    } catch (thrown) {
      problems.push({ parameter, message: thrown instanceof Error ? thrown.message : String(thrown) });
    }
  }
  return problems;
}

/** M3 field names are four upper-case letters or digits (reference B4: CUNO, CUA1, CFC0, ...). */
const M3_FIELD_NAME = /^[A-Z][A-Z0-9]{3}$/;

/**
 * The M3 input fields of a record (as a mapping node makes it): keys that are M3 field names, with
 * text, number or boolean values as text; empty values and every other key are left out.
 */
export function m3Fields(record: JsonValue | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return fields;
  for (const [name, value] of Object.entries(record)) {
    if (!M3_FIELD_NAME.test(name)) continue;
    if (typeof value === 'string' && value.trim() !== '') fields[name] = value.trim();
    else if (typeof value === 'number' || typeof value === 'boolean') fields[name] = String(value);
  }
  return fields;
}

/** The value at a dotted path of the item; the item itself for an empty path. */
export function partOf(item: JsonValue, path: string): JsonValue | undefined {
  return path === '' ? item : valueAt(item, splitPath(path));
}

/** The node's output for an item: the result, or the item with the result at `outputField`. */
export function placeOutput(item: JsonValue, result: JsonValue, outputField: string): JsonValue {
  return outputField === '' ? result : withValueAt(item, splitPath(outputField), result);
}
