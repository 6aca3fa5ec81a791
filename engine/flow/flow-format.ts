import type { FlowDocument } from '../contract/flow-document.ts';
import { isRecord } from './json-path.ts';

/**
 * How one kind of object is written: its keys in this order, then any other keys sorted; nested
 * objects by their own layout. Objects without a layout (parameters, credentials, anything
 * unknown) have all their keys sorted, at every depth.
 */
interface Layout {
  readonly order: readonly string[];
  readonly fields?: Readonly<Record<string, Layout | ArrayLayout>>;
  /** Always one property per line, even when short: one node (or edge) per block. */
  readonly block?: boolean;
}

interface ArrayLayout {
  readonly items: Layout;
}

const RETRY: Layout = { order: ['maxAttempts', 'backoffMs', 'maxBackoffMs'] };

const NODE: Layout = {
  order: [
    'id',
    'name',
    'type',
    'typeVersion',
    'position',
    'disabled',
    'notes',
    'credentials',
    'settings',
    'parameters',
  ],
  fields: {
    position: { order: ['x', 'y'] },
    settings: { order: ['retry', 'continueOnError', 'timeoutMs', 'concurrency'], fields: { retry: RETRY } },
  },
  block: true,
};

const EDGE: Layout = { order: ['id', 'source', 'sourceHandle', 'target', 'targetHandle'], block: true };

const DOCUMENT: Layout = {
  order: ['schemaVersion', 'id', 'name', 'description', 'settings', 'nodes', 'edges'],
  fields: {
    settings: { order: ['errorPolicy', 'timezone', 'retry'], fields: { retry: RETRY } },
    nodes: { items: NODE },
    edges: { items: EDGE },
  },
  block: true,
};

/** Objects and arrays of scalars this short or shorter go on one line (`{ "x": 120, "y": 80 }`). */
const INLINE_LIMIT = 60;
const INDENT = '  ';

/**
 * Writes a flow the one way it is always written: 2-space indent, fixed key order, trailing
 * newline. Saving an unchanged flow gives the same bytes, so git diffs show only real edits.
 */
export function formatFlow(document: FlowDocument): string {
  return `${render(document, DOCUMENT, '')}\n`;
}

function render(value: unknown, layout: Layout | ArrayLayout | undefined, indent: string): string {
  if (Array.isArray(value))
    return renderArray(value, layout !== undefined && 'items' in layout ? layout.items : undefined, indent);
  if (isRecord(value))
    return renderObject(value, layout !== undefined && 'order' in layout ? layout : undefined, indent);
  // undefined never reaches here from a parsed document; JSON.stringify would drop it silently.
  return JSON.stringify(value) ?? 'null';
}

function renderArray(items: readonly unknown[], itemLayout: Layout | undefined, indent: string): string {
  if (items.length === 0) return '[]';
  if (items.every(isScalar)) {
    const inline = `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;
    if (inline.length <= INLINE_LIMIT) return inline;
  }
  const inner = indent + INDENT;
  const lines = items.map((item) => inner + render(item, itemLayout, inner));
  return `[\n${lines.join(',\n')}\n${indent}]`;
}

function renderObject(object: Record<string, unknown>, layout: Layout | undefined, indent: string): string {
  const keys = orderedKeys(object, layout);
  if (keys.length === 0) return '{}';
  if (!layout?.block && keys.every((key) => isScalar(object[key]))) {
    const inline = `{ ${keys.map((key) => `${JSON.stringify(key)}: ${JSON.stringify(object[key])}`).join(', ')} }`;
    if (inline.length <= INLINE_LIMIT) return inline;
  }
  const inner = indent + INDENT;
  const lines = keys.map(
    (key) => `${inner}${JSON.stringify(key)}: ${render(object[key], layout?.fields?.[key], inner)}`,
  );
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/** Layout keys first, then the rest sorted by code unit (stable whatever the machine's locale). */
function orderedKeys(object: Record<string, unknown>, layout: Layout | undefined): string[] {
  const present = Object.keys(object).filter((key) => object[key] !== undefined);
  const known = layout ? layout.order.filter((key) => present.includes(key)) : [];
  const rest = present.filter((key) => !known.includes(key)).sort(compareCodeUnits);
  return [...known, ...rest];
}

function compareCodeUnits(left: string, right: string): number {
  if (left < right) return -1;
  return left > right ? 1 : 0;
}

function isScalar(value: unknown): boolean {
  return (
    value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
  );
}
