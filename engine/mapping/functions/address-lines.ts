import type { JsonValue } from '../../contract/flow-document.ts';
import { characterCount, cleanSpaces } from './text-folding.ts';

/** The non-blank lines of a street address given as one string (line breaks kept) or a list of strings. */
export function addressLines(value: JsonValue | undefined): string[] | null {
  const parts = typeof value === 'string' ? [value] : Array.isArray(value) ? value : null;
  if (parts === null) return null;
  const lines: string[] = [];
  for (const part of parts) {
    if (part === null) continue;
    if (typeof part !== 'string') return null;
    for (const line of part.split(/\r\n|[\r\n]/)) {
      const cleaned = cleanSpaces(line);
      if (cleaned !== '') lines.push(cleaned);
    }
  }
  return lines;
}

/** Splits a word longer than the line into line-sized pieces: an address has nowhere else to put it. */
function pieces(word: string, width: number): string[] {
  const characters = Array.from(word);
  const result: string[] = [];
  for (let start = 0; start < characters.length; start += width) {
    result.push(characters.slice(start, start + width).join(''));
  }
  return result;
}

/** Greedy word wrap of one line at `width` characters. */
export function wrapLine(line: string, width: number): string[] {
  const wrapped: string[] = [];
  let current = '';
  for (const word of line.split(' ').flatMap((entry) => pieces(entry, width))) {
    if (current === '') current = word;
    else if (characterCount(current) + 1 + characterCount(word) <= width) current = `${current} ${word}`;
    else {
      wrapped.push(current);
      current = word;
    }
  }
  if (current !== '') wrapped.push(current);
  return wrapped;
}

/**
 * Fits address lines into at most `lineCount` lines of at most `width` characters, breaking at
 * spaces. The shopper's own line breaks are kept when that fits; otherwise all the text is wrapped
 * as one paragraph. Null when even that overflows: cutting text off an address loses a delivery.
 */
export function fitAddressLines(lines: readonly string[], lineCount: number, width: number): string[] | null {
  const kept = lines.flatMap((line) => wrapLine(line, width));
  if (kept.length <= lineCount) return kept;
  const joined = wrapLine(lines.join(' '), width);
  return joined.length <= lineCount ? joined : null;
}
