// Text clean-up shared by the text, customer and address functions.

// Letters that Unicode decomposition (NFKD) leaves alone because they are not a base letter plus a
// mark; ERP fields limited to ASCII still need a readable spelling for them.
const LETTER_SPELLINGS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
};

// Typographic punctuation that word processors and phone keyboards put into addresses.
const PUNCTUATION_SPELLINGS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u00A0': ' ',
};

/** Removes accents and spells special Latin letters out ("Zoë Øster" → "Zoe Oster"); other scripts stay. */
export function foldAccents(text: string): string {
  return text
    .replace(
      /[^\p{ASCII}]/gu,
      (character) => LETTER_SPELLINGS[character] ?? PUNCTUATION_SPELLINGS[character] ?? character,
    )
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
}

/** {@link foldAccents}, then drops every character that is still not ASCII. */
export function foldToAscii(text: string): string {
  return foldAccents(text).replace(/[^\p{ASCII}]/gu, '');
}

/**
 * Tabs and line breaks become spaces, other control characters (C0, DEL, C1) and zero-width
 * characters go, runs of white space collapse to one, and the ends are trimmed.
 */
export function cleanSpaces(text: string): string {
  return text
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, ' ')
    .replace(/[\p{Cc}\u200B-\u200D\u2060\uFEFF]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first `width` characters (code points, so an emoji is never cut in half), trimmed at the end. */
export function truncateToWidth(text: string, width: number): string {
  // Code units never undercount code points: a short string fits without splitting it.
  if (text.length <= width) return text;
  const characters = Array.from(text);
  return characters.length <= width ? text : characters.slice(0, width).join('').trimEnd();
}

/** Length in code points, the unit of {@link truncateToWidth}. */
export function characterCount(text: string): number {
  return Array.from(text).length;
}
