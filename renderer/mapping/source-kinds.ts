import type { JsonValue } from '../../engine/contract/flow-document.ts';
import type { MappingSource } from '../../engine/contract/mapping-document.ts';

// The field form's pure parts: which kind a source is, how typed text becomes a constant, and
// what a source becomes when the user switches its kind.

/** The kinds of source the form edits; `expression` has its own editor. */
export type SourceKind = 'path' | 'value' | 'fn' | 'lookup' | 'if' | 'expression';

export function kindOf(source: MappingSource): SourceKind {
  if ('path' in source) return 'path';
  if ('value' in source) return 'value';
  if ('fn' in source) return 'fn';
  if ('lookup' in source) return 'lookup';
  if ('if' in source) return 'if';
  return 'expression';
}

/** Reads typed text as a constant: numbers and true/false when the parameter wants them. */
export function constantOf(text: string, type: string): JsonValue {
  // Text fields keep text ("001" stays "001"); elsewhere a plain number becomes a number, but not
  // one with leading zeros, which is a code far more often than a quantity.
  const numeric = /^-?(0|[1-9]\d*)(\.\d+)?$/.test(text.trim());
  if ((type === 'number' || type === 'integer' || type === 'any') && numeric) return Number(text);
  if ((type === 'boolean' || type === 'any') && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** The default source of each kind, built from the current one where it can be. */
export function switchKind(
  kind: SourceKind,
  current: MappingSource | undefined,
  firstFunction: string,
): MappingSource | undefined {
  const path = current && 'path' in current ? current : undefined;
  switch (kind) {
    case 'path':
      return path;
    case 'value':
      return { value: current && 'value' in current ? current.value : '' };
    case 'fn':
      return { fn: firstFunction, args: path ? [path] : [] };
    case 'lookup':
      return { lookup: 'table', key: path ?? { value: '' } };
    case 'if':
      return { if: path ?? { value: true }, ifTrue: { value: '' } };
    case 'expression':
      return undefined;
  }
}

/** The kinds in the form's picker, in order. */
export const KINDS: readonly { kind: SourceKind; label: string }[] = [
  { kind: 'path', label: 'Source field' },
  { kind: 'value', label: 'Constant' },
  { kind: 'fn', label: 'Function' },
  { kind: 'lookup', label: 'Lookup table' },
  { kind: 'if', label: 'Condition' },
  { kind: 'expression', label: 'Expression' },
];
