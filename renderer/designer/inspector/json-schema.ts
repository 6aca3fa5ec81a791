/** A JSON Schema node as zod's toJSONSchema writes it (the subset the form generator reads). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
}

/** How a field is edited. */
export type FieldKind =
  | { kind: 'text' }
  | { kind: 'expression' }
  | { kind: 'number'; integer: boolean }
  | { kind: 'boolean' }
  | { kind: 'select'; options: string[] }
  | { kind: 'list'; item: JsonSchema }
  | { kind: 'object'; schema: JsonSchema }
  | { kind: 'variant'; discriminator: string; variants: { value: string; schema: JsonSchema }[] }
  | { kind: 'json' };

/** Reads a schema from untyped description data. */
export function asSchema(value: unknown): JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonSchema) : {};
}

/** Follows a local `$ref` (`#/$defs/name`) against the root schema. */
export function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (!schema.$ref?.startsWith('#/$defs/')) return schema;
  return root.$defs?.[schema.$ref.slice('#/$defs/'.length)] ?? {};
}

/** The editor to use for a schema at a parameter path. */
export function fieldKind(raw: JsonSchema, root: JsonSchema, isExpression: boolean): FieldKind {
  const schema = resolve(raw, root);
  if (schema.enum?.every((entry) => typeof entry === 'string')) {
    return { kind: 'select', options: (schema.enum ?? []).map(String) };
  }
  if (schema.oneOf) return variantKind(schema.oneOf, root) ?? { kind: 'json' };
  if (schema.anyOf) return { kind: 'json' };
  switch (schema.type) {
    case 'string':
      return isExpression ? { kind: 'expression' } : { kind: 'text' };
    case 'number':
    case 'integer':
      return { kind: 'number', integer: schema.type === 'integer' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'array': {
      const item = resolve(schema.items ?? {}, root);
      return item.type === 'object' && item.properties ? { kind: 'list', item } : { kind: 'json' };
    }
    case 'object':
      return schema.properties ? { kind: 'object', schema } : { kind: 'json' };
    default:
      return { kind: 'json' };
  }
}

/** A oneOf whose branches are told apart by one `const` property (`body.mode`). */
function variantKind(branches: JsonSchema[], root: JsonSchema): FieldKind | undefined {
  const resolved = branches.map((branch) => resolve(branch, root));
  const first = resolved[0]?.properties ?? {};
  const discriminator = Object.keys(first).find((key) =>
    resolved.every((branch) => typeof branch.properties?.[key]?.const === 'string'),
  );
  if (!discriminator) return undefined;
  return {
    kind: 'variant',
    discriminator,
    variants: resolved.map((schema) => ({
      value: String(schema.properties?.[discriminator]?.const),
      schema,
    })),
  };
}

/** `query[0].value` → `query.value`: how node descriptions name expression parameters. */
export function withoutIndices(path: readonly (string | number)[]): string {
  return path.filter((segment) => typeof segment === 'string').join('.');
}

/** Formats a parameter path like the engine's problems do (`headers[1].name`). */
export function formatParameterPath(path: readonly (string | number)[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** `sourceSchema` → `Source schema`. */
export function humanise(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}
