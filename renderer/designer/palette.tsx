import { useMemo, useState } from 'react';
import { NODE_CATEGORIES, type NodeDescription } from '../../engine/contract/node-description.ts';
import { type DesignerState, edit, newId, select, useDesignerStore } from '../state/designer.store.ts';
import { addNode } from '../state/flow-commands.ts';
import { nodeGlyph } from './node-icons.ts';

/** Drag data type for a node type dragged from the palette onto the canvas. */
export const PALETTE_DRAG_TYPE = 'application/x-bridgeflow-node-type';

const CATEGORY_TITLES: Record<(typeof NODE_CATEGORIES)[number], string> = {
  trigger: 'Triggers',
  transform: 'Transform',
  logic: 'Logic',
  connector: 'Connectors',
  utility: 'Utility',
};

const selectNodeTypes = (state: DesignerState) => state.nodeTypes;

/** Node types grouped by category, with search; drag onto the canvas or press Enter to add. */
export function Palette() {
  const nodeTypes = useDesignerStore(selectNodeTypes);
  const [query, setQuery] = useState('');
  const groups = useMemo(() => groupNodeTypes(nodeTypes, query), [nodeTypes, query]);
  return (
    <aside className="palette" aria-label="Node palette">
      <input
        className="palette-search"
        type="search"
        placeholder="Search nodes (/)"
        aria-label="Search nodes"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <div className="palette-groups">
        {groups.map(([category, descriptions]) => (
          <section key={category} className="palette-group">
            <h3>{CATEGORY_TITLES[category]}</h3>
            {descriptions.map((description) => (
              <PaletteItem key={description.type} description={description} />
            ))}
          </section>
        ))}
        {groups.length === 0 ? <p className="muted">No node matches “{query}”.</p> : null}
      </div>
    </aside>
  );
}

function PaletteItem({ description }: { description: NodeDescription }) {
  return (
    <button
      type="button"
      className="palette-item"
      draggable
      data-testid={`palette-${description.type}`}
      title={description.summary}
      onDragStart={(event) => {
        event.dataTransfer.setData(PALETTE_DRAG_TYPE, description.type);
        event.dataTransfer.effectAllowed = 'copy';
      }}
      onClick={() => addAtFreeSpot(description)}
    >
      <span className="palette-icon" aria-hidden="true">
        {nodeGlyph(description.icon, description.type)}
      </span>
      <span className="palette-text">
        <span className="palette-label">{description.label}</span>
        <span className="palette-summary">{description.summary}</span>
      </span>
    </button>
  );
}

/** Clicking (or Enter on) a palette item adds the node right of the right-most node. */
function addAtFreeSpot(description: NodeDescription): void {
  const nodes = useDesignerStore.getState().document.nodes;
  const right = nodes.reduce((max, node) => Math.max(max, node.position.x), -240);
  const y = nodes.length > 0 ? (nodes.at(-1)?.position.y ?? 0) : 0;
  const id = newId('node');
  if (edit((document) => addNode(document, { id, description, position: { x: right + 240, y } }))) {
    select({ nodeIds: [id], edgeIds: [] });
  }
}

/** Node types matching the search, grouped by category in palette order. */
export function groupNodeTypes(
  nodeTypes: readonly NodeDescription[],
  query: string,
): [(typeof NODE_CATEGORIES)[number], NodeDescription[]][] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = nodeTypes.filter((description) => {
    const text = `${description.label} ${description.summary} ${description.type}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
  const groups: [(typeof NODE_CATEGORIES)[number], NodeDescription[]][] = [];
  for (const category of NODE_CATEGORIES) {
    const inCategory = matches.filter((description) => description.category === category);
    if (inCategory.length > 0)
      groups.push([category, inCategory.sort((a, b) => a.label.localeCompare(b.label))]);
  }
  return groups;
}
