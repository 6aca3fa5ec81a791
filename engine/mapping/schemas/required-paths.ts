import type { FieldSpec, RecordSchema } from './record-schema.ts';

/** Options of {@link requiredPaths}. */
export interface RequiredPathsOptions {
  /**
   * Include fields required only for some sibling values (`OrderDetails[].Item` on Item lines).
   * Default true: the coverage view shows them, with the condition read from the field's spec.
   */
  readonly conditional?: boolean;
}

/**
 * The required leaf paths of a schema, arrays written as `OrderDetails[].Item`, in field order.
 * A field inside an optional object or array is listed only when every container above it is
 * required too: an absent optional container asks for nothing.
 */
export function requiredPaths(schema: RecordSchema, options: RequiredPathsOptions = {}): string[] {
  const paths: string[] = [];
  collect(schema.fields, '', options.conditional ?? true, paths);
  return paths;
}

function collect(fields: readonly FieldSpec[], prefix: string, conditional: boolean, paths: string[]): void {
  for (const field of fields) {
    const required = field.required === true || (conditional && field.requiredWhen !== undefined);
    if (!required) continue;
    const path = prefix + field.name;
    const children = field.fields;
    const before = paths.length;
    if (children !== undefined && (field.type === 'object' || field.type === 'array')) {
      collect(children, field.type === 'array' ? `${path}[].` : `${path}.`, conditional, paths);
    }
    // A required container none of whose own fields is required is itself the leaf.
    if (paths.length === before) paths.push(path);
  }
}
