import type { Mapping } from '../../engine/contract/mapping-document.ts';
import { FieldEditor } from './field-editor.tsx';
import { LookupPanel } from './lookup-panel.tsx';
import { type MappingPanel, showPanel, useMappingEditor } from './mapping-editor.store.ts';
import { SuggestionsPanel } from './suggestions-panel.tsx';
import { WhyPanel } from './why-panel.tsx';

const TABS: readonly { id: MappingPanel; title: string }[] = [
  { id: 'field', title: 'Field' },
  { id: 'why', title: 'Why' },
  { id: 'suggestions', title: 'Suggestions' },
  { id: 'lookups', title: 'Lookups' },
];

/** The editor's right-hand panel: the selected field, lineage, suggestions, lookup tables. */
export function SidePanel({ mapping }: { mapping: Mapping }) {
  const panel = useMappingEditor((state) => state.panel);
  const suggestionCount = useMappingEditor((state) => state.suggestions.length);
  return (
    <aside className="mapping-side">
      <div className="tabs" role="tablist">
        {TABS.map((tab) => (
          <button
            type="button"
            role="tab"
            key={tab.id}
            className="tab"
            aria-selected={panel === tab.id}
            data-testid={`mapping-tab-${tab.id}`}
            onClick={() => showPanel(tab.id)}
          >
            {tab.title}
            {tab.id === 'suggestions' && suggestionCount > 0 ? ` (${suggestionCount})` : ''}
          </button>
        ))}
      </div>
      <div className="mapping-side-body">
        {panel === 'field' && <FieldEditor mapping={mapping} />}
        {panel === 'why' && <WhyPanel />}
        {panel === 'suggestions' && <SuggestionsPanel />}
        {panel === 'lookups' && <LookupPanel mapping={mapping} />}
      </div>
    </aside>
  );
}
