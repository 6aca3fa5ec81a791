import type { MappingFunction } from '../mapping-function.ts';
import { argumentError, booleanSetting, integerSetting, isAbsent } from './function-arguments.ts';
import { characterCount, cleanSpaces, foldToAscii, truncateToWidth } from './text-folding.ts';

const WIDTH_BOUNDS = { min: 1, max: 100_000 };

const normalise: MappingFunction = {
  name: 'text.normalise',
  jsonataName: 'textNormalise',
  category: 'text',
  summary: 'Trim, collapse spaces, drop control characters; optionally fold to ASCII and cut to a width',
  parameters: [
    { name: 'value', type: 'string', description: 'Text' },
    {
      name: 'ascii',
      type: 'boolean',
      optional: true,
      description: 'Fold accents and drop other non-ASCII; default false',
    },
    { name: 'maxWidth', type: 'number', optional: true, description: 'Cut to this many characters' },
  ],
  example: { args: ['  Zoë\tØster \u0007 GmbH  ', true, 12], result: 'Zoe Oster Gm' },
  implementation(value, ascii, maxWidth) {
    const fold = booleanSetting('text.normalise', 'ascii', ascii);
    const width = isAbsent(maxWidth)
      ? undefined
      : integerSetting('text.normalise', 'maxWidth', maxWidth, WIDTH_BOUNDS);
    if (typeof value !== 'string') return null;
    // Fold first: spaces left where a character was dropped are then collapsed with the rest.
    const cleaned = cleanSpaces(fold ? foldToAscii(value) : value);
    const text = width === undefined ? cleaned : truncateToWidth(cleaned, width);
    return text === '' ? null : text;
  },
};

const truncate: MappingFunction = {
  name: 'text.truncate',
  jsonataName: 'textTruncate',
  category: 'text',
  summary: 'Cut text to a field width (e.g. Sage PONUMBER 22), trimming the ends',
  parameters: [
    { name: 'value', type: 'string', description: 'Text' },
    { name: 'width', type: 'number', description: 'Maximum characters' },
  ],
  // Sage OEORDH PONUMBER is 22 characters wide (erp-apis.md A6).
  example: { args: ['3dcart order 100245 – gift wrap please', 22], result: '3dcart order 100245 –' },
  implementation(value, width) {
    const size = integerSetting('text.truncate', 'width', width, WIDTH_BOUNDS);
    if (typeof value !== 'string') return null;
    const text = truncateToWidth(value.trim(), size);
    return text === '' ? null : text;
  },
};

const padStart: MappingFunction = {
  name: 'text.padStart',
  jsonataName: 'textPadStart',
  category: 'text',
  summary:
    'Pad on the left to a fixed width (e.g. customer numbers 0000012345); null if it is already longer',
  parameters: [
    { name: 'value', type: 'any', description: 'Text or whole number' },
    { name: 'width', type: 'number', description: 'Width to pad to' },
    { name: 'fill', type: 'string', optional: true, description: 'One padding character; default "0"' },
  ],
  example: { args: [12345, 10], result: '0000012345' },
  implementation(value, width, fill) {
    const size = integerSetting('text.padStart', 'width', width, WIDTH_BOUNDS);
    const padding = isAbsent(fill) ? '0' : fill;
    if (typeof padding !== 'string' || characterCount(padding) !== 1) {
      throw argumentError('text.padStart', `fill must be one character, got ${JSON.stringify(fill)}`);
    }
    const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
    if (typeof text !== 'string' || text.trim() === '') return null;
    const trimmed = text.trim();
    // Longer than the field means the value cannot be stored as is; cutting it would change the key.
    if (characterCount(trimmed) > size) return null;
    return padding.repeat(size - characterCount(trimmed)) + trimmed;
  },
};

const upper: MappingFunction = {
  name: 'text.upper',
  jsonataName: 'textUpper',
  category: 'text',
  summary: 'Trim and upper-case (locale-independent)',
  parameters: [{ name: 'value', type: 'string', description: 'Text' }],
  example: { args: [' lamp-001 '], result: 'LAMP-001' },
  implementation(value) {
    if (typeof value !== 'string') return null;
    const text = value.trim().toUpperCase();
    return text === '' ? null : text;
  },
};

const join: MappingFunction = {
  name: 'text.join',
  jsonataName: 'textJoin',
  category: 'text',
  summary:
    'Join up to four values with a separator, skipping missing ones (first + last name, "3DC-" + order id)',
  parameters: [
    { name: 'separator', type: 'string', description: 'Put between the parts, e.g. " " or ""' },
    { name: 'first', type: 'any', description: 'First part' },
    { name: 'second', type: 'any', optional: true, description: 'Second part' },
    { name: 'third', type: 'any', optional: true, description: 'Third part' },
    { name: 'fourth', type: 'any', optional: true, description: 'Fourth part' },
  ],
  example: { args: [' ', 'Ann', null, 'Lee'], result: 'Ann Lee' },
  implementation(separator, ...parts) {
    if (typeof separator !== 'string') throw argumentError('text.join', 'separator must be text');
    let joined: string | null = null;
    for (const part of parts) {
      const text = typeof part === 'string' ? part.trim() : typeof part === 'number' ? String(part) : '';
      if (text !== '') joined = joined === null ? text : `${joined}${separator}${text}`;
    }
    return joined;
  },
};

export const TEXT_FUNCTIONS: readonly MappingFunction[] = [normalise, truncate, padStart, upper, join];
