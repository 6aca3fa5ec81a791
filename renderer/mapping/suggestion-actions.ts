import { flowApi } from '../api/flow-api.ts';
import { reportError } from '../state/designer.store.ts';
import {
  commitMapping,
  currentMapping,
  refreshSuggestions,
  useMappingEditor,
} from './mapping-editor.store.ts';

/** Accepts suggested pairs: the host adds them to the mapping, which becomes one undoable edit. */
export async function acceptSuggestions(
  pairs: readonly { target: string; source: string; conversion?: string }[],
): Promise<void> {
  if (pairs.length === 0) return;
  const result = await flowApi().applySuggestions({ mapping: currentMapping(), accepted: [...pairs] });
  if (!result.ok) return reportError(result.error);
  commitMapping(result.value.mapping);
}

/** Accepts the top candidate of every target at or above the threshold. */
export async function acceptAllAbove(threshold: number): Promise<void> {
  const pairs = useMappingEditor.getState().suggestions.flatMap((entry) => {
    const top = entry.candidates[0];
    return top && top.confidence >= threshold ? [top] : [];
  });
  await acceptSuggestions(pairs);
}

/** Dismisses a pair: it is not proposed again while the editor is open. */
export async function dismissSuggestion(pair: { target: string; source: string }): Promise<void> {
  useMappingEditor.setState((state) => ({ dismissed: [...state.dismissed, pair] }));
  await refreshSuggestions();
}

/** Sets the "accept all above" threshold. */
export function setThreshold(threshold: number): void {
  useMappingEditor.setState({ threshold });
}
