import type { JsonValue } from '../../contract/flow-document.ts';
import { BridgeflowError } from '../../errors/bridgeflow-error.ts';
import type { CompiledMapping } from '../mapping-compiler.ts';
import { requiredCoverage } from '../mapping-coverage.ts';
import { createMappingEnvironment } from '../mapping-environment.ts';
import type { JsonObject } from '../mapping-evaluation.ts';
import { mappingSchema } from '../schemas/mapping-schemas.ts';
import type { RecordProblemCode, RecordSchema } from '../schemas/record-schema.ts';
import { validateRecord } from '../schemas/validate-record.ts';
import type { MappingPreviewRequest } from './editor-inputs.ts';
import { editorLookupResolver } from './editor-lookups.ts';
import { compileLeniently, type FieldCompileError } from './lenient-compile.ts';

/** One target value of one sample. */
export interface PreviewValue {
  /** Where it is, with element indices: `OrderDetails[1].Item`. */
  path: string;
  /** The target field, arrays as `[]`: `OrderDetails[].Item` (the target tree's row id). */
  field: string;
  value: JsonValue;
}

/** A value (or a missing value) the target schema refuses, with validateRecord's reason. */
export interface PreviewMark {
  path: string;
  field: string;
  code: RecordProblemCode;
  message: string;
}

/** A lookup that found nothing: the item would leave on the mapping node's exception port. */
export interface PreviewException {
  path: string;
  field: string;
  code: 'lookupMiss';
  message: string;
}

/** The preview of one sample. */
export interface SamplePreview {
  index: number;
  record: JsonObject;
  values: PreviewValue[];
  marks: PreviewMark[];
  exceptions: PreviewException[];
  /** The mapping failed on this sample (an expression that throws, a function given a bad argument). */
  error?: { code: string; message: string };
}

/** Every sample's target values with their marks, and what the editor could not compile. */
export interface MappingPreview {
  samples: SamplePreview[];
  fieldErrors: FieldCompileError[];
  /** Required target fields and those no mapping writes, when the mapping names its target schema. */
  coverage?: { required: string[]; unmapped: string[]; conditionalUnmapped: string[] };
}

/** `OrderDetails[2].Item` → `OrderDetails[].Item`. */
export function fieldOf(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

/**
 * The live preview: maps every sample with the same compiler and lookup resolver a run uses,
 * then checks each record against the mapping's target schema (when it names one) with
 * validateRecord, so a mark says what the exception port would say ("ShipToName is 72
 * characters; Sage 300 allows 60"). Fields that do not compile are reported, not fatal.
 */
export async function previewMapping(request: MappingPreviewRequest): Promise<MappingPreview> {
  const { mapping, samples, lookups } = request;
  const environment = createMappingEnvironment(editorLookupResolver(lookups));
  const { compiled, errors } = compileLeniently(mapping, environment);
  const schema = mapping.targetSchema ? mappingSchema(mapping.targetSchema) : undefined;
  const previews: SamplePreview[] = [];
  for (let index = 0; index < samples.length; index++) {
    previews.push(await previewSample(compiled, schema, samples[index] ?? null, index));
  }
  const preview: MappingPreview = { samples: previews, fieldErrors: errors };
  if (schema) preview.coverage = requiredCoverage(mapping, schema);
  return preview;
}

async function previewSample(
  compiled: CompiledMapping,
  schema: RecordSchema | undefined,
  sample: JsonValue,
  index: number,
): Promise<SamplePreview> {
  let outcome: Awaited<ReturnType<CompiledMapping['evaluate']>>;
  try {
    outcome = await compiled.evaluate(sample);
  } catch (thrown) {
    const error =
      thrown instanceof BridgeflowError
        ? { code: thrown.code, message: thrown.message }
        : { code: 'INTERNAL', message: thrown instanceof Error ? thrown.message : String(thrown) };
    return { index, record: {}, values: [], marks: [], exceptions: [], error };
  }
  const { record, misses } = outcome;
  const marks = schema
    ? validateRecord(schema, record).map((problem) => ({
        path: problem.path,
        field: fieldOf(problem.path),
        code: problem.code,
        message: problem.message,
      }))
    : [];
  const exceptions = misses.map((miss) => ({
    path: miss.target,
    field: fieldOf(miss.target),
    code: 'lookupMiss' as const,
    message: miss.reason,
  }));
  return { index, record, values: leafValues(record), marks, exceptions };
}

/** Every leaf of a mapped record; lists of objects by element, lists of scalars as one value. */
export function leafValues(record: JsonObject): PreviewValue[] {
  const values: PreviewValue[] = [];
  const visit = (value: JsonValue, path: string): void => {
    if (Array.isArray(value) && value.some(isObject)) {
      value.forEach((element, index) => {
        visit(element, `${path}[${index}]`);
      });
    } else if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) visit(child, path === '' ? key : `${path}.${key}`);
    } else {
      values.push({ path, field: fieldOf(path), value });
    }
  };
  visit(record, '');
  return values;
}

function isObject(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
