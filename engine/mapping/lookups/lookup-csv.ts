import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { isLookupMatchMode, LOOKUP_MATCH_MODES, type LookupRow } from './lookup-table.ts';

/** One thing wrong in an imported file, on a 1-based line (a row's first line when it spans several). */
export interface CsvProblem {
  line: number;
  message: string;
}

/** A whole file's rows, or every problem found in it (never some of the rows). */
export type ParsedLookupCsv = { ok: true; rows: LookupRow[] } | { ok: false; problems: CsvProblem[] };

const COLUMNS = ['key', 'value', 'match', 'note'] as const;
type Column = (typeof COLUMNS)[number];
const HEADER_HINT = 'key,value[,match][,note]';

/** A parsed record with the line it starts on. */
interface NumberedRecord {
  line: number;
  cells: string[];
}

/**
 * Writes rows as CSV with the header `key,value,match,note`. Every cell is text, so leading zeros,
 * commas, quotes, line breaks and any Unicode survive {@link parseLookupCsv} unchanged.
 */
export function formatLookupCsv(rows: readonly LookupRow[]): string {
  const records = rows.map((row) => [row.key, row.value, row.match, row.note ?? '']);
  return stringify([[...COLUMNS], ...records]);
}

/**
 * Reads a lookup CSV: a header naming the columns (`key` and `value` required, `match` and `note`
 * optional, any order, any letter case), then one row per line. Blank lines are skipped; an empty
 * `match` means `exact`. Cells are taken verbatim (no trimming): `00123 ` and `00123` are
 * different keys, as they are to the ERP.
 */
export function parseLookupCsv(text: string): ParsedLookupCsv {
  const records = readRecords(text);
  if (!Array.isArray(records)) return { ok: false, problems: [records] };
  const [header, ...body] = records;
  if (!header) {
    return {
      ok: false,
      problems: [{ line: 1, message: `The file is empty; it needs a ${HEADER_HINT} header` }],
    };
  }
  const columns = readHeader(header);
  if (!Array.isArray(columns)) return { ok: false, problems: [columns] };
  const problems: CsvProblem[] = [];
  const rows: LookupRow[] = [];
  const firstLineOfKey = new Map<string, number>();
  for (const record of body) {
    const row = readRow(record, columns, firstLineOfKey);
    if ('message' in row) problems.push(row);
    else rows.push(row);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

/** Records with their starting line, blank lines dropped; a syntax error becomes one problem. */
function readRecords(text: string): NumberedRecord[] | CsvProblem {
  let cells: string[][];
  try {
    // Blank lines are kept (as one empty cell) so that lines can be counted here: csv-parse's own
    // count goes wrong after a CRLF inside a quoted value.
    cells = parse(text, { bom: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] });
  } catch (thrown) {
    return syntaxProblem(thrown);
  }
  const records: NumberedRecord[] = [];
  let line = 1;
  for (const record of cells) {
    if (!(record.length === 1 && record[0] === '')) records.push({ line, cells: record });
    line += 1 + record.reduce((breaks, cell) => breaks + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  }
  return records;
}

function syntaxProblem(thrown: unknown): CsvProblem {
  if (!(thrown instanceof CsvError)) throw thrown;
  const line = typeof thrown.lines === 'number' ? thrown.lines : 1;
  if (thrown.code === 'CSV_QUOTE_NOT_CLOSED') {
    return { line, message: 'A quoted value starts here and is never closed with a matching "' };
  }
  if (thrown.code === 'INVALID_OPENING_QUOTE' || thrown.code === 'CSV_INVALID_CLOSING_QUOTE') {
    const message = 'A " appears inside a value; wrap the whole value in quotes and double the " inside it';
    return { line, message };
  }
  return { line, message: thrown.message };
}

/** The column each cell position holds, or the problem with the header. */
function readHeader(header: NumberedRecord): Column[] | CsvProblem {
  const columns: Column[] = [];
  for (const cell of header.cells) {
    const name = cell.trim().toLowerCase();
    const column = COLUMNS.find((known) => known === name);
    if (!column) {
      return { line: header.line, message: `Unknown column '${cell}'; the header must be ${HEADER_HINT}` };
    }
    if (columns.includes(column)) return { line: header.line, message: `Column '${column}' appears twice` };
    columns.push(column);
  }
  if (!columns.includes('key') || !columns.includes('value')) {
    return { line: header.line, message: `The header must name key and value columns (${HEADER_HINT})` };
  }
  return columns;
}

/** One body record as a row, or the reasons it cannot be imported (joined into one problem). */
function readRow(
  record: NumberedRecord,
  columns: readonly Column[],
  firstLineOfKey: Map<string, number>,
): LookupRow | CsvProblem {
  const { line, cells } = record;
  if (cells.length !== columns.length) {
    const message = `The row has ${cells.length} cells but the header has ${columns.length}; quote values that contain commas`;
    return { line, message };
  }
  const cell = (column: Column): string => cells[columns.indexOf(column)] ?? '';
  const reasons: string[] = [];
  const key = cell('key');
  if (key === '') reasons.push('the key is empty');
  const earlier = firstLineOfKey.get(key);
  if (key !== '' && earlier !== undefined) reasons.push(`key '${key}' already appears on line ${earlier}`);
  if (key !== '' && earlier === undefined) firstLineOfKey.set(key, line);
  const match = cell('match') === '' ? 'exact' : cell('match');
  if (!isLookupMatchMode(match)) {
    reasons.push(`match '${match}' is not one of ${LOOKUP_MATCH_MODES.join(', ')}`);
  }
  if (reasons.length > 0 || !isLookupMatchMode(match))
    return { line, message: capitalise(reasons.join('; ')) };
  const note = cell('note');
  const row: LookupRow = { key, value: cell('value'), match };
  return note === '' ? row : { ...row, note };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
