import { Sage300Failure } from './sage300-errors.ts';
import {
  choice,
  completeRow,
  type EntitySchema,
  type Sage300Row,
  type Sage300Value,
} from './sage300-fields.ts';

/** `UpdateOperation` on detail lines (S-DEV §9); every detail schema carries it. */
export const updateOperation = choice(['Unspecified', 'Insert', 'Update', 'Delete']);

export interface DetailMerge {
  readonly schema: EntitySchema;
  /** Property that identifies a line within its parent, e.g. `EntryNumber`. */
  readonly keyField: string;
  /** Key for a new line sent without one. */
  assignKey?(lines: readonly Sage300Row[]): Sage300Value;
  /** How an updated line combines with the old one (default: sent properties over the old ones). */
  mergeLine?(previous: Sage300Row, incoming: Sage300Row): Sage300Row;
}

/**
 * Applies PATCH detail lines to existing ones: `Unspecified` upserts by key, `Insert` adds, `Update`
 * changes and `Delete` removes (S-DEV §9). A line that `Update`/`Delete` names and that does not exist
 * is a business-rule failure [U: code not documented].
 */
export function mergeDetails(
  existing: readonly Sage300Row[],
  incoming: readonly Sage300Row[],
  merge: DetailMerge,
): Sage300Row[] {
  const lines = [...existing];
  for (const line of incoming) {
    const operation = line.UpdateOperation ?? 'Unspecified';
    const key = line[merge.keyField];
    const index = key === undefined ? -1 : lines.findIndex((candidate) => candidate[merge.keyField] === key);
    const missing = () =>
      new Sage300Failure(
        'RecordInvalid',
        `${merge.schema.name} ${merge.keyField} ${String(key)} does not exist.`,
      );
    const previous = lines[index];
    if (operation === 'Delete' || operation === 'Update') {
      if (previous === undefined) throw missing();
      if (operation === 'Delete') lines.splice(index, 1);
      else lines[index] = settle(merge.mergeLine?.(previous, line) ?? { ...previous, ...line });
      continue;
    }
    if (previous !== undefined && operation === 'Insert') {
      throw new Sage300Failure(
        'RecordDuplicate',
        `${merge.schema.name} ${merge.keyField} ${String(key)} already exists.`,
      );
    }
    if (previous !== undefined)
      lines[index] = settle(merge.mergeLine?.(previous, line) ?? { ...previous, ...line });
    else lines.push(settle(newLine(line, lines, merge)));
  }
  return lines;
}

function newLine(line: Sage300Row, lines: readonly Sage300Row[], merge: DetailMerge): Sage300Row {
  const row = completeRow(merge.schema, line);
  if (line[merge.keyField] === undefined && merge.assignKey) row[merge.keyField] = merge.assignKey(lines);
  return row;
}

/** A stored line shows no pending operation. */
function settle(line: Sage300Row): Sage300Row {
  return { ...line, UpdateOperation: 'Unspecified' };
}

/** Sets pending operations of freshly inserted details back to `Unspecified`. */
export function settleAll(lines: readonly Sage300Row[]): Sage300Row[] {
  return lines.map(settle);
}
