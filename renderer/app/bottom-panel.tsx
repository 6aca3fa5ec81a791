import { ProblemsPanel } from '../designer/problems-panel.tsx';
import { useDesignerStore } from '../state/designer.store.ts';
import { showBottomTab, toggleBottomPanel, useUiStore } from '../state/ui.store.ts';
import { DESIGNER_EXTENSIONS } from './designer-extensions.ts';

const TABS = [
  { id: 'problems', title: 'Problems', Component: ProblemsPanel },
  ...DESIGNER_EXTENSIONS.flatMap((extension) => extension.bottomTabs ?? []),
];

/** Problems, and the tabs extensions add (test runs, ...). */
export function BottomPanel() {
  const { bottomTab, bottomOpen } = useUiStore();
  const problemCount = useDesignerStore((state) => state.problems.length);
  const active = TABS.find((tab) => tab.id === bottomTab) ?? TABS[0];
  return (
    <section className={`bottom-panel${bottomOpen ? '' : ' collapsed'}`} aria-label="Bottom panel">
      <div className="tabs" role="tablist">
        {TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={tab.id === active?.id}
            className="tab"
            onClick={() => showBottomTab(tab.id)}
          >
            {tab.title}
            {tab.id === 'problems' && problemCount > 0 ? (
              <span className="badge badge-error">{problemCount}</span>
            ) : null}
          </button>
        ))}
        <span className="spacer" />
        <button
          type="button"
          className="icon-button"
          aria-label="Toggle panel (Ctrl+J)"
          onClick={toggleBottomPanel}
        >
          {bottomOpen ? '▾' : '▴'}
        </button>
      </div>
      {bottomOpen && active ? (
        <div className="tab-body">
          <active.Component />
        </div>
      ) : null}
    </section>
  );
}
