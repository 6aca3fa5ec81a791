import { useState } from 'react';
import type { JsonValue } from '../../engine/contract/flow-document.ts';

/** Children are drawn only once their parent is opened, so a 60-line order renders at once. */
const OPEN_DEPTH = 1;

/** A collapsible JSON tree: objects and arrays open on click, scalars shown inline. */
export function JsonTree({ value, label }: { value: JsonValue; label?: string }) {
  return (
    <div className="json-tree" data-label={label ?? 'JSON'}>
      <JsonNode name={label ?? ''} value={value} depth={0} />
    </div>
  );
}

function JsonNode({ name, value, depth }: { name: string; value: JsonValue; depth: number }) {
  const [open, setOpen] = useState(depth < OPEN_DEPTH);
  if (value === null || typeof value !== 'object') {
    return (
      <div className="json-row">
        {name ? <span className="json-key">{name}: </span> : null}
        <span className={`json-${value === null ? 'null' : typeof value}`}>{JSON.stringify(value)}</span>
      </div>
    );
  }
  const entries: [string, JsonValue][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  const summary = Array.isArray(value) ? `[${value.length}]` : `{${entries.length}}`;
  return (
    <div className="json-branch">
      <button type="button" className="json-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} {name ? <span className="json-key">{name}</span> : null}{' '}
        <span className="muted">{summary}</span>
      </button>
      {open ? (
        <div className="json-children">
          {entries.map(([key, child]) => (
            <JsonNode key={key} name={key} value={child} depth={depth + 1} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
