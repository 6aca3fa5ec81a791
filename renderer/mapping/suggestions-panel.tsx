import type { TargetSuggestions } from '../../engine/contract/mapping-editor-data.ts';
import { selectTarget, useMappingEditor } from './mapping-editor.store.ts';
import { acceptAllAbove, acceptSuggestions, dismissSuggestion, setThreshold } from './suggestion-actions.ts';

/** Suggested sources for unmapped targets: accept one, accept all above a confidence, or dismiss. */
export function SuggestionsPanel() {
  const suggestions = useMappingEditor((state) => state.suggestions);
  return (
    <div className="suggestions" data-testid="suggestions-panel">
      <AcceptAbove />
      {suggestions.length === 0 && (
        <p className="muted">No suggestions: every target with a likely source is mapped.</p>
      )}
      <ul className="suggestion-list">
        {suggestions.map((entry) => (
          <SuggestionItem key={entry.target} entry={entry} />
        ))}
      </ul>
    </div>
  );
}

function AcceptAbove() {
  const suggestions = useMappingEditor((state) => state.suggestions);
  const threshold = useMappingEditor((state) => state.threshold);
  const above = suggestions.filter((entry) => (entry.candidates[0]?.confidence ?? 0) >= threshold).length;
  return (
    <div className="suggestions-bar">
      <label className="small">
        Confidence ≥ {threshold.toFixed(2)}
        <input
          type="range"
          min={0.3}
          max={1}
          step={0.05}
          value={threshold}
          aria-label="Confidence threshold"
          onChange={(event) => setThreshold(Number(event.target.value))}
        />
      </label>
      <button
        type="button"
        disabled={above === 0}
        onClick={() => void acceptAllAbove(threshold)}
        data-testid="accept-all-above"
      >
        Accept {above} above
      </button>
    </div>
  );
}

function SuggestionItem({ entry }: { entry: TargetSuggestions }) {
  const top = entry.candidates[0];
  if (!top) return null;
  return (
    <li className="suggestion" data-testid={`suggestion-${entry.target}`}>
      <button type="button" className="link-button" onClick={() => selectTarget(entry.target)}>
        {entry.target}
        {entry.required ? ' *' : ''}
      </button>
      <span>
        ← <code>{top.source}</code>{' '}
        <span className="badge badge-muted">{Math.round(top.confidence * 100)}%</span>
      </span>
      <span className="small muted">{top.reasons.join('; ')}</span>
      <span className="suggestion-actions">
        <button
          type="button"
          onClick={() => void acceptSuggestions([top])}
          data-testid={`accept-${entry.target}`}
        >
          Accept
        </button>
        <button type="button" onClick={() => void dismissSuggestion(top)}>
          Dismiss
        </button>
      </span>
      {entry.candidates.slice(1).map((other) => (
        <span key={other.source} className="small muted">
          or <code>{other.source}</code> {Math.round(other.confidence * 100)}%{' '}
          <button type="button" className="link-button" onClick={() => void acceptSuggestions([other])}>
            use
          </button>
        </span>
      ))}
    </li>
  );
}
