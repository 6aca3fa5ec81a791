import type { JsonValue } from '../../contract/flow-document.ts';
import { mappedPaths } from '../mapping-coverage.ts';
import type { Mapping } from '../mapping-model.ts';
import { readPath } from '../read-path.ts';
import { mappingSchema } from '../schemas/mapping-schemas.ts';
import type { SourceTreeField, TargetTreeField } from './editor-tree.ts';
import { type NameConcepts, nameConcepts, nameSimilarity } from './field-names.ts';
import { buildSourceTree } from './source-tree.ts';
import { conversionFor, type SuggestionConversion } from './suggestion-conversions.ts';
import { buildTargetTree } from './target-tree.ts';
import { dominantShape, SHAPE_WORDS, shapeAgreement } from './value-shapes.ts';

/** One source field proposed for a target field. Nothing is applied until the user accepts it. */
export interface MappingSuggestion {
  /** Target tree path: `OrderDetails[].Item`. */
  target: string;
  /** Source tree path: `OrderItemList[].ItemID`. */
  source: string;
  /** In [0, 1]; 0.8 and above is a near-certain match. */
  confidence: number;
  /** Why, in a few words each: "names: postal", "values are e-mail addresses". */
  reasons: string[];
  /** A library function the source is wrapped in on accept (`date.toM3` for a date into M3). */
  conversion?: SuggestionConversion;
}

/** The ranked candidates for one unmapped target field. */
export interface TargetSuggestions {
  target: string;
  required: boolean;
  candidates: MappingSuggestion[];
}

/** What {@link suggestMappings} takes; schemas default to the mapping's own ids. */
export interface SuggestRequest {
  mapping: Mapping;
  samples: readonly JsonValue[];
  /** Candidates per target (default 3). */
  limit?: number;
  /** Candidates under this confidence are left out (default 0.3). */
  minConfidence?: number;
  /** Pairs the user dismissed; they are not proposed again. */
  dismissed?: readonly { target: string; source: string }[];
}

const SAMPLE_VALUES = 30;

interface SourceCandidate {
  field: SourceTreeField;
  concepts: NameConcepts;
  values: JsonValue[];
  inArray: boolean;
}

/**
 * Suggestions for every unmapped target field: source fields ranked by name similarity (words of
 * camelCase names and M3 codes read through a synonyms table), by whether their sample values
 * have the shape the target expects (dates, e-mails, numbers, widths), and by whether line
 * fields come from line fields. Targets are the target schema's leaves; targets with no
 * candidate above `minConfidence` are left out.
 */
export function suggestMappings(request: SuggestRequest): TargetSuggestions[] {
  const { mapping, samples } = request;
  const targetSchema = mapping.targetSchema ? mappingSchema(mapping.targetSchema) : undefined;
  if (!targetSchema) return [];
  const sourceSchema = mapping.sourceSchema ? mappingSchema(mapping.sourceSchema) : undefined;
  const sources = sourceCandidates(buildSourceTree(sourceSchema, samples), samples);
  const mapped = new Set(mappedPaths(mapping));
  const dismissed = new Set((request.dismissed ?? []).map((pair) => `${pair.target}\n${pair.source}`));
  const limit = request.limit ?? 3;
  const minimum = request.minConfidence ?? 0.3;
  const results: TargetSuggestions[] = [];
  for (const target of buildTargetTree(targetSchema)) {
    if (target.childCount > 0 || mapped.has(target.path)) continue;
    const candidates = rankSources(target, sources)
      .filter((candidate) => candidate.confidence >= minimum)
      .filter((candidate) => !dismissed.has(`${candidate.target}\n${candidate.source}`))
      .slice(0, limit);
    if (candidates.length > 0)
      results.push({ target: target.path, required: target.required || !!target.requiredWhen, candidates });
  }
  return results;
}

function sourceCandidates(
  tree: readonly SourceTreeField[],
  samples: readonly JsonValue[],
): SourceCandidate[] {
  return tree
    .filter((field) => field.childCount === 0 && field.type !== 'object')
    .map((field) => {
      const steps = field.mappingPath.split('.');
      const values: JsonValue[] = [];
      for (const sample of samples) {
        const read = readPath(sample, steps);
        const list = Array.isArray(read) ? read : [read];
        for (const value of list) if (values.length < SAMPLE_VALUES && isScalar(value)) values.push(value);
      }
      return { field, concepts: nameConcepts(field.name), values, inArray: field.path.includes('[]') };
    });
}

function isScalar(value: unknown): value is JsonValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** Every source scored against one target, best first. */
function rankSources(target: TargetTreeField, sources: readonly SourceCandidate[]): MappingSuggestion[] {
  const concepts = nameConcepts(target.name);
  const targetInArray = target.path.includes('[]');
  const suggestions: MappingSuggestion[] = [];
  for (const source of sources) {
    const { score: name, shared } = nameSimilarity(concepts, source.concepts);
    if (name === 0) continue;
    const shape = shapeAgreement(target, source.values);
    const context = targetInArray ? (source.inArray ? 0.05 : -0.2) : source.inArray ? -0.03 : 0;
    const confidence = clamp(0.8 * name + 0.15 * shape + context + 0.05);
    const conversion = conversionFor(target, source.field, source.values);
    const reasons = reasonsFor(shared, shape, source.values);
    suggestions.push({
      target: target.path,
      source: source.field.path,
      confidence: Math.round(confidence * 100) / 100,
      reasons: conversion ? [...reasons, `converted with ${conversion}`] : reasons,
      ...(conversion ? { conversion } : {}),
    });
  }
  return suggestions.sort((left, right) => right.confidence - left.confidence);
}

function reasonsFor(shared: readonly string[], shape: number, values: readonly JsonValue[]): string[] {
  const reasons = [`names: ${shared.join(', ')}`];
  const dominant = dominantShape(values);
  if (dominant && shape > 0) reasons.push(`values are ${SHAPE_WORDS[dominant]}`);
  if (dominant && shape < 0)
    reasons.push(`values are ${SHAPE_WORDS[dominant]}, which the target does not expect`);
  return reasons;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
