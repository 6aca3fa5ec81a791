import type { JsonValue } from '../../engine/contract/flow-document.ts';
import {
  type FieldMapping,
  type Mapping,
  MappingSchema,
  type MappingSource,
} from '../../engine/contract/mapping-document.ts';

// Editor actions on a mapping node's parameters, as pure `(mapping, args) → mapping` functions:
// the store applies them through the designer's undoable `edit`, and tests run them without React.
// Target paths are the target tree's (`OrderDetails[].Item`); source paths the source tree's
// (`OrderItemList[].ItemID`).

/** The mapping held in a node's parameters (an empty one when they do not parse). */
export function mappingOf(parameters: { [key: string]: JsonValue }): Mapping {
  const parsed = MappingSchema.safeParse({
    ...(typeof parameters.targetSchema === 'string' && parameters.targetSchema !== ''
      ? { targetSchema: parameters.targetSchema }
      : {}),
    ...(typeof parameters.sourceSchema === 'string' && parameters.sourceSchema !== ''
      ? { sourceSchema: parameters.sourceSchema }
      : {}),
    fields: parameters.fields ?? [],
  });
  return parsed.success ? parsed.data : { fields: [] };
}

/** Splits `OrderDetails[].Item` into the list and the line field; one level of lines. */
function splitTarget(target: string): { list?: string; name: string } {
  const at = target.indexOf('[].');
  return at < 0 ? { name: target } : { list: target.slice(0, at), name: target.slice(at + 3) };
}

/** The mapping of one target, or undefined. */
export function findField(mapping: Mapping, target: string): FieldMapping | undefined {
  const { list, name } = splitTarget(target);
  if (list === undefined) return mapping.fields.find((field) => field.target === name);
  const block = mapping.fields.find((field) => field.target === list);
  return block && 'forEach' in block ? block.fields.find((field) => field.target === name) : undefined;
}

/** Every mapped target path (`OrderDetails`, `OrderDetails[].Item`), for the lines between the trees. */
export function mappedTargets(mapping: Mapping): { target: string; field: FieldMapping }[] {
  return mapping.fields.flatMap((field) => [
    { target: field.target, field },
    ...('forEach' in field
      ? field.fields.map((child) => ({ target: `${field.target}[].${child.target}`, field: child }))
      : []),
  ]);
}

/**
 * The source paths a target's mapping reads, as dotted paths from the item root
 * (`OrderItemList.ItemID`; compare with the source tree's `mappingPath` to draw lines). `list` is
 * the mapping path of the enclosing "for each" block's list, for line fields.
 */
export function sourcePathsOf(field: FieldMapping, list?: string): string[] {
  const paths: string[] = [];
  const visit = (source: MappingSource): void => {
    if ('path' in source) {
      const relative = source.from !== 'root' && list !== undefined;
      paths.push(relative ? `${list}.${source.path}` : source.path);
    } else if ('fn' in source) source.args.forEach(visit);
    else if ('lookup' in source) visit(source.key);
    else if ('if' in source) {
      visit(source.if);
      visit(source.ifTrue);
      if (source.ifFalse) visit(source.ifFalse);
    }
  };
  visit('forEach' in field ? field.forEach : field.source);
  return paths;
}

/** `OrderItemList[].ItemID` → `OrderItemList.ItemID`. */
export function mappingPathOf(sourcePath: string): string {
  return sourcePath.replaceAll('[]', '');
}

/** The list a source tree path lies in (`OrderItemList` for `OrderItemList[].ItemID`), or undefined. */
function sourceList(sourcePath: string): string | undefined {
  const at = sourcePath.lastIndexOf('[].');
  return at < 0 ? undefined : sourcePath.slice(0, at);
}

/**
 * Sets a target's source, replacing what was there. A line field goes into its list's "for each"
 * block, created over `forEachSource` (the dragged field's list) when missing.
 */
export function setSource(
  mapping: Mapping,
  target: string,
  source: MappingSource,
  forEachSource?: string,
): Mapping {
  const { list, name } = splitTarget(target);
  if (list === undefined) return { ...mapping, fields: upsert(mapping.fields, { target: name, source }) };
  const existing = mapping.fields.find((field) => field.target === list);
  const block: FieldMapping =
    existing && 'forEach' in existing
      ? existing
      : { target: list, forEach: { path: mappingPathOf(forEachSource ?? list) }, fields: [] };
  if (!('forEach' in block)) return mapping;
  const updated = { ...block, fields: upsert(block.fields, { target: name, source }) };
  return { ...mapping, fields: upsert(mapping.fields, updated) };
}

function upsert(fields: readonly FieldMapping[], field: FieldMapping): FieldMapping[] {
  const index = fields.findIndex((candidate) => candidate.target === field.target);
  if (index < 0) return [...fields, field];
  return fields.map((candidate, at) => (at === index ? field : candidate));
}

/**
 * Drops a source field onto a target field. Onto a list target with a list source: a "for each
 * line" block. Onto a line field: a path relative to the line when the source is in the block's
 * list, else read from the root. Onto any other field: the source path.
 */
export function mapByDrop(
  mapping: Mapping,
  drop: { source: string; sourceIsArray: boolean; target: string; targetIsArray: boolean },
): Mapping {
  const { source, target } = drop;
  if (drop.targetIsArray && !target.includes('[]')) {
    if (!drop.sourceIsArray) return mapping;
    const existing = mapping.fields.find((field) => field.target === target);
    const fields = existing && 'forEach' in existing ? existing.fields : [];
    const block: FieldMapping = { target, forEach: { path: mappingPathOf(source) }, fields };
    return { ...mapping, fields: upsert(mapping.fields, block) };
  }
  const { list } = splitTarget(target);
  if (list === undefined) return setSource(mapping, target, { path: mappingPathOf(source) });
  const block = mapping.fields.find((field) => field.target === list);
  const blockList =
    block && 'forEach' in block && 'path' in block.forEach
      ? block.forEach.path
      : mappingPathOf(sourceList(source) ?? '');
  const flat = mappingPathOf(source);
  const inLine = blockList !== '' && flat.startsWith(`${blockList}.`);
  const read: MappingSource = inLine
    ? { path: flat.slice(blockList.length + 1) }
    : { path: flat, from: 'root' };
  return setSource(mapping, target, read, sourceList(source));
}

/** Removes a target's mapping (a list target removes its whole block). */
export function removeField(mapping: Mapping, target: string): Mapping {
  const { list, name } = splitTarget(target);
  if (list === undefined)
    return { ...mapping, fields: mapping.fields.filter((field) => field.target !== name) };
  return {
    ...mapping,
    fields: mapping.fields.map((field) =>
      field.target === list && 'forEach' in field
        ? { ...field, fields: field.fields.filter((child) => child.target !== name) }
        : field,
    ),
  };
}
