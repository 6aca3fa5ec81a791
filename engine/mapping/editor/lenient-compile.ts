import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import { type CompiledMapping, compileMapping, type MappingEnvironment } from '../mapping-compiler.ts';
import type { FieldMapping, Mapping } from '../mapping-model.ts';

/** A field the editor cannot compile yet (an expression half typed, a function name misspelt). */
export interface FieldCompileError {
  /** Target path with arrays as `[]`: `OrderDetails[].Item`. */
  target: string;
  code: string;
  message: string;
}

/**
 * Compiles a mapping the way an editor needs: a field that does not compile is left out and
 * reported, so the preview of every other field keeps working while the user types. The whole
 * mapping is tried first; field by field only when that fails.
 */
export function compileLeniently(
  mapping: Mapping,
  environment: MappingEnvironment,
): { compiled: CompiledMapping; errors: FieldCompileError[] } {
  try {
    return { compiled: compileMapping(mapping, environment), errors: [] };
  } catch {
    const errors: FieldCompileError[] = [];
    const fields = keepCompilable(mapping.fields, '', environment, errors);
    return { compiled: compileMapping({ ...mapping, fields }, environment), errors };
  }
}

function keepCompilable(
  fields: readonly FieldMapping[],
  prefix: string,
  environment: MappingEnvironment,
  errors: FieldCompileError[],
): FieldMapping[] {
  const kept: FieldMapping[] = [];
  for (const field of fields) {
    const target = `${prefix}${field.target}`;
    if ('source' in field) {
      const error = compileError({ fields: [field] }, environment);
      if (error) errors.push({ target, ...error });
      else kept.push(field);
      continue;
    }
    const elements = compileError({ fields: [{ target: field.target, source: field.forEach }] }, environment);
    if (elements) {
      errors.push({ target, ...elements });
      continue;
    }
    kept.push({ ...field, fields: keepCompilable(field.fields, `${target}[].`, environment, errors) });
  }
  return kept;
}

function compileError(
  mapping: Mapping,
  environment: MappingEnvironment,
): { code: string; message: string } | undefined {
  try {
    compileMapping(mapping, environment);
    return undefined;
  } catch (thrown) {
    if (thrown instanceof BridgeflowError) return { code: thrown.code, message: thrown.message };
    return { code: 'INTERNAL', message: thrown instanceof Error ? thrown.message : String(thrown) };
  }
}
