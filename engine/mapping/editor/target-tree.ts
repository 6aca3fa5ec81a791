import type { FieldSpec, RecordSchema } from '../schemas/record-schema.ts';
import type { TargetTreeField } from './editor-tree.ts';

/**
 * The editor's target tree: every field of the target schema in schema order, with required
 * markers, widths, allowed values and formats as the schema gives them. Paths use `[]` for
 * arrays (`OrderDetails[].Item`), the same form as coverage and lineage.
 */
export function buildTargetTree(schema: RecordSchema): TargetTreeField[] {
  const rows: TargetTreeField[] = [];
  const visit = (
    fields: readonly FieldSpec[],
    parent: string,
    parentIsArray: boolean,
    depth: number,
  ): void => {
    for (const field of fields) {
      const path = parent === '' ? field.name : `${parent}${parentIsArray ? '[].' : '.'}${field.name}`;
      rows.push(toRow(field, path, parent, depth));
      if (field.fields) visit(field.fields, path, field.type === 'array', depth + 1);
    }
  };
  visit(schema.fields, '', false, 0);
  return rows;
}

function toRow(field: FieldSpec, path: string, parent: string, depth: number): TargetTreeField {
  const row: TargetTreeField = {
    path,
    name: field.name,
    parent,
    depth,
    type: field.type,
    isArray: field.type === 'array',
    required: field.required === true,
    description: field.description,
    childCount: field.fields?.length ?? 0,
  };
  if (field.requiredWhen) row.requiredWhen = field.requiredWhen;
  if (field.maxLength !== undefined) row.maxLength = field.maxLength;
  if (field.allowed) row.allowed = field.allowed;
  if (field.format) row.format = field.format;
  if (field.minItems !== undefined) row.minItems = field.minItems;
  return row;
}
