import type { FieldMapping, Mapping, MappingSource } from './mapping-model.ts';

/** What JSONata calls a mapping function by: its `jsonataName`. */
export type JsonataNameOf = (functionName: string) => string | undefined;

/**
 * Writes a declarative mapping as one JSONata expression with the same meaning: the form
 * JSONata users know, and the reference the compiled mapping is tested against (the
 * differential test evaluates both on generated orders). Expects bindings `$root` (the whole
 * item), `$lookup(table, key)` and the library functions.
 */
export function mappingToJsonata(mapping: Mapping, jsonataName: JsonataNameOf): string {
  return objectConstructor(mapping.fields, jsonataName);
}

function objectConstructor(fields: readonly FieldMapping[], jsonataName: JsonataNameOf): string {
  const tree = new Map<string, string | FieldMapping[]>();
  // Dotted targets (`Header.Date`) become nested constructors.
  const nested = new Map<string, FieldMapping[]>();
  for (const field of fields) {
    const [head = '', ...rest] = field.target.split('.');
    if (rest.length > 0) {
      const list = nested.get(head) ?? [];
      list.push({ ...field, target: rest.join('.') });
      nested.set(head, list);
      tree.set(head, list);
    } else {
      tree.set(head, fieldValue(field, jsonataName));
    }
  }
  const entries = [...tree].map(
    ([name, value]) =>
      `${JSON.stringify(name)}: ${typeof value === 'string' ? value : objectConstructor(value, jsonataName)}`,
  );
  return `{${entries.join(', ')}}`;
}

function fieldValue(field: FieldMapping, jsonataName: JsonataNameOf): string {
  if ('source' in field) return sourceExpression(field.source, jsonataName);
  // `[...]` keeps a one-element result an array, as the compiled mapping does.
  return `[(${sourceExpression(field.forEach, jsonataName)}).(${objectConstructor(field.fields, jsonataName)})]`;
}

/** One source as a JSONata expression. */
export function sourceExpression(source: MappingSource, jsonataName: JsonataNameOf): string {
  if ('path' in source) {
    const path = source.path
      .split('.')
      .map((step) => `\`${step.replaceAll('`', '')}\``)
      .join('.');
    return source.from === 'root' ? `$root.${path}` : path;
  }
  if ('value' in source) return `(${JSON.stringify(source.value)})`;
  if ('fn' in source) {
    const name = jsonataName(source.fn);
    if (!name) throw new Error(`Unknown mapping function "${source.fn}"`);
    return `$${name}(${source.args.map((argument) => sourceExpression(argument, jsonataName)).join(', ')})`;
  }
  if ('lookup' in source)
    return `$lookup(${JSON.stringify(source.lookup)}, ${sourceExpression(source.key, jsonataName)})`;
  if ('if' in source) {
    const condition = `$boolean(${sourceExpression(source.if, jsonataName)})`;
    const otherwise = source.ifFalse ? ` : ${sourceExpression(source.ifFalse, jsonataName)}` : '';
    return `(${condition} ? ${sourceExpression(source.ifTrue, jsonataName)}${otherwise})`;
  }
  return `(${source.expression})`;
}
