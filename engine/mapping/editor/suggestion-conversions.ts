import type { JsonValue } from '../../contract/flow-document.ts';
import type { MappingSource } from '../mapping-model.ts';
import type { SourceTreeField, TargetTreeField } from './editor-tree.ts';
import { dominantShape } from './value-shapes.ts';

/** Library functions a suggestion may wrap its source path in. */
export type SuggestionConversion = 'date.toM3' | 'date.toIsoDate' | 'text.join';

/**
 * The conversion a suggested pair needs to give the target the kind of value it expects: a 3dcart
 * date-time into M3's YYYYMMDD or Sage's ISO date, a number into text (M3 numbers travel as text,
 * erp-apis.md B4; Sage order numbers are text). Undefined when the value fits as it is.
 */
export function conversionFor(
  target: TargetTreeField,
  source: SourceTreeField,
  values: readonly JsonValue[],
): SuggestionConversion | undefined {
  const shape = dominantShape(values);
  const isDate = shape === 'date' || source.type === 'date';
  if (target.format === 'YYYYMMDD' && isDate) return 'date.toM3';
  if (target.format === 'isoDate' && isDate) return 'date.toIsoDate';
  const isNumber =
    source.type === 'number' || source.type === 'integer' || shape === 'integer' || shape === 'amount';
  const wantsText = target.type === 'string' && target.format !== 'email';
  const numericValues = values.some((value) => typeof value === 'number') || source.sampleTypes.length === 0;
  if (wantsText && isNumber && numericValues && source.type !== 'string') return 'text.join';
  return undefined;
}

/** A source read wrapped in its conversion: `text.join` with an empty separator turns a number into text. */
export function withConversion(read: MappingSource, conversion: string | undefined): MappingSource {
  if (conversion === undefined) return read;
  if (conversion === 'text.join') return { fn: 'text.join', args: [{ value: '' }, read] };
  return { fn: conversion, args: [read] };
}
