import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';

// Two kinds of argument, two reactions (engine/mapping/mapping-function.ts): a *mapped value*
// that is empty, of the wrong type or unknown gives null, so the target's required-field check
// reports it with its path; a *setting* the flow author wrote wrongly (a time zone, a width)
// throws MAPPING_FUNCTION_FAILED, because every item would fail the same way.

/** The error for a wrongly written setting of a mapping function. */
export function argumentError(functionName: string, message: string): BridgeflowError {
  return new BridgeflowError('MAPPING_FUNCTION_FAILED', `${functionName}: ${message}`);
}

/** A mapped text value, trimmed; null when it is not a string or is blank. */
export function textOrNull(value: JsonValue | undefined): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** True when a setting was left out (JSONata passes undefined, declarative mappings null). */
export function isAbsent(value: JsonValue | undefined): value is null | undefined {
  return value === null || value === undefined;
}

/** An integer setting within bounds, or `fallback` when it was left out and one exists. */
export function integerSetting(
  functionName: string,
  parameter: string,
  value: JsonValue | undefined,
  bounds: { min: number; max: number; fallback?: number },
): number {
  if (isAbsent(value) && bounds.fallback !== undefined) return bounds.fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    throw argumentError(
      functionName,
      `${parameter} must be a whole number from ${bounds.min} to ${bounds.max}, got ${JSON.stringify(value ?? null)}`,
    );
  }
  return value;
}

/** A boolean setting; left out means false. */
export function booleanSetting(
  functionName: string,
  parameter: string,
  value: JsonValue | undefined,
): boolean {
  if (isAbsent(value)) return false;
  if (typeof value !== 'boolean') {
    throw argumentError(functionName, `${parameter} must be true or false, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A JSON object (not an array), or undefined. */
export function asObject(value: JsonValue | undefined): { [key: string]: JsonValue } | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}
