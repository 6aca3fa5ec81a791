import type { FieldMapping, Mapping } from '../mapping-model.ts';
import { relativeSource } from './editor-tree.ts';
import type { TargetSuggestions } from './suggest-mappings.ts';
import { withConversion } from './suggestion-conversions.ts';

/** A suggestion the user accepted: target and source tree paths. */
export interface AcceptedSuggestion {
  target: string;
  source: string;
  /** The suggestion's conversion (`date.toM3`, `text.join`), wrapped around the source path. */
  conversion?: string;
}

/** The mapping with the accepted pairs added, and the pairs that could not be added, with why. */
export interface AppliedSuggestions {
  mapping: Mapping;
  applied: AcceptedSuggestion[];
  skipped: (AcceptedSuggestion & { reason: string })[];
}

/** The top candidate of every target at or above `confidence`: "accept all above". */
export function topSuggestionsAbove(
  suggestions: readonly TargetSuggestions[],
  confidence: number,
): AcceptedSuggestion[] {
  return suggestions.flatMap((entry) => {
    const top = entry.candidates[0];
    if (!top || top.confidence < confidence) return [];
    return [
      { target: top.target, source: top.source, ...(top.conversion ? { conversion: top.conversion } : {}) },
    ];
  });
}

/**
 * Adds accepted suggestions to a mapping as plain path mappings (a pure function: the mapping
 * passed in is not changed). A line field (`OrderDetails[].Item`) goes into the "for each" block
 * of its list, which is created over the source's list when there is none; inside it the source
 * is read relative to the line, or from the root when it lies outside the list. A target that is
 * already mapped is skipped, never overwritten.
 */
export function applySuggestions(
  mapping: Mapping,
  accepted: readonly AcceptedSuggestion[],
): AppliedSuggestions {
  const fields = mapping.fields.map(copyField);
  const result: AppliedSuggestions = { mapping: { ...mapping, fields }, applied: [], skipped: [] };
  for (const pair of accepted) {
    const reason = addPair(fields, pair);
    if (reason) result.skipped.push({ ...pair, reason });
    else result.applied.push(pair);
  }
  return result;
}

function copyField(field: FieldMapping): FieldMapping {
  return 'forEach' in field ? { ...field, fields: field.fields.map(copyField) } : { ...field };
}

/** Adds one pair; returns why it could not be added, or undefined. */
function addPair(fields: FieldMapping[], pair: AcceptedSuggestion): string | undefined {
  const parts = pair.target.split('[].');
  if (parts.length > 2) return 'Nested lists are mapped by hand';
  const [list, name] = parts;
  if (name === undefined || list === undefined) {
    if (fields.some((field) => field.target === pair.target)) return `${pair.target} is already mapped`;
    fields.push({
      target: pair.target,
      source: withConversion(relativeSource(pair.source, undefined), pair.conversion),
    });
    return undefined;
  }
  let block = fields.find((field) => field.target === list);
  if (!block) {
    const sourceList = pair.source.includes('[].')
      ? pair.source.slice(0, pair.source.lastIndexOf('[].'))
      : '';
    if (sourceList === '')
      return `${pair.source} is not inside a list, so it cannot fill the lines of ${list}`;
    block = { target: list, forEach: relativeSource(sourceList, undefined), fields: [] };
    fields.push(block);
  }
  if (!('forEach' in block)) return `${list} is mapped as one value, not line by line`;
  if (block.fields.some((field) => field.target === name)) return `${pair.target} is already mapped`;
  const listPath = 'path' in block.forEach && block.forEach.from !== 'root' ? block.forEach.path : undefined;
  const flat = pair.source.replaceAll('[]', '');
  const inList = listPath !== undefined && flat.startsWith(`${listPath}.`);
  block.fields.push({
    target: name,
    source: withConversion(
      inList ? { path: flat.slice(listPath.length + 1) } : { path: flat, from: 'root' },
      pair.conversion,
    ),
  });
  return undefined;
}
