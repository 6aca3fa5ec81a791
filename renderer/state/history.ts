/** Undo/redo stacks of whole snapshots; documents are immutable, so a snapshot is a reference. */
export interface History<T> {
  readonly past: readonly T[];
  readonly future: readonly T[];
}

/** How many edits can be undone. */
export const HISTORY_LIMIT = 200;

export const emptyHistory = <T>(): History<T> => ({ past: [], future: [] });

/** Records `before` as undoable and forgets what could be redone. */
export function record<T>(history: History<T>, before: T): History<T> {
  return { past: [...history.past.slice(-(HISTORY_LIMIT - 1)), before], future: [] };
}

/** The state to go back to and the history after undoing, or undefined when nothing is undoable. */
export function undo<T>(history: History<T>, current: T): { state: T; history: History<T> } | undefined {
  const state = history.past.at(-1);
  if (state === undefined) return undefined;
  return { state, history: { past: history.past.slice(0, -1), future: [current, ...history.future] } };
}

/** The state to go forward to and the history after redoing. */
export function redo<T>(history: History<T>, current: T): { state: T; history: History<T> } | undefined {
  const [state, ...future] = history.future;
  if (state === undefined) return undefined;
  return { state, history: { past: [...history.past, current], future } };
}
