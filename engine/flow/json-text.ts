/** Where a JSON text stops being valid, for messages like `line 12, column 5: ...`. */
export interface JsonSyntaxFailure {
  /** 0-based offset in the text (UTF-16 code units, as JavaScript strings count). */
  position: number;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** V8's message without its position suffix or source excerpt. */
  message: string;
}

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; failure: JsonSyntaxFailure };

// Node 24 (V8) appends `[in JSON] at position 123 (line 12 column 5)` to most syntax errors.
const POSITION_SUFFIX = /\s+(?:in JSON )?at position (\d+)(?: \(line \d+ column \d+\))?$/;
// ...but "Unexpected token" errors carry an excerpt instead: `Unexpected token '}', "{"a": }" is not
// valid JSON`, or with `..."` ellipses around a window of the text on longer inputs.
const EXCERPT_SUFFIX = /, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s;
const END_OF_INPUT = 'Unexpected end of JSON input';

/**
 * JSON.parse with the failure located. A UTF-8 byte order mark (left by some Windows editors) is
 * ignored, as editors do, so positions match what the user sees.
 */
export function parseJson(text: string): JsonParseResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    const position = positionOf(source, message);
    const { line, column } = lineAndColumn(source, position);
    return { ok: false, failure: { position, line, column, message: cleanMessage(message) } };
  }
}

// Invisible characters V8 quotes as they are (`Unexpected token '<newline>'`), named instead.
const INVISIBLE_TOKENS: Readonly<Record<string, string>> = {
  '\n': 'line break',
  '\r': 'line break',
  '\t': 'tab',
};

function cleanMessage(message: string): string {
  return message
    .replace(POSITION_SUFFIX, '')
    .replace(EXCERPT_SUFFIX, '')
    .replace(
      /^Unexpected token '([\n\r\t])'$/,
      (_match, token: string) => `Unexpected ${INVISIBLE_TOKENS[token] ?? 'character'}`,
    );
}

function positionOf(source: string, message: string): number {
  const reported = reportedPosition(message);
  if (reported !== undefined) return reported;
  if (message === END_OF_INPUT) return source.length;
  return firstBadOffset(source);
}

function reportedPosition(message: string): number | undefined {
  const match = POSITION_SUFFIX.exec(message);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * For errors V8 reports without a position: the shortest prefix of the text that fails for a
 * reason other than being cut short ends just after the bad character. Whether a prefix fails
 * that way only changes once as the prefix grows, so a binary search finds it in ~24 parses
 * even for a 10 MiB file (this only runs on broken files).
 */
function firstBadOffset(source: string): number {
  let low = 1;
  let high = source.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsBeforeEnd(source.slice(0, middle))) high = middle;
    else low = middle + 1;
  }
  return Math.max(0, low - 1);
}

function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    if (message === END_OF_INPUT) return false;
    const reported = reportedPosition(message);
    // An error at the very end of the prefix only says the text was cut short.
    return reported === undefined || reported < prefix.length;
  }
}

/** 1-based line and column of `position`; `\r\n` and `\n` both end a line. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < position;
    index = text.indexOf('\n', index + 1)
  ) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: position - lineStart + 1 };
}
